// Screening grids in the browser (issue 14, « Done when »: the nurse's PALLIA-10 with 5 « oui »
// ranks the EMSP first with that reason). The GP answers PALLIA-10 while filing (an incomplete one
// is refused at its question, his answers kept); the nurse sees the result, the EMSP first for pain
// with the reason, fills the distress thermometer and is offered psychological support.
import { expect, test } from "@playwright/test";
import { DEMO_GP, IDEC_MEUSE } from "./accounts";
import { expectAccessible } from "./fixtures";
import { claimOnRequestPage, EMSP, fillNewRequest, landedOnNewRequest, newPatient, signedInPage } from "./requests";

const PALLIA_RESULT = "PALLIA-10 : 5 réponses « oui » sur 10 — plus de 3 : faire appel à une équipe spécialisée en soins palliatifs";

test("PALLIA-10 from the GP's form ranks the EMSP first for the nurse; the distress thermometer suggests psychological support", async ({ browser }) => {
  test.setTimeout(120_000);
  const gp = await signedInPage(browser, DEMO_GP);
  await gp.goto("/demandes/nouvelle");
  await fillNewRequest(gp, newPatient("GRILLE"));
  const form = gp.getByRole("form", { name: "Nouvelle demande d'appui" });
  await form.getByText("PALLIA-10 : repérage palliatif (facultatif)").click();
  const question = (n: number) => form.getByRole("group", { name: new RegExp(`^${n}\\. `) });
  for (let n = 1; n <= 3; n++) await question(n).getByRole("radio", { name: "Oui" }).check();
  await gp.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(question(4)).toContainText("Répondez à la question 4 (oui ou non).");
  await expect(question(1).getByRole("radio", { name: "Oui" })).toBeChecked();
  for (let n = 4; n <= 10; n++)
    await question(n)
      .getByRole("radio", { name: n <= 5 ? "Oui" : "Non" })
      .check();
  await gp.getByRole("button", { name: "Envoyer la demande" }).click();
  const filed = await landedOnNewRequest(gp);
  await expect(gp.getByRole("region", { name: "Grilles de repérage" })).toContainText(PALLIA_RESULT);
  await expect(gp.getByRole("region", { name: "Historique" })).toContainText(PALLIA_RESULT);
  await expectAccessible(gp);

  const idec = await signedInPage(browser, IDEC_MEUSE);
  await claimOnRequestPage(idec, filed.id);
  const grids = idec.getByRole("region", { name: "Grilles de repérage" });
  await expect(grids.getByRole("list", { name: "Résultats des grilles" })).toContainText(PALLIA_RESULT);
  const pain = idec.getByRole("region", { name: "Suggestions d'orientation" }).getByRole("region", { name: "Douleur", exact: true });
  const first = pain.getByRole("list", { name: "Suggestions pour : Douleur" }).getByRole("article").first();
  await expect(first.getByRole("heading", { level: 4 })).toHaveText(EMSP);
  await expect(first.getByRole("list", { name: `Pourquoi ${EMSP}` })).toContainText(
    "PALLIA-10 à 5 « oui » sur 10 (plus de 3) : équipe spécialisée en soins palliatifs, proposée en premier",
  );

  // The distress thermometer at 6: psychological support is proposed, for her to confirm.
  await grids.getByText("Remplir : Thermomètre de la détresse et liste de problèmes").click();
  const distress = grids.getByRole("form", { name: "Remplir la grille Thermomètre de la détresse" });
  await distress.getByRole("button", { name: "Enregistrer la grille" }).click();
  await expect(distress.getByText("Indiquez le score du thermomètre (0 à 10).")).toBeVisible();
  await distress
    .getByRole("group", { name: /^Détresse ressentie/ })
    .getByRole("radio", { name: "6", exact: true })
    .check();
  await distress.getByRole("checkbox", { name: "Physique : sommeil" }).check();
  await distress.getByRole("button", { name: "Enregistrer la grille" }).click();
  await expect(distress.getByRole("status")).toContainText("Thermomètre de la détresse : 6/10 — détresse significative (4 ou plus) ; 1 problème signalé");
  await expect(grids.getByRole("note", { name: "Ce que suggèrent les grilles" })).toContainText(
    "ajouter le besoin « Soutien psychologique du patient » : thermomètre de la détresse à 6/10 (4 ou plus)",
  );
  await expectAccessible(idec);
});
