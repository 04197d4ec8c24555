// After claim, accept and close, the confirmation and the new state come on screen together: the
// confirmation used to show 0.5–0.75 s before the page did (the old status and a greyed
// « Enregistrement… » button beside it). Watched at every DOM change, not sampled on a timer.
import { expect, test, type Page } from "@playwright/test";
import { EMSP_MEMBER, IDEC_MEUSE, JOURNEY_GP } from "./accounts";
import { EMSP, fileRequest, newPatient, openReferral, orient, pageHeader, signedInPage } from "./requests";

type Watch = { message: string; newState: string; busy: string };

// From now on, records every moment the confirmation is on screen while the page header does not
// yet show the new state, or a button still says it is busy.
async function watchConfirmation(page: Page, watch: Watch) {
  await page.evaluate((w) => {
    const record = window as unknown as { __early: string[] };
    record.__early = [];
    const check = () => {
      const shown = [...document.querySelectorAll("[role=status]")].some((e) => e.textContent?.includes(w.message));
      if (!shown) return;
      const header = document.querySelector("main h1")?.parentElement?.textContent ?? "";
      const busy = [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === w.busy);
      if (!header.includes(w.newState) || busy) record.__early.push(`header: ${header}; busy button: ${busy}`);
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, watch);
}

async function expectShownTogether(page: Page, watch: Watch) {
  await expect(page.getByRole("status").filter({ hasText: watch.message })).toBeVisible();
  await expect(pageHeader(page)).toContainText(watch.newState);
  const early = await page.evaluate(() => (window as unknown as { __early: string[] }).__early);
  expect(early, "la confirmation s'est affichée avant le nouvel état de la page").toEqual([]);
}

test("the confirmations of claim, accept and close come with the page's new state, never before", async ({ browser }) => {
  test.setTimeout(120_000);
  const [gp, idec, emsp] = await Promise.all([signedInPage(browser, JOURNEY_GP), signedInPage(browser, IDEC_MEUSE), signedInPage(browser, EMSP_MEMBER)]);
  const { id, number } = await fileRequest(gp, newPatient("ANNONCE"));

  await idec.goto(`/coordination/demandes/${id}`);
  await expect(pageHeader(idec)).toContainText("Reçue");
  const claim = { message: "Demande prise en charge : elle est en cours d'analyse.", newState: "En cours d'analyse", busy: "Prise en charge…" };
  await watchConfirmation(idec, claim);
  await idec.getByRole("form", { name: "Prendre en charge" }).getByRole("button", { name: "Prendre en charge" }).click();
  await expectShownTogether(idec, claim);

  await orient(idec, [EMSP]);
  await openReferral(emsp, number);
  await expect(pageHeader(emsp)).toContainText("Proposée");
  const accept = { message: "Orientation acceptée.", newState: "Acceptée", busy: "Enregistrement…" };
  await watchConfirmation(emsp, accept);
  await emsp.getByRole("button", { name: "Accepter l'orientation" }).click();
  await expectShownTogether(emsp, accept);

  await idec.reload();
  await expect(pageHeader(idec)).toContainText("Prise en charge");
  const close = { message: "Demande clôturée : le médecin peut lire la synthèse.", newState: "Clôturée", busy: "Enregistrement…" };
  const closeForm = idec.getByRole("form", { name: "Clôturer la demande" });
  await closeForm.getByLabel("Issue de la demande").selectOption({ label: "Besoins couverts" });
  await closeForm.getByLabel("Synthèse pour le médecin").fill("EMSP passée, douleur contrôlée.");
  await watchConfirmation(idec, close);
  await closeForm.getByRole("button", { name: "Clôturer la demande" }).click();
  await expectShownTogether(idec, close);
});
