// Issue 12: a doctor signs in with Pro Santé Connect (the local stand-in scripts/e2e-server.ts
// starts: tests/helpers/psc-provider.ts) without any account prepared, lands on the GP's home and
// files a request; a nurse unknown to Maillage and a weak authentication are refused, in French.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_USER } from "./accounts";
import { expectAccessible } from "./fixtures";
import { fileRequest, newPatient, signedInPage } from "./requests";

async function signInWithPsc(page: Page, account: string) {
  await page.goto("/connexion");
  await expectAccessible(page);
  await page.getByRole("button", { name: "S'identifier avec Pro Santé Connect" }).click();
  await expect(page.getByRole("heading", { name: "Pro Santé Connect — environnement de test" })).toBeVisible();
  await page.getByRole("button", { name: account }).click();
}

test("a doctor with no account signs in with Pro Santé Connect, gets a GP account and files a request; the journal shows who opened it", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInWithPsc(page, "Dr Lina Cartier, médecin (sans compte Maillage)");
  await expect(page).toHaveURL("/demandes");
  await expect(page.getByTestId("current-user")).toHaveText("Dr Lina Cartier");
  await expect(page.getByTestId("current-role")).toHaveText("Médecin / professionnel adresseur");
  const { number } = await fileRequest(page, newPatient("PSC"));

  // The administrator finds the new account (RPPS from PSC) and, in the journal, who opened the request.
  const admin = await signedInPage(browser, ADMIN_USER);
  await admin.goto("/comptes");
  await expect(admin.getByRole("region", { name: "Tableau des comptes" })).toContainText("rpps-10101010105@psc.invalid");
  await admin.goto(`/admin/journal?numero=${encodeURIComponent(number)}`);
  const journal = admin.getByRole("region", { name: "Événements du journal" });
  await expect(journal.getByRole("row").filter({ hasText: "Dossier consulté" }).filter({ hasText: "rpps-10101010105@psc.invalid" })).toHaveCount(1);
  await expect(journal.getByRole("row").filter({ hasText: "Demande déposée" })).toContainText("rpps-10101010105@psc.invalid");
  await admin.context().close();
});

test("Pro Santé Connect sign-ins we do not let in are refused with the reason, in French", async ({ page, browser }) => {
  await signInWithPsc(page, "Marc Dulac, infirmier (sans compte Maillage)");
  await expect(page).toHaveURL(/\/connexion\?error=PSC_NOT_INVITED/);
  await expect(page.getByRole("alert").filter({ hasText: "aucun compte Maillage ne correspond à votre numéro RPPS" })).toBeVisible();
  await expectAccessible(page);

  // Another browser: the provider remembers who signed in on this one.
  const other = await (await browser.newContext()).newPage();
  await signInWithPsc(other, "Dr Paul Faible, médecin (authentification faible)");
  await expect(other).toHaveURL(/\/connexion\?error=PSC_ACR/);
  await expect(other.getByRole("alert").filter({ hasText: "authentification forte" })).toBeVisible();
  await other.context().close();
});
