// Requests hors territoire (issue 13): a GP files for a patient of a commune no territory covers
// (the administrator took Cunel out of Meuse Nord for this test, and puts it back); the GP is told
// nothing is promised; the administrator sees it without its patient; the Meuse nurse is shown it
// in her queue, gives it her territory and takes it. Keyboard-free clicks, axe on each new page.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_USER, DEMO_GP, IDEC_MEUSE } from "./accounts";
import { expectAccessible } from "./fixtures";
import { fillNewRequest, landedOnNewRequest, newPatient, pageHeader, signedInPage } from "./requests";

const MEUSE_NORD = "Meuse Nord (Verdun)";

async function changeCunel(admin: Page, operation: "Ajouter" | "Retirer") {
  await admin.goto("/territoires");
  await admin.getByRole("link", { name: `Modifier le territoire ${MEUSE_NORD}` }).click();
  const communes = admin.getByRole("form", { name: "Ajouter ou retirer des communes" });
  await communes.getByRole("radio", { name: operation }).check();
  await communes.getByRole("radio", { name: "Une commune" }).check();
  const commune = communes.getByRole("combobox", { name: "Commune" });
  await commune.fill("Cunel");
  await admin.getByRole("option", { name: /^Cunel \(55110\)/ }).click();
  await communes.getByRole("button", { name: "Appliquer" }).click();
  await expect(communes.getByRole("status").filter({ hasText: /^Cunel :/ })).toHaveText(
    new RegExp(`^Cunel : 1 commune .* ${operation === "Ajouter" ? "ajoutée au" : "retirée du"} territoire\\.$`),
  );
}

test("a request from a commune no territory covers reaches the Meuse's nurse, who gives it her territory and takes it", async ({ browser }) => {
  test.slow(); // three people, a dozen pages, on a busy 2-core machine
  const admin = await signedInPage(browser, ADMIN_USER);
  await changeCunel(admin, "Retirer");
  try {
    // The GP is told before sending that no territory covers the commune, and that nothing is promised.
    const gp = await signedInPage(browser, DEMO_GP);
    const patient = newPatient("HORS");
    await gp.goto("/demandes/nouvelle");
    await fillNewRequest(gp, patient);
    const form = gp.getByRole("form", { name: "Nouvelle demande d'appui" });
    const commune = form.getByRole("combobox", { name: "Commune de résidence" });
    await commune.fill("Cunel");
    await gp.getByRole("option", { name: /^Cunel \(55110\)/ }).click();
    await expect(form.getByRole("status").filter({ hasText: "Aucun territoire ne couvre encore cette commune :" })).toContainText("sans délai garanti");
    await form.getByRole("button", { name: "Envoyer la demande" }).click();
    const filed = await landedOnNewRequest(gp);

    // The administrator sees it among the requests hors territoire, without its patient.
    await admin.goto("/admin");
    const outside = admin.getByRole("region", { name: /^Demandes hors territoire/ });
    await expect(outside.getByRole("article", { name: filed.number })).toContainText("Cunel (55)");
    await expect(outside).not.toContainText(patient.birthName);
    await expectAccessible(admin);

    // The Meuse nurse: shown it above her queue, it cannot be claimed before it has a territory.
    const idec = await signedInPage(browser, IDEC_MEUSE);
    await idec.getByRole("link", { name: "Les voir" }).click();
    await expect(idec).toHaveURL(/hors-territoire=1/);
    const item = idec.getByRole("article").filter({ hasText: filed.number });
    await expect(item).toContainText("Hors territoire");
    await expect(item.getByRole("button", { name: /^Prendre en charge/ })).toHaveCount(0);
    await expectAccessible(idec);
    await item.getByRole("link", { name: filed.number }).click();
    await expect(pageHeader(idec)).toContainText("Hors territoire");
    await expect(idec.getByRole("form", { name: "Prendre en charge" })).toHaveCount(0);

    // Both her territories are in the Meuse: she chooses (a missing choice is said at the field).
    const assign = idec.getByRole("form", { name: `Rattacher la demande ${filed.number} à un territoire` });
    await assign.getByRole("button", { name: "Rattacher à ce territoire" }).click();
    await expect(assign.getByText("Choisissez le territoire.")).toBeVisible();
    await expect(assign.getByLabel("Territoire")).toBeFocused();
    await assign.getByLabel("Territoire").selectOption({ label: `${MEUSE_NORD} (mon territoire)` });
    await assign.getByRole("button", { name: "Rattacher à ce territoire" }).click();
    await expect(idec.getByRole("status").filter({ hasText: `Demande rattachée au territoire ${MEUSE_NORD}` })).toBeVisible();
    await expect(idec.getByText(`Demande hors territoire rattachée au territoire ${MEUSE_NORD}`)).toBeVisible();
    await expectAccessible(idec);
    await idec.getByRole("form", { name: "Prendre en charge" }).getByRole("button", { name: "Prendre en charge" }).click();
    await expect(pageHeader(idec)).toContainText("En cours d'analyse");

    // It has left the administrator's list.
    await admin.goto("/admin");
    await expect(admin.getByRole("region", { name: /^Demandes hors territoire/ }).getByRole("article", { name: filed.number })).toHaveCount(0);
    for (const page of [gp, idec]) await page.context().close();
  } finally {
    await changeCunel(admin, "Ajouter");
    await admin.context().close();
  }
});
