// During care (issue 13): the HAD, in charge of a patient, reports a hospitalisation from its
// referral page; the GP's bell shows it at once, the GP's request page says where and since when,
// and the coordination reads it too, withdraws the EMSP solicited in parallel, then requalifies
// the crisis as planned. Axe on the pages that changed.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_GP, HAD_MEMBER, IDEC_MEUSE } from "./accounts";
import { expectAccessible } from "./fixtures";
import { EMSP, HAD, claimOnRequestPage, fileRequest, newPatient, openReferral, orient, referralCard, signedInPage } from "./requests";

const bell = (page: Page) => page.getByRole("link", { name: /^Notifications : / });
const today = () => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());

test("the HAD reports a hospitalisation: the GP's bell shows it at once, and the request says where and since when", async ({ browser }) => {
  test.slow(); // four people, a dozen pages, on a busy 2-core machine
  const [gp, idec, had] = await Promise.all([signedInPage(browser, DEMO_GP), signedInPage(browser, IDEC_MEUSE), signedInPage(browser, HAD_MEMBER)]);
  const { id, number } = await fileRequest(gp, newPatient("PARCOURS"));
  await claimOnRequestPage(idec, id);
  await orient(idec, [HAD, EMSP]);
  await openReferral(had, number);
  await had.getByRole("button", { name: "Accepter l'orientation" }).click();
  await expect(had.getByRole("status").filter({ hasText: "Orientation acceptée." })).toBeVisible();

  // The report: a hospitalisation needs its place, said at the field; then it goes.
  const report = had.getByRole("form", { name: "Signaler un événement du parcours" });
  await report.getByRole("radio", { name: "Hospitalisation" }).check();
  await report.getByRole("button", { name: "Signaler" }).click();
  await expect(report.getByText("Indiquez l'établissement (ex. CH de Verdun, service).")).toBeVisible();
  await expect(report.getByLabel("Établissement (hospitalisation, EHPAD)")).toBeFocused();
  await report.getByLabel("Établissement (hospitalisation, EHPAD)").fill("CH de Verdun, cardiologie");
  await report.getByRole("button", { name: "Signaler" }).click();
  await expect(report.getByRole("status")).toHaveText("Événement signalé : le médecin, la coordination et les équipes en charge sont prévenus.");
  const situation = `Situation signalée : Hospitalisation depuis le ${today()} (CH de Verdun, cardiologie)`;
  await expect(had.getByRole("region", { name: "Situation du patient" })).toContainText(situation);
  await expectAccessible(had);

  // The HAD, in charge, completes the patient's care circle: the son, the carer, with his phone.
  const circle = had.getByRole("region", { name: "Entourage du patient" });
  const addContact = circle.getByRole("form", { name: "Ajouter à l'entourage" });
  await addContact.getByRole("button", { name: "Ajouter" }).click();
  await expect(addContact.getByText("Indiquez qui est cette personne pour le patient.")).toBeVisible();
  await addContact.getByLabel("Qui est-ce pour le patient ?").selectOption({ label: "Aidant" });
  await addContact.getByLabel("Nom", { exact: true }).fill("Paul Parcours (fils)");
  await addContact.getByLabel("Téléphone (facultatif)").fill("06 11 22 33 44");
  await addContact.getByRole("button", { name: "Ajouter" }).click();
  await expect(circle.getByRole("list", { name: "Entourage" })).toContainText("Paul Parcours (fils) — Aidant");
  await expect(circle.getByRole("link", { name: "06 11 22 33 44" })).toHaveAttribute("href", "tel:0611223344");

  // The GP: the bell lists it, in words that say nothing of what happened; the request says it.
  await gp.goto("/demandes");
  await bell(gp).click();
  const item = gp.getByTestId("notification-list").getByRole("link", { name: `Non lue : ${number} : un événement du parcours du patient a été signalé` });
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute("href", `/demandes/${id}`);
  await gp.goto(`/demandes/${id}`);
  await expect(gp.getByRole("region", { name: "Situation du patient" })).toContainText(situation);
  await expect(gp.getByText(`Hospitalisation depuis le ${today()} (CH de Verdun, cardiologie)`).last()).toBeVisible();
  await expectAccessible(gp);

  // The coordination reads it on the request's page.
  await idec.goto(`/coordination/demandes/${id}`);
  await expect(idec.getByRole("region", { name: "Situation du patient" })).toContainText(situation);
  await expect(idec.getByRole("region", { name: "Entourage du patient" })).toContainText("Paul Parcours (fils) — Aidant");

  // Parallel referrals: the HAD accepted while the EMSP was solicited too; the nurse is offered to
  // withdraw the EMSP's (not ticked for her: another type of structure), and does.
  const parallel = idec.getByRole("form", { name: "Orientations en parallèle" });
  await expect(parallel).toContainText(`${HAD} a accepté.`);
  const emspBox = parallel.getByRole("checkbox", { name: EMSP });
  await expect(emspBox).not.toBeChecked();
  await parallel.getByRole("button", { name: "Retirer les orientations cochées" }).click();
  await expect(parallel.getByText("Cochez au moins une orientation à retirer.")).toBeVisible();
  await emspBox.check();
  await parallel.getByRole("button", { name: "Retirer les orientations cochées" }).click();
  await expect(referralCard(idec, EMSP)).toContainText("Annulée");
  await expect(idec.getByText(`Orientation vers ${EMSP} retirée : une autre équipe a accepté (orientations en parallèle)`)).toBeVisible();
  await expect(parallel).toHaveCount(0);

  // Hospitalised, the crisis is no longer one at home: the nurse requalifies it, with her reason.
  await idec.getByText("Requalifier (urgence, lieu, besoins)").click();
  const requalify = idec.getByRole("form", { name: "Requalifier la demande" });
  await requalify.getByRole("radio", { name: "Programmée" }).check();
  await requalify.getByRole("button", { name: "Requalifier" }).click();
  await expect(requalify.getByText("Indiquez pourquoi (ex. appel de la famille : douleur contrôlée depuis hier).")).toBeVisible();
  await requalify.getByLabel("Motif").fill("Hospitalisé : plus d'urgence à domicile.");
  await requalify.getByRole("button", { name: "Requalifier" }).click();
  await expect(requalify.getByRole("status")).toHaveText("Demande requalifiée : les échéances suivent la nouvelle urgence, comptées depuis le dépôt.");
  await expect(idec.getByText("Demande requalifiée par la coordination (urgence crise → programmée)")).toBeVisible();
  await expectAccessible(idec);
  for (const page of [gp, idec, had]) await page.context().close();
});
