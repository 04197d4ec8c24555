// Routing as the coordinating nurse uses it (issue 4): a GP's crisis request for a patient of
// Bar-le-Duc, the suggestions per need with their reasons, one click to orient, the referral in the
// list; the rules editor of a territory, from the keyboard, with its preview. Relies on the demo
// directory (prisma/demo-directory.ts): teams covering Bar-le-Duc for pain at home.
import { randomInt } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccount } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";

function tag(): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  return Array.from({ length: 6 }, () => letters[randomInt(letters.length)]).join("");
}

async function signedIn(browser: Browser, role: Parameters<typeof demoAccount>[0]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, demoAccount(role).email, DEMO_PASSWORD);
  await expect(page.getByTestId("current-user")).toHaveText(demoAccount(role).name);
  return page;
}

// The GP files a crisis request (pain, palliative care) for a patient of Bar-le-Duc at home.
async function fileCrisisRequest(page: Page, birthName: string): Promise<string> {
  await page.goto("/demandes/nouvelle");
  const form = page.getByRole("form", { name: "Nouvelle demande d'appui" });
  await form.getByLabel("Nom de naissance").fill(birthName);
  await form.getByLabel("Prénom(s)").fill("Jeanne");
  await form.getByLabel("Date de naissance").pressSequentially("14031948");
  await form.getByRole("radio", { name: "Femme", exact: true }).check();
  const commune = form.getByRole("combobox", { name: "Commune de résidence" });
  await commune.fill("Bar-le");
  await page.getByRole("option", { name: /^Bar-le-Duc \(55000\)/ }).click();
  await form.getByRole("checkbox", { name: "Douleur", exact: true }).check();
  await form.getByRole("checkbox", { name: "Soins palliatifs / fin de vie", exact: true }).check();
  await form.getByRole("radio", { name: /^Situation de crise/ }).check();
  await form.getByRole("checkbox", { name: /^Le patient \(ou sa personne de confiance\) accepte/ }).check();
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page).toHaveURL(/\/demandes\/[^/?]+\?envoyee=1$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("the nurse sees, per need, suggestions with their reasons, orients in one click, and the referral appears", async ({ browser }) => {
  test.setTimeout(90_000);
  const gp = await signedIn(browser, "GP");
  const requestId = await fileCrisisRequest(gp, `ROUTAGE-${tag()}`);

  const idec = await signedIn(browser, "COORDINATOR");
  await idec.goto(`/coordination/demandes/${requestId}`);
  await idec.getByRole("form", { name: "Prendre en charge" }).getByRole("button", { name: "Prendre en charge" }).click();
  await expect(idec.getByRole("heading", { level: 1 }).locator("..")).toContainText("En cours d'analyse");
  // The claim form is gone with the new status; its confirmation stays with the actions.
  await expect(idec.getByRole("region", { name: "Actions" }).getByRole("status")).toHaveText("Demande prise en charge : elle est en cours d'analyse.");

  const suggestions = idec.getByRole("region", { name: "Suggestions d'orientation" });
  await expect(suggestions).toContainText("Pour un patient de Bar-le-Duc, domicile, en situation de crise");
  const pain = suggestions.getByRole("region", { name: "Douleur", exact: true });
  await expect(suggestions.getByRole("region", { name: "Soins palliatifs / fin de vie", exact: true })).toBeVisible();

  // The first suggestion for pain, with reasons the nurse can check against the directory.
  const first = pain.getByRole("list", { name: "Suggestions pour : Douleur" }).getByRole("article").first();
  await expect(first).toContainText("1re suggestion");
  const name = (await first.getByRole("heading", { level: 4 }).textContent())!;
  const reasons = first.getByRole("list", { name: `Pourquoi ${name}` });
  await expect(reasons.getByRole("listitem").first()).toHaveText("couvre Bar-le-Duc");
  await expect(reasons).toContainText("propose la prise en charge de la douleur à domicile");
  await expect(reasons).toContainText(/capacité (confirmée le|non confirmée depuis le|jamais confirmée)/);

  // Why not the others: folded, each with its reasons.
  const whyNot = pain.getByText(/^Pourquoi pas les autres \?/);
  if (await whyNot.count()) {
    await whyNot.click();
    await expect(pain.locator("details[open] li").first()).not.toBeEmpty();
  }
  await expectAccessible(idec);

  // One click: no reason asked, the referral is proposed to that team, the request is oriented.
  await first.getByRole("button", { name: `Orienter vers ${name}` }).click();
  await expect(first.getByRole("status")).toHaveText(`Orientation envoyée à ${name}.`);
  await expect(first).toContainText("Orientation en cours vers cette structure.");
  await expect(idec.getByRole("heading", { level: 1 }).locator("..")).toContainText("Orientée");
  const referral = idec.getByRole("region", { name: "Orientations", exact: true }).getByRole("article", { name, exact: true });
  await expect(referral).toContainText("Proposée");
  await expect(idec.getByRole("region", { name: "Historique" })).toContainText(`Orientation proposée vers ${name}`);
  await expectAccessible(idec);
});

test("a coordinator reviews a territory's rules from the keyboard, with the list of changes before saving", async ({ browser }) => {
  test.setTimeout(60_000);
  const idec = await signedIn(browser, "COORDINATOR");
  await idec.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Règles d'orientation" }).click();
  await expect(idec.getByRole("heading", { level: 1 })).toHaveText("Règles d'orientation");
  // Only her own territories.
  await expect(idec.getByRole("link", { name: /^Meuse Nord \(Verdun\)/ })).toBeVisible();
  await expect(idec.getByRole("link", { name: /^Bouches-du-Rhône/ })).toHaveCount(0);
  await idec.getByRole("link", { name: /^Meuse Sud \(Bar-le-Duc\)/ }).click();
  await expect(idec.getByRole("heading", { level: 1 })).toHaveText("Règles d'orientation — Meuse Sud (Bar-le-Duc)");
  await expectAccessible(idec);

  // The EMSP goes up to first choice for pain at home: focus stays on it, the move is announced.
  const emsp = "Équipe mobile / territoriale de soins palliatifs (EMSP)";
  await idec.getByRole("button", { name: `Monter « ${emsp} » (Douleur, domicile)` }).focus();
  await idec.keyboard.press("Enter");
  await expect(idec.getByRole("button", { name: `Descendre « ${emsp} » (Douleur, domicile)` })).toBeFocused();
  await expect(idec.getByText(`« ${emsp} » : 1er choix.`)).toBeAttached();
  await idec.getByRole("button", { name: "Vérifier et enregistrer" }).click();
  const review = idec.getByRole("region", { name: "Modifications à enregistrer (1)" });
  await expect(review.getByRole("listitem")).toHaveText([
    `Douleur — Domicile : nouvel ordre : 1. ${emsp}, 2. Consultation douleur, 3. Réseau de soins palliatifs, 4. Hospitalisation à domicile (HAD), 5. Équipe ressource régionale de soins palliatifs pédiatriques (ERRSPP)`,
  ]);
  await expect(idec.getByRole("heading", { name: "Modifications à enregistrer (1)" })).toBeFocused();
  await expectAccessible(idec);
  // Not saved here: the other specs route Meuse Sud requests with its rules.
  await idec.getByRole("button", { name: "Annuler mes modifications" }).click();
  await expect(review).toHaveCount(0);
  await expect(idec.getByText("Aucune modification en cours.")).toBeVisible();
});

test("an administrator picks a territory, edits and saves its rules, then restores the defaults", async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await signedIn(browser, "ADMIN");
  await admin.goto("/coordination/regles");
  await admin.getByRole("link", { name: /^Alpes-Maritimes/ }).click();
  await expect(admin.getByText("Règles par défaut : aucune modification enregistrée pour ce territoire.")).toBeVisible();

  await admin.getByRole("button", { name: "Retirer « Hospitalisation à domicile (HAD) » (Douleur, domicile)" }).click();
  await admin.getByRole("button", { name: "Vérifier et enregistrer" }).click();
  await expect(admin.getByRole("region", { name: "Modifications à enregistrer (1)" })).toContainText(
    "Douleur — Domicile : retrait de « Hospitalisation à domicile (HAD) »",
  );
  await admin.getByRole("button", { name: "Enregistrer les règles" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Règles enregistrées : 1 modification." })).toBeVisible();
  await expect(admin.getByText(/^Règles propres au territoire, modifiées le .* par Marc Lefèvre\.$/)).toBeVisible();

  await admin.getByRole("button", { name: "Rétablir les règles par défaut" }).click();
  await admin.getByRole("button", { name: "Vérifier et enregistrer" }).click();
  await expect(admin.getByRole("region", { name: "Modifications à enregistrer (1)" })).toContainText(
    "ajout de « Hospitalisation à domicile (HAD) » (4e choix)",
  );
  await admin.getByRole("button", { name: "Enregistrer les règles" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Règles enregistrées : 1 modification." })).toBeVisible();
  await expect(admin.getByRole("button", { name: "Rétablir les règles par défaut" })).toBeDisabled();
});

test("a GP cannot open the rules editor", async ({ browser }) => {
  const gp = await signedIn(browser, "GP");
  await expect(gp.getByRole("link", { name: "Règles d'orientation" })).toHaveCount(0);
  await gp.goto("/coordination/regles/meuse-sud");
  await expect(gp.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
});
