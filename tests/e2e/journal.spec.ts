// Issue 12: the administrator finds in the journal who opened a request; the coordinator sees it on
// the request's page; the search says what to correct, in French; the CSV is the same search.
import { expect, test } from "@playwright/test";
import { ADMIN_USER, DEMO_GP, IDEC_MEUSE } from "./accounts";
import { expectAccessible } from "./fixtures";
import { fileRequest, newPatient, signedInPage } from "./requests";

test("a request's consultations: on its page for the coordinator, in the journal for the administrator, and in its CSV", async ({ browser }) => {
  const gp = await signedInPage(browser, DEMO_GP);
  const filed = await fileRequest(gp, newPatient("JOURNAL"));
  await gp.context().close();

  const nurse = await signedInPage(browser, IDEC_MEUSE);
  await nurse.goto(`/coordination/demandes/${filed.id}`);
  const panel = nurse.getByRole("region", { name: "Qui a consulté ce dossier" });
  await expect(panel).toContainText(IDEC_MEUSE.name);
  await nurse.context().close();

  const admin = await signedInPage(browser, ADMIN_USER);
  await admin.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Journal" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Journal des événements");
  const search = admin.getByRole("form", { name: "Rechercher dans le journal" });
  await search.getByLabel("Numéro de demande").fill(filed.number);
  await search.getByRole("button", { name: "Rechercher" }).click();
  const table = admin.getByRole("region", { name: "Événements du journal" });
  // The nurse's opening, and the GP's own (the confirmation page after filing).
  await expect(table.getByRole("row").filter({ hasText: "Dossier consulté" }).filter({ hasText: IDEC_MEUSE.email })).toHaveCount(1);
  await expect(table.getByRole("row").filter({ hasText: "Dossier consulté" }).filter({ hasText: DEMO_GP.email })).toHaveCount(1);
  await expect(table.getByRole("row").filter({ hasText: "Demande déposée" })).toContainText(DEMO_GP.email);
  await expect(table).not.toContainText("JOURNAL-");
  await expectAccessible(admin);

  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Exporter en CSV" }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    let text = "";
    for await (const chunk of stream) text += String(chunk);
    return text;
  });
  expect(csv).toContain("Dossier consulté");
  expect(csv).toContain(IDEC_MEUSE.email);
  expect(csv).toContain(filed.number);

  // The search of the journal is in the journal.
  await admin.goto(`/admin/journal?personne=${encodeURIComponent(ADMIN_USER.email)}`);
  await expect(admin.getByRole("region", { name: "Événements du journal" }).getByRole("row").filter({ hasText: "Journal consulté" }).first()).toBeVisible();
  await admin.context().close();
});

test("the journal's search says in French what to correct, at the field", async ({ browser }) => {
  const admin = await signedInPage(browser, ADMIN_USER);
  await admin.goto("/admin/journal?numero=abc&personne=pas-un-email");
  await expect(admin.getByLabel("Numéro de demande")).toHaveAttribute("aria-invalid", "true");
  await expect(admin.getByText("Numéro de demande invalide (ex. DA-000123).")).toBeVisible();
  await expect(admin.getByText("Adresse e-mail invalide.")).toBeVisible();
  await expect(admin.getByLabel("Numéro de demande")).toHaveValue("abc");
  await expectAccessible(admin);
  await admin.context().close();
});

test("only administrators open the journal", async ({ browser }) => {
  const nurse = await signedInPage(browser, IDEC_MEUSE);
  expect((await nurse.goto("/admin/journal"))?.status()).toBe(403);
  expect((await nurse.context().request.get("/admin/journal/export")).status()).toBe(403);
  await nurse.context().close();
});
