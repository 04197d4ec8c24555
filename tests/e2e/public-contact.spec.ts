// The public form (/contact): a patient, a relative or a carer asks to be called back, no account.
// Limited to 5 requests per 10 minutes per client address, and every test comes from 127.0.0.1:
// this file sends ONE request; no other spec sends any.
import { expect, test } from "@playwright/test";
import { DEMO_GP, IDEC_MEUSE } from "./accounts";
import { expectAccessible, formError } from "./fixtures";
import { EMSP, HAD, MEUSE_SUD, chooseBarLeDuc, fileRequest, fillOrientForm, newPatient, orient, pageHeader, signedInPage, uniqueTag } from "./requests";

test("a relative asks for help from the sign-in page and is told whom to call; the nurse links the patient's record and records the consent to sharing", async ({
  page,
  browser,
}) => {
  test.slow(); // three people and a dozen pages on a busy 2-core machine
  // The patient is already known: her GP filed a request for her last week.
  const patient = newPatient("PARENT");
  const gp = await signedInPage(browser, DEMO_GP);
  await fileRequest(gp, patient);
  await gp.context().close();

  const requester = `Claire AIDANTE-${uniqueTag()}`;
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Demandez de l'aide au guichet unique" }).click();
  await expect(page).toHaveURL("/contact");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander de l'aide");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Demande d'aide" });
  await form.getByLabel("Votre nom").fill(requester);
  await form.getByLabel("Votre téléphone").fill("06 98 76 54 32");
  await form.getByLabel("Votre lien avec la personne malade").fill("fille");
  await chooseBarLeDuc(page, form.getByRole("combobox", { name: "Commune où vit la personne malade" }));
  // The territory's number, as soon as the commune is known.
  await expect(form.getByRole("link", { name: MEUSE_SUD.publicPhone })).toBeVisible();
  await form.getByRole("checkbox", { name: "Douleur", exact: true }).check();
  await form.getByRole("checkbox", { name: "Répit de l'aidant", exact: true }).check();
  await form.getByLabel("Votre message (facultatif)").fill("Mon père souffre la nuit, je suis épuisée. Joignable après 18 h.");
  await form.getByRole("checkbox", { name: /^J'accepte que l'équipe de coordination/ }).check();
  await form.getByRole("button", { name: "Envoyer ma demande" }).click();

  const confirmation = page.getByRole("status").filter({ hasText: "Votre demande a bien été envoyée." });
  await expect(confirmation).toContainText(`Une infirmière de coordination de ${MEUSE_SUD.name} vous rappelle.`);
  await expect(confirmation.getByRole("link", { name: MEUSE_SUD.publicPhone })).toHaveAttribute("href", `tel:${MEUSE_SUD.publicPhone.replaceAll(" ", "")}`);
  // Nothing is shown back of what was sent, and no request number to a visitor.
  await expect(page.locator("main")).not.toContainText(requester);
  await expect(page.locator("main")).not.toContainText(/DA-\d{6}/);
  await expectAccessible(page);

  // The Meuse nurse finds it in the queue, with the caller to call back.
  const idec = await signedInPage(browser, IDEC_MEUSE);
  const rows = idec.getByRole("article").filter({ hasText: "Formulaire public" });
  await expect(rows.first()).toBeVisible();
  const hrefs = await rows.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  let found = false;
  for (const href of hrefs) {
    await idec.goto(href);
    if ((await idec.getByRole("region", { name: "Demandeur", exact: true }).textContent())?.includes(requester)) {
      found = true;
      await expect(idec.getByRole("region", { name: "Demandeur", exact: true })).toContainText("06 98 76 54 32");
      await expect(idec.getByRole("region", { name: "Patient", exact: true })).toContainText("Non renseignée (formulaire public)");
      break;
    }
  }
  expect(found, "la demande publique est dans la file de la coordination Meuse").toBe(true);

  // The family asked only to be called back: no team receives the patient's data before the
  // patient's consent to sharing with it is recorded.
  await idec.getByRole("form", { name: "Prendre en charge" }).getByRole("button", { name: "Prendre en charge" }).click();
  await expect(pageHeader(idec)).toContainText("En cours d'analyse");

  // The nurse calls the daughter back and identifies the patient, typing the name as heard: the
  // record the GP created is proposed as a likely duplicate, and she links the request to it.
  const identify = idec.getByRole("form", { name: "Identifier le patient" });
  await identify.getByLabel("Nom de naissance").fill(patient.birthName.slice(0, -1));
  await identify.getByLabel("Prénom(s) de naissance").fill("Jeanne");
  await identify.getByLabel("Date de naissance").pressSequentially(patient.birthDate.replaceAll("/", ""));
  await identify.getByRole("radio", { name: "Femme", exact: true }).check();
  await identify.getByRole("button", { name: "Identifier le patient" }).click();
  await expect(identify.getByText("Indiquez la commune de naissance, ou cochez « Né(e) à l'étranger ».")).toBeVisible();
  await chooseBarLeDuc(idec, identify.getByRole("combobox", { name: "Commune de naissance" }));
  await identify.getByRole("button", { name: "Identifier le patient" }).click();
  await expect(identify.getByRole("status").filter({ hasText: "Patients possiblement" })).toHaveText(
    "Patients possiblement identiques : rattachez la demande à l'un d'eux, ou créez un nouveau dossier.",
  );
  const duplicates = identify.getByRole("group", { name: "Patients possiblement identiques" });
  await expect(duplicates).toContainText(`${patient.birthName} Jeanne Marie, né(e) le ${patient.birthDate}`);
  await expectAccessible(idec);
  await identify.getByRole("button", { name: "Rattacher la demande à ce patient" }).click();
  await expect(identify.getByText("Choisissez le patient auquel rattacher la demande.")).toBeVisible();
  await duplicates.getByRole("radio", { name: new RegExp(patient.birthName) }).check();
  await identify.getByRole("button", { name: "Rattacher la demande à ce patient" }).click();
  const patientCard = idec.getByRole("region", { name: "Patient", exact: true });
  await expect(patientCard).toContainText(patient.birthName);
  await expect(patientCard).toContainText("Provisoire");
  await expect(idec.getByText("Patient identifié par la coordination (dossier existant)")).toBeVisible();
  const consents = idec.getByRole("region", { name: "Consentements du patient" });
  await expect(consents).toContainText("Aucun consentement au partage");
  const orientForm = await fillOrientForm(idec, [EMSP]);
  await orientForm.getByRole("button", { name: "Orienter la demande" }).click();
  await expect(orientForm.getByRole("alert").first()).toContainText("Orientation impossible : consentement au partage manquant.");
  await expect(orientForm.getByText(`Le patient n'a pas consenti au partage de ses données avec ${EMSP}`)).toBeVisible();

  const consentForm = consents.getByRole("form", { name: "Enregistrer un consentement ou un refus" });
  await consentForm.getByRole("button", { name: "Enregistrer" }).click();
  await expect(consentForm.getByText("Choisissez l'objet du consentement.")).toBeVisible();
  await expect(consentForm.getByLabel("Objet du consentement")).toBeFocused();
  await consentForm.getByLabel("Objet du consentement").selectOption({ label: `${EMSP} — Équipe mobile / territoriale de soins palliatifs (EMSP)` });
  await consentForm.getByRole("radio", { name: "Consent", exact: true }).check();
  await consentForm.getByRole("radio", { name: "Par un représentant" }).check();
  await consentForm.getByRole("button", { name: "Enregistrer" }).click();
  await expect(consentForm.getByText("Indiquez qui a parlé pour le patient (ex. sa personne de confiance).")).toBeVisible();
  await consentForm.getByLabel("Représentant (s'il a parlé pour le patient)").fill("Sa fille, personne de confiance");
  await consentForm.getByRole("button", { name: "Enregistrer" }).click();
  await expect(consentForm.getByRole("status")).toHaveText("Consentement enregistré : vous pouvez orienter vers cette structure.");
  await expect(consents.getByRole("list", { name: "Décisions du patient" })).toContainText(`Consent au partage avec ${EMSP}`);
  await expect(consents.getByRole("list", { name: "Décisions du patient" })).toContainText("Par un représentant (Sa fille, personne de confiance)");
  // And for the HAD, told by the patient herself over the phone.
  await consentForm.getByLabel("Objet du consentement").selectOption({ label: `${HAD} — Hospitalisation à domicile (HAD)` });
  await consentForm.getByRole("radio", { name: "Consent", exact: true }).check();
  await consentForm.getByRole("radio", { name: "Oralement" }).check();
  await consentForm.getByRole("button", { name: "Enregistrer" }).click();
  await expect(consents.getByRole("list", { name: "Décisions du patient" })).toContainText(`Consent au partage avec ${HAD}`);
  await expectAccessible(idec);
  await orient(idec, [EMSP, HAD]);
  await idec.context().close();
});

