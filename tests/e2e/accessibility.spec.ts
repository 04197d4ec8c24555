import { expect, test } from "@playwright/test";
import { ADMIN_USER, ARS_USER, DEMO_GP, DEMO_PASSWORD, demoAccount, EMSP_MEMBER, IDEC_MEUSE } from "./accounts";
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
  // A request that is not the GP's: notFound() from inside the app shell (one <main>, not two).
  await page.goto("/demandes/inconnue");
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
  await expectAccessible(page);
});

// Each role's menu and page around the same list: heading levels go h1 → h2 (a card's title was
// an h3 under the h1), for every role that can open the page.
for (const login of [DEMO_GP, IDEC_MEUSE, EMSP_MEMBER, ARS_USER, ADMIN_USER]) {
  test(`the territories page is accessible to ${login.role} (${login.email})`, async ({ page }) => {
    await signIn(page, login.email, login.password);
    await expect(page).not.toHaveURL(/connexion/);
    await page.goto("/territoires");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Territoires et guichets uniques");
    await expectAccessible(page);
    await expect(page.getByRole("heading", { level: 2, name: "Meuse Sud (Bar-le-Duc)" })).toBeVisible();
  });
}

test("the keyboard reaches the sign-in form from the skip link", async ({ page }) => {
  await page.goto("/connexion");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
  // Pro Santé Connect first (the browser tests configure it), then the e-mail and password form.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "S'identifier avec Pro Santé Connect" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Adresse e-mail")).toBeFocused();
});
