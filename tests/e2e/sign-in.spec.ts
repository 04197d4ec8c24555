import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/prisma/seed";
import { ROLE_HOME, ROLE_LABELS } from "@/lib/authz/permissions";
import { DEMO_PASSWORD, LOCKOUT_ACCOUNT } from "./accounts";
import { expectAccessible, formError, signIn } from "./fixtures";

const HOME_HEADINGS: Record<string, RegExp> = {
  GP: /^Mes demandes$/,
  COORDINATOR: /^File des demandes$/,
  TEAM_MEMBER: /^Mon équipe$/,
  ARS: /^Tableaux de bord territoriaux$/,
  ADMIN: /^Administration du dispositif$/,
};

for (const account of DEMO_ACCOUNTS) {
  test(`${account.role} (${account.email}) signs in, lands on a French home page, and signs out`, async ({ page }) => {
    await signIn(page, account.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(ROLE_HOME[account.role]);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HOME_HEADINGS[account.role]!);
    await expect(page.getByTestId("current-user")).toHaveText(account.name);
    await expect(page.getByTestId("current-role")).toHaveText(ROLE_LABELS[account.role]);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/connexion\?deconnecte=1/);
    await expect(page.getByText("Vous êtes déconnecté·e.")).toBeVisible();
    await page.goto(ROLE_HOME[account.role]);
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
  });
}

test("a wrong password gets a clear French error and no session", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS[0]!.email, "pas-le-bon-mot-de-passe");
  await expect(formError(page)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto("/demandes");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fdemandes/);
});

test("empty fields are pointed out at the field, in French", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Saisissez votre adresse e-mail.")).toBeVisible();
  await expect(page.getByText("Saisissez votre mot de passe.")).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
});

test("repeated wrong passwords lock the account for a while, even for the right password", async ({ page }) => {
  // The e2e server locks after 3 failures (LOGIN_MAX_FAILURES=3).
  for (let i = 0; i < 2; i++) {
    await signIn(page, LOCKOUT_ACCOUNT.email, "mauvais");
    await expect(formError(page)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  }
  await signIn(page, LOCKOUT_ACCOUNT.email, "mauvais");
  await expect(formError(page)).toContainText("ce compte est bloqué. Réessayez dans 15 minutes");
  await signIn(page, LOCKOUT_ACCOUNT.email, LOCKOUT_ACCOUNT.password);
  await expect(formError(page)).toContainText("ce compte est bloqué");
  await expect(page).toHaveURL(/\/connexion/);
});

test("after signing in, the user goes back to the page they asked for", async ({ page }) => {
  const admin = DEMO_ACCOUNTS.find((a) => a.role === "ADMIN")!;
  await page.goto("/territoires");
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fterritoires/);
  await page.getByLabel("Adresse e-mail").fill(admin.email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL("/territoires");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Territoires et guichets uniques");
});