test("a form sent incomplete says what to correct, keeps what was typed and sends nothing", async ({ page }) => {
  await page.goto("/contact");
  const form = page.getByRole("form", { name: "Demande d'aide" });
  await form.getByLabel("Votre nom").fill("Paul Sansnumero");
  await form.getByLabel("Votre téléphone").fill("12 34");
  await form.getByRole("button", { name: "Envoyer ma demande" }).click();

  await expect(formError(page)).toHaveText("Certains champs sont à corriger.");
  await expect(form.getByLabel("Votre téléphone")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Votre téléphone")).toBeFocused();
  await expect(form.getByText("Numéro de téléphone invalide (ex. 06 12 34 56 78).")).toBeVisible();
  await expect(form.getByText("Indiquez votre lien avec la personne malade.")).toBeVisible();
  await expect(form.getByText("Choisissez la commune dans la liste.")).toBeVisible();
  await expect(form.getByText("Cochez au moins un besoin.")).toBeVisible();
  await expect(form.getByText("Votre accord est nécessaire pour que l'équipe de coordination vous rappelle.")).toBeVisible();
  await expect(form.getByLabel("Votre nom")).toHaveValue("Paul Sansnumero");
  await expect(form.getByLabel("Votre téléphone")).toHaveValue("12 34");
  await expect(page.getByText("Votre demande a bien été envoyée.")).toHaveCount(0);
  await expectAccessible(page);
});
