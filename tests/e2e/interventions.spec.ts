// Activity records in the browser (issue 14, « Done when »: the EMSP records a home visit and a
// family meeting; the ARS sees the intervention counts, masked where small, and the four norms).
import { expect, test } from "@playwright/test";
import { parisYear } from "@/lib/time";
import { ARS_USER, DEMO_GP, EMSP_MEMBER, IDEC_MEUSE } from "./accounts";
import { expectAccessible } from "./fixtures";
import { EMSP, claimOnRequestPage, fileRequest, newPatient, openReferral, orient, signedInPage } from "./requests";

const today = () => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());

test("the EMSP records a home visit and a family meeting; the GP reads them; the ARS sees the counts and the four norms", async ({ browser }) => {
  test.slow(); // four people on a busy 2-core machine
  const [gp, idec, emsp] = await Promise.all([signedInPage(browser, DEMO_GP), signedInPage(browser, IDEC_MEUSE), signedInPage(browser, EMSP_MEMBER)]);
  const { id, number } = await fileRequest(gp, newPatient("ACTIVITE"));
  await claimOnRequestPage(idec, id);
  await orient(idec, [EMSP]);
  await openReferral(emsp, number);
  await emsp.getByRole("button", { name: "Accepter l'orientation" }).click();
  await expect(emsp.getByRole("status").filter({ hasText: "Orientation acceptée." })).toBeVisible();

  const panel = emsp.getByRole("region", { name: "Interventions" });
  const form = panel.getByRole("form", { name: "Enregistrer une intervention" });
  await form.getByRole("button", { name: "Enregistrer l'intervention" }).click();
  await expect(form.getByText("Indiquez le type d'intervention.")).toBeVisible();
  await expect(form.getByText("Indiquez la durée en minutes.")).toBeVisible();
  await form.getByLabel("Type d'intervention").selectOption({ label: "Visite à domicile" });
  await form.getByLabel("Durée (minutes)").fill("45");
  await form.getByLabel("Précisions (facultatif)").fill("Évaluation de la douleur, adaptation du traitement.");
  await form.getByRole("button", { name: "Enregistrer l'intervention" }).click();
  await expect(form.getByRole("status")).toHaveText("Intervention enregistrée : visite à domicile (45 min).");
  await form.getByLabel("Type d'intervention").selectOption({ label: "Entretien familial" });
  await form.getByLabel("Durée (minutes)").fill("60");
  await form.getByRole("button", { name: "Enregistrer l'intervention" }).click();
  await expect(form.getByRole("status")).toHaveText("Intervention enregistrée : entretien familial (60 min).");
  const list = panel.getByRole("list", { name: "Interventions enregistrées" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(panel).toContainText("2 interventions, 1 h 45 en tout.");
  await expectAccessible(emsp);

  // The GP reads what the team did, on his request's page and in its history.
  await gp.goto(`/demandes/${id}`);
  const gpPanel = gp.getByRole("region", { name: "Interventions" });
  await expect(gpPanel).toContainText(`Visite à domicile le ${today()} — 45 min`);
  await expect(gpPanel).toContainText("Évaluation de la douleur, adaptation du traitement.");
  await expect(gp.getByRole("region", { name: "Historique" })).toContainText(`Entretien familial le ${today()} (60 min) — ${EMSP}`);
  await expectAccessible(gp);

  // The ARS: the activity section of Meuse Sud, masked where small, and the four norms.
  const ars = await signedInPage(browser, ARS_USER);
  await ars.goto(`/ars?niveau=territoire&code=meuse-sud&annee=${parisYear()}`);
  const activity = ars.getByRole("region", { name: "Activité des équipes et repérage" });
  await expect(activity.getByRole("region", { name: "Tableau : Interventions par type", exact: true })).toBeVisible();
  await expect(activity.getByRole("region", { name: "Tableau : Repérage PALLIA-10" })).toBeVisible();
  const coverage = ars.getByRole("table", { name: "Couverture au regard des normes nationales" });
  await expect(coverage.getByRole("columnheader", { name: "Norme atteinte (1 USP par territoire)" })).toBeVisible();
  await expect(coverage.getByRole("columnheader", { name: "Norme atteinte (1 réseau par territoire)" })).toBeVisible();
  await expectAccessible(ars);
});
