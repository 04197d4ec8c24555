import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoAccount } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";

// Every page, as the roles that can open it see it (home pages are checked in sign-in.spec.ts).
test("the sign-in page, with and without errors, is accessible", async ({ page }) => {
  await page.goto("/connexion");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Saisissez votre adresse e-mail.")).toBeVisible();
  await expectAccessible(page);
});

test("the territories page, the 403 and the 404 pages are accessible", async ({ page }) => {
  await signIn(page, demoAccount("GP").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/demandes");
  await page.goto("/territoires");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Territoires et guichets uniques");
  await expectAccessible(page);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/nexiste-pas");
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expectAccessible(page);
});

test("the keyboard reaches the sign-in form from the skip link", async ({ page }) => {
  await page.goto("/connexion");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Adresse e-mail")).toBeFocused();
});
