// The supportive-care RCP in the browser (issue 14, « Done when »: she schedules an RCP, discusses
// the case, the synthesis sheet PDF reaches the GP's timeline and the delivery view). The EMSP then
// finds the decision it was given on its page and marks it done.
import { expect, test } from "@playwright/test";
import { ADMIN_USER, ARS_USER, DEMO_GP, EMSP_MEMBER, IDEC_MEUSE } from "./accounts";
import { expectAccessible } from "./fixtures";
import { EMSP, MEUSE_SUD, claimOnRequestPage, fileRequest, newPatient, openReferral, orient, signedInPage } from "./requests";

const todayIso = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date()); // YYYY-MM-DD

test("an RCP is scheduled and held; its synthesis sheet reaches the GP's timeline and the delivery view; the EMSP does its decision", async ({ browser }) => {
  test.slow(); // four people on a busy 2-core machine
  const [gp, idec, emsp] = await Promise.all([signedInPage(browser, DEMO_GP), signedInPage(browser, IDEC_MEUSE), signedInPage(browser, EMSP_MEMBER)]);
  const patient = newPatient("RCP");
  const { id, number } = await fileRequest(gp, patient);
  await claimOnRequestPage(idec, id);
  await orient(idec, [EMSP]);
  await openReferral(emsp, number);
  await emsp.getByRole("button", { name: "Accepter l'orientation" }).click();
  await expect(emsp.getByRole("status").filter({ hasText: "Orientation acceptée." })).toBeVisible();

  // Scheduled for today at midnight: already held, its discussion can be recorded.
  await idec.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "RCP", exact: true }).click();
  await expect(idec.getByRole("heading", { level: 1 })).toHaveText("RCP soins de support");
  const schedule = idec.getByRole("form", { name: "Programmer une RCP" });
  await schedule.getByLabel("Territoire").selectOption({ label: MEUSE_SUD.name });
  await schedule.getByLabel("Date").fill(todayIso());
  await schedule.getByLabel("Heure").fill("00:00");
  await schedule.getByRole("button", { name: "Programmer la RCP" }).click();
  await expect(schedule.getByText("Indiquez le lieu ou le lien de visioconférence.")).toBeVisible();
  await schedule.getByLabel("Lieu").fill("CH de Bar-le-Duc, salle 2");
  await schedule.getByRole("checkbox", { name: EMSP }).check();
  await schedule.getByRole("button", { name: "Programmer la RCP" }).click();
  await expect(idec).toHaveURL(/\/coordination\/rcp\/[^/]+$/);
  await expectAccessible(idec);

  const add = idec.getByRole("form", { name: "Inscrire une demande à l'ordre du jour" });
  await add.getByLabel("Demande").selectOption({ label: `${number} — ${patient.birthName.toUpperCase()} ${patient.firstNames}` });
  await add.getByLabel("Question posée à la RCP").fill("Relais HAD ou maintien de l'EMSP à domicile ?");
  await add.getByRole("button", { name: "Inscrire à l'ordre du jour" }).click();
  await expect(add.getByRole("status")).toHaveText("Demande inscrite à l'ordre du jour.");
  // On a phone, the meeting's page (with its record form) does not scroll sideways.
  const desktop = idec.viewportSize()!;
  await idec.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => idec.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await idec.setViewportSize(desktop);

  const discussion = idec.getByRole("form", { name: new RegExp(`^Enregistrer la discussion : ${number}`) });
  await discussion.getByRole("button", { name: "Enregistrer et envoyer la fiche de synthèse" }).click();
  await expect(discussion.getByText("Indiquez qui a participé à la discussion.")).toBeVisible();
  await discussion.getByLabel("Participants").fill("Dr Royer (EMSP), Mme Lambert (IDEC), Dr Martin (médecin traitant)");
  await discussion.getByLabel("Synthèse de la discussion").fill("Douleur contrôlée ; maintien à domicile avec l'EMSP.");
  await discussion.getByLabel("Action").first().fill("Visite à domicile dans la semaine");
  await discussion.getByLabel("Qui s'en charge").first().selectOption({ label: EMSP });
  await discussion.getByLabel("Échéance").first().fill(todayIso());
  await discussion.getByRole("button", { name: "Enregistrer et envoyer la fiche de synthèse" }).click();
  const agenda = idec.getByRole("region", { name: "Ordre du jour" });
  await expect(agenda.getByRole("link", { name: "Fiche de synthèse (PDF)" })).toBeVisible();
  await expect(agenda).toContainText(`Visite à domicile dans la semaine — ${EMSP}`);
  await expectAccessible(idec);

  // The GP: the sheet in his request's history, a PDF he can open.
  await gp.goto(`/demandes/${id}`);
  const history = gp.getByRole("region", { name: "Historique" });
  await expect(history).toContainText("Discutée en RCP soins de support : 1 décision");
  const sheet = history.getByRole("link", { name: "Fiche de synthèse de la RCP (PDF)" });
  const response = await gp.request.get((await sheet.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expectAccessible(gp);

  // The delivery view: the GP's e-mail says only that a sheet is there, with the request's number.
  const admin = await signedInPage(browser, ADMIN_USER);
  await expect(async () => {
    await admin.goto("/admin/envois?statut=KEPT");
    const mails = admin.getByTestId("deliveries").getByRole("listitem").filter({ hasText: DEMO_GP.email }).filter({ hasText: number });
    await mails.first().getByText("Texte du message").click();
    await expect(mails.first()).toContainText("fiche de synthèse");
  }).toPass({ timeout: 30_000 });
  const mail = admin.getByTestId("deliveries").getByRole("listitem").filter({ hasText: DEMO_GP.email }).filter({ hasText: number }).first();
  await expect(mail).not.toContainText(patient.birthName);
  await expect(mail).not.toContainText("Douleur");

  // The EMSP: its decision on its page; done.
  await emsp.goto("/equipe");
  const tasks = emsp.getByRole("region", { name: "Décisions de RCP à faire" });
  await expect(tasks).toContainText("Visite à domicile dans la semaine");
  await tasks.getByRole("button", { name: "Fait : Visite à domicile dans la semaine" }).click();
  await expect(tasks).toHaveCount(0);
  await expectAccessible(emsp);
});

test("the RCP pages are the coordination's; a sheet is refused to a signed-out visitor and to the ARS, unknown to another reader", async ({
  browser,
  page,
}) => {
  expect((await page.request.get("/rcp/fiches/inconnue")).status()).toBe(401);
  const ars = await signedInPage(browser, ARS_USER);
  expect((await ars.request.get("/rcp/fiches/inconnue")).status()).toBe(403);
  expect((await ars.goto("/coordination/rcp"))?.status()).toBe(403);
  const gp = await signedInPage(browser, DEMO_GP);
  expect((await gp.goto("/coordination/rcp"))?.status()).toBe(403);
  expect((await gp.request.get("/rcp/fiches/inconnue")).status()).toBe(404);
});
