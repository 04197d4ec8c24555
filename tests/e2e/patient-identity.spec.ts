// Two records of one person (issue 13, « Identity »): the GP filed twice, the second time with a
// typo in the birth name; the coordinator sees the likely duplicate on the request's page and
// merges it — both requests now belong to one patient, each history kept. Axe on the panel.
import { expect, test } from "@playwright/test";
import { DEMO_GP, IDEC_MEUSE } from "./accounts";
import { expectAccessible } from "./fixtures";
import { fileRequest, newPatient, signedInPage } from "./requests";

test("the coordinator merges the duplicate record of a patient from the request's page", async ({ browser }) => {
  test.slow(); // two people, six pages, on a busy 2-core machine
  const gp = await signedInPage(browser, DEMO_GP);
  const patient = newPatient("DOUBLON");
  const first = await fileRequest(gp, patient);
  const second = await fileRequest(gp, { ...patient, birthName: `${patient.birthName}E` });
  await gp.context().close();

  const idec = await signedInPage(browser, IDEC_MEUSE);
  await idec.goto(`/coordination/demandes/${second.id}`);
  const duplicates = idec.getByRole("region", { name: "Doublons possibles" });
  const candidate = duplicates.getByRole("form", { name: `Doublon : ${patient.birthName} Jeanne Marie, né(e) le ${patient.birthDate}` });
  await expect(candidate).toContainText("Femme · 1 demande");
  await expectAccessible(idec);
  await candidate.getByRole("button", { name: "Fusionner dans ce dossier" }).click();
  // Merged, it is no longer proposed (others of this shared database may still be).
  await expect(candidate).toHaveCount(0);
  await expect(idec.getByText("Dossier patient fusionné avec un doublon (historiques conservés)")).toBeVisible();

  // The first request now shows the patient's record as corrected on the second.
  await idec.goto(`/coordination/demandes/${first.id}`);
  await expect(idec.getByRole("region", { name: "Patient", exact: true })).toContainText(`${patient.birthName}E`);
  await expect(idec.getByText("Dossier patient fusionné avec un doublon (historiques conservés)")).toBeVisible();
  await idec.context().close();
});
