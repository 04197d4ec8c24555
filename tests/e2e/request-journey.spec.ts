// The request lifecycle end to end (issue 3), four people in four browser sessions: a GP files a
// crisis request, the Meuse coordinating nurse claims it and orients it to two teams, the HAD
// declines, the EMSP accepts, calls the patient, writes to the GP and completes, the nurse closes
// with a summary, and the GP reads every step, who did it and when — but not the nurse's notes.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { formatDate, formatDateTime, parisIsoDay } from "@/lib/time";
import { EMSP_MEMBER, HAD_MEMBER, IDEC_MEUSE, JOURNEY_GP } from "./accounts";
import { expectAccessible, formError } from "./fixtures";
import {
  EMSP,
  HAD,
  MEUSE_SUD,
  chooseBarLeDuc,
  fillNewRequest,
  landedOnNewRequest,
  newPatient,
  openReferral,
  orient,
  pageHeader,
  referralCard,
  signedInPage,
  uniqueTag,
} from "./requests";

const EMSP_ACTOR = `${EMSP_MEMBER.name} (${EMSP})`;
const HAD_ACTOR = `${HAD_MEMBER.name} (${HAD})`;
const IDEC_ACTOR = `${IDEC_MEUSE.name} (coordination)`;
const GP_ACTOR = `${JOURNEY_GP.name} (Médecin / professionnel adresseur)`;

