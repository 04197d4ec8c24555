import { expect, test } from "@playwright/test";
import { ROLE_HOME, ROLES } from "@/lib/authz/permissions";
import { DEMO_PASSWORD, demoAccount } from "./accounts";
import { signIn } from "./fixtures";

test("an anonymous visitor is sent to the sign-in page from every protected page", async ({ page }) => {
  for (const path of [...Object.values(ROLE_HOME), "/territoires"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(new RegExp(`/connexion\\?callbackUrl=${encodeURIComponent(path)}`));
  }
});

for (const role of ROLES) {
  test(`${role} is refused (403) the other roles' home pages, by URL`, async ({ page }) => {
    await signIn(page, demoAccount(role).email, DEMO_PASSWORD);
    await expect(page).toHaveURL(ROLE_HOME[role]);
    for (const [other, path] of Object.entries(ROLE_HOME)) {
      if (other === role) continue;
      const response = await page.goto(path);
      expect(response?.status(), `${role} → ${path}`).toBe(403);
      await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
    }
  });
}

test("the navigation shows each role only what it may open", async ({ page }) => {
  await signIn(page, demoAccount("GP").email, DEMO_PASSWORD);
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(nav.getByRole("link")).toHaveText(["Mes demandes", "Annuaire", "Territoires"]);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("the sign-in page never redirects to another site", async ({ page }) => {
  await page.goto("/connexion?callbackUrl=https://example.org/");
  await page.getByLabel("Adresse e-mail").fill(demoAccount("ARS").email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(ROLE_HOME.ARS);
});