test("a crisis request goes from the GP to two teams and back to the GP, every step in the timeline", async ({ browser }) => {
  test.setTimeout(180_000);
  const started = new Date();
  const tag = uniqueTag();
  const patient = newPatient("PARCOURS");
  const words = {
    orientation: `Patient très algique, merci de passer vite (${tag}).`,
    coordinationNote: `Note interne de coordination ${tag} : fille joignable le soir.`,
    declineDetails: `Plus de place avant lundi (${tag}).`,
    feedback: `Retour EMSP ${tag} : titration de morphine commencée, revue dans 48 h.`,
    completion: `Fin d'intervention EMSP ${tag} : douleur contrôlée, relais infirmier en place.`,
    summary: `Synthèse ${tag} : douleur contrôlée, EMSP passée, HAD sans place ; à revoir en consultation.`,
  };

  const [gp, idec, emsp, had] = await Promise.all([
    signedInPage(browser, JOURNEY_GP),
    signedInPage(browser, IDEC_MEUSE),
    signedInPage(browser, EMSP_MEMBER),
    signedInPage(browser, HAD_MEMBER),
  ]);

  // 1. The GP files a crisis request for pain and palliative care, in Bar-le-Duc.
  const { id, number } = await test.step("the GP files the request and reads its number and the promised delays", async () => {
    await expect(gp.getByRole("heading", { level: 1 })).toHaveText("Mes demandes");
    await gp.getByRole("link", { name: "Nouvelle demande" }).click();
    await expect(gp.getByRole("heading", { level: 1 })).toHaveText("Nouvelle demande d'appui");
    await expectAccessible(gp);

    // Sent empty: every required field says what to do, and the form stays accessible.
    await gp.getByRole("button", { name: "Envoyer la demande" }).click();
    await expect(formError(gp)).toHaveText("Certains champs sont à corriger.");
    await expect(gp.getByLabel("Nom de naissance")).toHaveAttribute("aria-invalid", "true");
    await expect(gp.getByLabel("Nom de naissance")).toBeFocused();
    await expect(gp.getByText("Indiquez le nom de naissance.")).toBeVisible();
    await expect(gp.getByText("Choisissez la commune dans la liste.")).toBeVisible();
    await expect(gp.getByText("Cochez au moins un besoin.")).toBeVisible();
    await expect(gp.getByText("Le consentement du patient à la coordination est nécessaire.")).toBeVisible();
    await expectAccessible(gp);

    await fillNewRequest(gp, patient);
    await expect(gp.getByRole("combobox", { name: "Commune de résidence" }).locator("xpath=../..").getByRole("status")).toHaveText(
      `Territoire : ${MEUSE_SUD.name}`,
    );
    // The promise, before sending: the crisis delays of Meuse Sud and its number.
    const delays = gp.getByRole("region", { name: `Délais annoncés par ${MEUSE_SUD.name}` });
    await expect(delays).toContainText(
      `En situation de crise : prise en charge par une infirmière de coordination sous ${MEUSE_SUD.serviceLevels.triageHoursCrisis} h d'astreinte`,
    );
    await expect(delays).not.toContainText("Pour une demande programmée");
    await expect(delays.getByRole("link", { name: MEUSE_SUD.publicPhone })).toBeVisible();
    await gp.getByRole("button", { name: "Envoyer la demande" }).click();

    const filed = await landedOnNewRequest(gp);
    const confirmation = gp.getByRole("status").filter({ hasText: `Demande ${filed.number} envoyée.` });
    await expect(confirmation).toContainText(`${MEUSE_SUD.name} : guichet unique ${MEUSE_SUD.publicPhone}`);
    await expect(confirmation.getByRole("link", { name: MEUSE_SUD.publicPhone })).toHaveAttribute("href", `tel:${MEUSE_SUD.publicPhone.replaceAll(" ", "")}`);
    await expect(confirmation).toContainText(
      /Prise en charge au plus tard le \S+ \d\d\/\d\d\/\d{4} à \d\d:\d\d \(heures d'astreinte, jours fériés compris\)\./,
    );
    await expect(confirmation).toContainText(
      /Premier contact au plus tard le \S+ \d\d\/\d\d\/\d{4} à \d\d:\d\d \(heures d'astreinte, jours fériés compris\)\./,
    );
    await expect(pageHeader(gp)).toContainText("Reçue");
    await expect(pageHeader(gp)).toContainText("Crise");
    await expect(gp.getByRole("region", { name: "Patient et demande", exact: true })).toContainText(`${patient.birthName} ${patient.firstNames}`);
    await expect(gp.getByRole("heading", { name: "Historique" })).toBeVisible();
    await expectAccessible(gp);
    return filed;
  });

  // 2. The nurse finds it in the queue, claims it, writes a note, and orients it to two teams.
  await test.step("the coordinator claims the request from the queue and orients it to the EMSP and the HAD", async () => {
    await idec.goto("/coordination");
    const row = idec.getByRole("article", { name: number, exact: true });
    await expect(row).toContainText("Reçue");
    await expect(row).toContainText("Douleur · Soins palliatifs / fin de vie");
    await expect(row).toContainText("Bar-le-Duc");
    await expect(row).toContainText("Non attribuée");
    await expectAccessible(idec);
    await row.getByRole("button", { name: `Prendre en charge ${number}` }).click();

    await expect(idec).toHaveURL(`/coordination/demandes/${id}`);
    await expect(idec.getByRole("heading", { level: 1 })).toHaveText(`Demande ${number}`);
    await expect(pageHeader(idec)).toContainText("En cours d'analyse");
    await expect(idec.getByRole("region", { name: "Patient", exact: true })).toContainText(patient.birthName);
    await expect(idec.getByRole("region", { name: "Suivi", exact: true })).toContainText(IDEC_MEUSE.name);

    const noteForm = idec.getByRole("form", { name: "Ajouter une note" });
    await noteForm.getByLabel("Note de coordination").fill(words.coordinationNote);
    await noteForm.getByRole("button", { name: "Ajouter la note" }).click();
    await expect(noteForm.getByRole("status")).toHaveText("Note ajoutée.");
    await expect(timeline(idec)).toContainText(words.coordinationNote);
    await expectAccessible(idec);

    await orient(idec, [EMSP, HAD], words.orientation);
  });

  await test.step("the GP sees the request oriented", async () => {
    await gp.reload();
    await expect(pageHeader(gp)).toContainText("Orientée");
    const teams = gp.getByRole("region", { name: "Équipes sollicitées", exact: true });
    await expect(teams.getByRole("listitem").filter({ hasText: EMSP })).toContainText("Proposée");
    await expect(teams.getByRole("listitem").filter({ hasText: HAD })).toContainText("Proposée");
  });

  // 3. The HAD declines, with a reason.
  await test.step("the HAD declines for lack of capacity", async () => {
    await had.goto("/equipe");
    await expect(had.getByRole("heading", { level: 1 })).toHaveText("Mon équipe");
    await expect(had.getByRole("region", { name: /^Nouvelles orientations/ }).getByRole("link", { name: number, exact: true })).toBeVisible();
    await expectAccessible(had);
    await openReferral(had, number);
    await expect(pageHeader(had)).toContainText("Proposée");
    await expect(had.getByRole("region", { name: "Patient", exact: true })).toContainText(patient.birthName);
    await expect(had.getByRole("region", { name: "Demande", exact: true })).toContainText(words.orientation);
    await expectAccessible(had);
    await had.getByLabel("Motif du refus").selectOption({ label: "Capacité atteinte" });
    await had.getByLabel("Précisions").fill(words.declineDetails);
    await had.getByRole("button", { name: "Refuser l'orientation" }).click();
    // The EMSP has not answered yet: the request stays with the teams.
    await expect(had.getByRole("status")).toHaveText("Orientation refusée : la coordination en est informée.");
    await expect(pageHeader(had)).toContainText("Refusée");
    await expect(had.getByRole("button", { name: "Accepter l'orientation" })).toHaveCount(0);
  });

  // 4. The EMSP accepts, records the first contact, writes to the GP, and completes.
  await test.step("the EMSP accepts, records the first contact, writes to the GP and completes", async () => {
    await openReferral(emsp, number);
    await expect(emsp.getByRole("region", { name: "Demande", exact: true })).toContainText(words.orientation);
    await emsp.getByRole("button", { name: "Accepter l'orientation" }).click();
    await expect(emsp.getByRole("status")).toHaveText("Orientation acceptée.");
    await expect(pageHeader(emsp)).toContainText("Acceptée");

    await expect(emsp.getByLabel("Date du premier contact")).toHaveValue(parisIsoDay());
    await emsp.getByRole("button", { name: "Enregistrer le premier contact" }).click();
    await expect(emsp.getByRole("status")).toHaveText("Premier contact enregistré.");
    await expect(pageHeader(emsp)).toContainText("En cours");

    await emsp.getByRole("radio", { name: /^Retour au médecin/ }).check();
    await emsp.getByLabel("Note", { exact: true }).fill(words.feedback);
    await emsp.getByRole("button", { name: "Ajouter la note" }).click();
    await expect(emsp.getByRole("status")).toHaveText("Note ajoutée.");
    await expect(timeline(emsp)).toContainText(words.feedback);

    await emsp.getByLabel("Retour pour le médecin").fill(words.completion);
    await emsp.getByRole("button", { name: "Terminer l'intervention" }).click();
    await expect(emsp.getByRole("status")).toHaveText("Intervention terminée : votre retour est transmis au médecin.");
    await expect(pageHeader(emsp)).toContainText("Terminée");
    // A team reads its own part of the story, not the other team's decline nor the nurse's notes.
    await expect(timeline(emsp)).not.toContainText(HAD);
    await expect(emsp.locator("main")).not.toContainText(words.coordinationNote);
  });

  await test.step("the GP sees the request in care", async () => {
    await gp.reload();
    await expect(pageHeader(gp)).toContainText("Prise en charge");
    const teams = gp.getByRole("region", { name: "Équipes sollicitées", exact: true });
    await expect(teams.getByRole("listitem").filter({ hasText: HAD })).toContainText("Refusée (capacité atteinte)");
    await expect(teams.getByRole("listitem").filter({ hasText: EMSP })).toContainText("Terminée");
  });

  // 5. The nurse sees both answers and closes with an outcome and a summary.
  await test.step("the coordinator sees both answers and closes the request", async () => {
    await idec.reload();
    await expect(pageHeader(idec)).toContainText("Prise en charge");
    const hadCard = referralCard(idec, HAD);
    await expect(hadCard).toContainText("Refusée");
    await expect(hadCard).toContainText(`Motif du refus : Capacité atteinte — ${words.declineDetails}`);
    const emspCard = referralCard(idec, EMSP);
    await expect(emspCard).toContainText("Terminée");
    await expect(emspCard).toContainText(`Premier contact le ${formatDate(new Date())}`);

    const closeForm = idec.getByRole("form", { name: "Clôturer la demande" });
    await closeForm.getByLabel("Issue de la demande").selectOption({ label: "Besoins couverts" });
    await closeForm.getByLabel("Synthèse pour le médecin").fill(words.summary);
    await closeForm.getByRole("button", { name: "Clôturer la demande" }).click();
    await expect(pageHeader(idec)).toContainText("Clôturée");
    await expect(idec.getByRole("region", { name: "Suivi", exact: true })).toContainText(words.summary);
    await expect(idec.getByRole("form", { name: "Rouvrir la demande" })).toBeVisible();
    await expect(idec.getByRole("form", { name: "Clôturer la demande" })).toHaveCount(0);
  });

  // 6. The GP reads the whole story: each step with who and when, the summary, no coordination note.
  await test.step("the GP reads the timeline, the teams' words and the closure summary", async () => {
    const finished = new Date();
    await gp.goto("/demandes");
    const card = gp.getByRole("listitem").filter({ has: gp.getByRole("link", { name: `${number} — ${patient.birthName} ${patient.firstNames}` }) });
    await expect(card).toContainText("Clôturée");
    await expect(card).toContainText("Dernière étape : Clôturée : besoins couverts");
    await card.getByRole("link", { name: new RegExp(`^${number}`) }).click();

    await expect(gp).toHaveURL(`/demandes/${id}`);
    await expect(pageHeader(gp)).toContainText("Clôturée");
    const summary = gp.getByRole("region", { name: "Synthèse de clôture", exact: true });
    await expect(summary).toContainText("Besoins couverts");
    await expect(summary).toContainText(words.summary);

    const steps: [string, string, string?][] = [
      ["Demande déposée (formulaire professionnel)", GP_ACTOR],
      ["Demande prise en charge par la coordination", IDEC_ACTOR],
      [`Orientation proposée vers`, IDEC_ACTOR],
      [`${HAD} décline l'orientation (capacité atteinte)`, HAD_ACTOR, words.declineDetails],
      [`${EMSP} accepte l'orientation`, EMSP_ACTOR],
      ["Statut : prise en charge", EMSP_ACTOR],
      [`${EMSP} : premier contact le ${formatDate(new Date())}`, EMSP_ACTOR],
      [`${EMSP} : retour au médecin`, EMSP_ACTOR, words.feedback],
      [`${EMSP} termine son intervention`, EMSP_ACTOR, words.completion],
      ["Demande clôturée : besoins couverts", IDEC_ACTOR, words.summary],
    ];
    const history = timeline(gp);
    const positions: number[] = [];
    for (const [what, who, note] of steps) {
      const entry = history.getByRole("listitem").filter({ hasText: what });
      await expect(entry, what).toHaveCount(1);
      await expect(entry, what).toContainText(who);
      if (note) await expect(entry, what).toContainText(note);
      await expectTimeWithin(entry.locator("time"), started, finished);
      positions.push(await entryIndex(history, what));
    }
    expect(positions, "étapes dans l'ordre").toEqual([...positions].sort((a, b) => a - b));
    await expect(history.getByRole("listitem").filter({ hasText: "Orientation proposée vers" })).toContainText(EMSP);
    await expect(history.getByRole("listitem").filter({ hasText: "Orientation proposée vers" })).toContainText(HAD);

    // The coordinator's working note never reaches the GP, neither its text nor its entry.
    await expect(gp.locator("main")).not.toContainText(words.coordinationNote);
    await expect(history.getByRole("listitem").filter({ hasText: "Note de coordination" })).toHaveCount(0);
    await expectAccessible(gp);
  });

  for (const page of [gp, idec, emsp, had]) await page.context().close();
});

test("the coordinator records a request received by phone and opens it", async ({ browser }) => {
  test.slow(); // a long form, then the request page with its routing suggestions
  const idec = await signedInPage(browser, IDEC_MEUSE);
  const patient = newPatient("APPEL", "Homme");
  await idec.goto("/coordination");
  await idec.getByRole("link", { name: "Enregistrer un appel" }).click();
  await expect(idec.getByRole("heading", { level: 1 })).toHaveText("Enregistrer un appel");
  await expectAccessible(idec);

  const form = idec.getByRole("form", { name: "Demande reçue par téléphone" });
  await form.getByRole("button", { name: "Enregistrer la demande" }).click();
  await expect(form.getByRole("alert")).toHaveText("Certains champs sont à corriger.");
  await expect(form.getByLabel("Nom de l'appelant")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(idec);

  await form.getByRole("radio", { name: "Patient ou proche" }).check();
  await form.getByLabel("Nom de l'appelant").fill(`Martine ${patient.birthName}`);
  await form.getByLabel("Téléphone de l'appelant").fill("06 12 34 56 78");
  await form.getByLabel("Lien avec le patient (facultatif)").fill("fille");
  await form.getByLabel("Nom de naissance").fill(patient.birthName);
  await form.getByLabel("Prénoms").fill(patient.firstNames);
  await form.getByLabel("Date de naissance").pressSequentially("02071939");
  await form.getByRole("radio", { name: "Homme", exact: true }).check();
  await chooseBarLeDuc(idec, form.getByRole("combobox", { name: "Commune de résidence" }));
  await form.getByRole("checkbox", { name: "Répit de l'aidant", exact: true }).check();
  await form.getByRole("radio", { name: "Demande programmée" }).check();
  await form.getByRole("checkbox", { name: /^Le patient \(ou son représentant\) accepte/ }).check();
  await form.getByRole("button", { name: "Enregistrer la demande" }).click();

  const confirmation = idec.getByRole("heading", { name: /^Demande DA-\d{6} enregistrée$/ });
  await expect(confirmation).toBeFocused();
  const number = (await confirmation.textContent())!.replace(/^Demande (DA-\d{6}) enregistrée$/, "$1");
  await expect(idec.getByRole("status").filter({ hasText: "Territoire" })).toContainText(
    `Territoire : ${MEUSE_SUD.name} — guichet unique ${MEUSE_SUD.publicPhone}`,
  );
  await idec.getByRole("link", { name: `Ouvrir la demande ${number}` }).click();
  await expect(idec.getByRole("heading", { level: 1 })).toHaveText(`Demande ${number}`);
  await expect(pageHeader(idec)).toContainText("Reçue");
  await expect(idec.getByRole("region", { name: "Demandeur", exact: true })).toContainText("Patient ou proche");
  await expect(timeline(idec).getByRole("listitem").first()).toContainText("Demande déposée (téléphone)");
  await idec.context().close();
});

function timeline(page: Page): Locator {
  return page.getByRole("list", { name: "Historique" });
}

async function entryIndex(history: Locator, text: string): Promise<number> {
  const texts = await history.getByRole("listitem").allInnerTexts();
  return texts.findIndex((t) => t.includes(text));
}

// An entry's time is machine-readable, shown in French (Paris time), and within the journey.
async function expectTimeWithin(time: Locator, from: Date, to: Date) {
  const at = new Date((await time.getAttribute("datetime")) ?? "");
  expect(at.getTime(), "heure de l'étape").toBeGreaterThanOrEqual(from.getTime() - 5_000);
  expect(at.getTime(), "heure de l'étape").toBeLessThanOrEqual(to.getTime() + 5_000);
  await expect(time).toHaveText(formatDateTime(at));
}
