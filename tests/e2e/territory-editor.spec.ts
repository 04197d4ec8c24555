// The territory editor (issue 12): an administrator opens a territory from the UI — a mistake is
// shown at its field and nothing typed is lost —, gives it communes by intercommunalité and one by
// one (a commune of another territory is not taken without « Déplacer », and the refusal says from
// where), closes a day beside the computed public holidays, edits the norms; keyboard and axe.
// Works in Lozère, which no demo territory covers (other journeys keep their communes).
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { parisYear } from "@/lib/time";
import { ADMIN_USER, DEMO_PASSWORD, demoAccount } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";

const tag = () => Array.from({ length: 5 }, () => "ABCDEFGHJKLMNPQRSTUVWXYZ"[randomInt(24)]).join("");

test("an administrator creates a territory, gives it communes, closes a day and edits its delays", async ({ page }) => {
  test.slow(); // a long journey of many saves, on a busy 2-core machine
  const name = `Lozère ${tag()}`;
  await signIn(page, ADMIN_USER.email, ADMIN_USER.password);
  await expect(page).toHaveURL("/admin");
  await page.getByRole("link", { name: "Créer un territoire" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau territoire");
  await expectAccessible(page);

  // A wrong number and no name: each message at its field, the rest kept, the first one focused.
  const form = page.getByRole("form", { name: "Nouveau territoire" });
  await form.getByLabel("Département").selectOption("48");
  await form.getByLabel("Numéro unique").fill("04 66");
  await form.getByLabel("Samedi", { exact: true }).fill("09:00-12:00");
  await form.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(form.getByText("Indiquez le nom du territoire.")).toBeVisible();
  await expect(form.getByText("Numéro unique : numéro invalide (10 chiffres, ex. 03 29 45 12 34).")).toBeVisible();
  await expect(form.getByLabel("Nom du territoire")).toBeFocused();
  await expect(form.getByLabel("Samedi", { exact: true })).toHaveValue("09:00-12:00");
  await expect(form.getByLabel("Lundi", { exact: true })).toHaveValue("09:00-12:30, 13:30-17:30");
  await expectAccessible(page);

  await form.getByLabel("Nom du territoire").fill(name);
  await form.getByLabel("Numéro unique").fill("04 66 49 12 34");
  await form.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("status").filter({ hasText: "Territoire créé" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Communes couvertes" })).toContainText("Aucune commune pour l'instant");
  await expectAccessible(page);

  // An intercommunalité of its département, with what it brings shown before choosing it.
  const communes = page.getByRole("form", { name: "Ajouter ou retirer des communes" });
  await expect(communes.getByRole("radio", { name: /Une intercommunalité/ })).toBeChecked();
  await expect(
    communes.getByLabel("Intercommunalité", { exact: true }).locator("option", { hasText: /^CC Coeur de Lozère : 7 communes, [\d\s]+ habitants$/ }),
  ).toHaveCount(1);
  await communes.getByLabel("Intercommunalité", { exact: true }).selectOption("244800405");
  await communes.getByRole("button", { name: "Appliquer" }).click();
  await expect(communes.getByRole("status").filter({ hasText: /^CC Coeur/ })).toHaveText(
    /^CC Coeur de Lozère : 7 communes \([\d\s]+ habitants\) ajoutées au territoire\.$/,
  );
  await expect(page.getByRole("region", { name: "Communes couvertes" })).toContainText(/^.*7 communes, [\d\s]+ habitants\./);

  // One commune, chosen with the keyboard; it belongs to Meuse Sud: refused, and said from where.
  await communes.getByRole("radio", { name: /Une intercommunalité/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(communes.getByRole("radio", { name: "Une commune" })).toBeChecked();
  const commune = communes.getByRole("combobox", { name: "Commune" });
  await commune.fill("Bar-le-Duc");
  await expect(page.getByRole("option", { name: /^Bar-le-Duc/ })).toBeVisible();
  await commune.press("Enter");
  await communes.getByRole("button", { name: "Appliquer" }).click();
  const refusal = "Bar-le-Duc : 1 commune appartient déjà à un autre territoire — Meuse Sud (Bar-le-Duc) (1 commune).";
  await expect(communes.locator("#field-move-error")).toContainText(refusal);
  await expect(communes.getByRole("checkbox", { name: /Déplacer ici/ })).not.toBeChecked();
  await expectAccessible(page);

  // Removing one commune of its own.
  await communes.getByRole("radio", { name: "Retirer" }).check();
  await commune.fill("Mende");
  await expect(page.getByRole("option", { name: /^Mende/ })).toBeVisible();
  await commune.press("Enter");
  await communes.getByRole("button", { name: "Appliquer" }).click();
  await expect(communes.getByRole("status").filter({ hasText: /^Mende :/ })).toHaveText(/^Mende : 1 commune \([\d\s]+ habitants\) retirée du territoire\.$/);
  await expect(page.getByRole("region", { name: "Communes couvertes" })).toContainText("6 communes");

  // Closures: a public holiday is refused at the field (it is listed, computed), a day is added then removed.
  const next = parisYear() + 1;
  const closures = page.getByRole("region", { name: "Jours fériés et fermetures" });
  await expect(closures).toContainText(`25 décembre`);
  const addClosure = closures.getByRole("form", { name: "Ajouter une fermeture" });
  await addClosure.getByLabel("Jour de fermeture").fill(`${next}-07-14`);
  await addClosure.getByLabel("Motif").fill("Séminaire d'équipe");
  await addClosure.getByRole("button", { name: "Ajouter la fermeture" }).click();
  await expect(addClosure.getByText("Jour de fermeture : c'est déjà un jour férié (Fête Nationale), les délais n'y courent pas.")).toBeVisible();
  await expect(addClosure.getByLabel("Motif")).toHaveValue("Séminaire d'équipe");
  await addClosure.getByLabel("Jour de fermeture").fill(`${next}-06-15`);
  await addClosure.getByRole("button", { name: "Ajouter la fermeture" }).click();
  await expect(addClosure.getByRole("status")).toHaveText(`Fermeture du 15/06/${next} enregistrée : les délais des demandes programmées n'y courent pas.`);
  await expect(closures.getByRole("listitem").filter({ hasText: "Séminaire d'équipe" })).toContainText(`15 juin ${next}`);
  await expectAccessible(page);
  await closures
    .getByRole("button", {
      name: `Retirer la fermeture du ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${next}-06-15T12:00:00Z`))}`,
    })
    .click();
  await expect(closures).toContainText("Aucune fermeture prévue.");

  // The delays: on-call clock asked without on-call hours is refused at the on-call week; fixed, saved.
  const sheet = page.getByRole("form", { name: "Fiche du territoire" });
  await expect(sheet.getByLabel("Nom du territoire")).toHaveValue(name);
  await sheet.getByLabel("Les délais de crise courent").selectOption("ON_CALL");
  await sheet.getByLabel("Prise en charge d'une crise (heures)").fill("2");
  await sheet.getByRole("button", { name: "Enregistrer le territoire" }).click();
  await expect(sheet.locator("#field-onCall-error")).toBeVisible();
  await expect(sheet.getByLabel("Prise en charge d'une crise (heures)")).toHaveValue("2");
  for (const day of ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]) await sheet.getByLabel(`${day} (astreinte)`).fill("00:00-24:00");
  await sheet.getByRole("button", { name: "Enregistrer le territoire" }).click();
  await expect(sheet.getByRole("status").filter({ hasText: "Territoire enregistré." })).toBeVisible();
  await expectAccessible(page);

  // The list shows it, its delays and its size; the editor is linked from its card.
  await page.goto("/territoires");
  const card = page.getByRole("article", { name });
  await expect(card).toContainText("04 66 49 12 34");
  await expect(card).toContainText("6 communes");
  await expect(card).toContainText("prise en charge sous 2 h d'astreinte");
  await expect(card.getByRole("link", { name: `Modifier le territoire ${name}` })).toBeVisible();
});

test("the coverage norms are edited by administrators, a mistake shown at its field", async ({ page }) => {
  await signIn(page, ADMIN_USER.email, ADMIN_USER.password);
  await expect(page).toHaveURL("/admin");
  await page.getByRole("link", { name: "Normes de couverture" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Normes de couverture");
  const form = page.getByRole("form", { name: "Normes de couverture" });
  const teams = form.getByLabel("Équipes mobiles pour 200 000 habitants");
  const initial = await teams.inputValue();
  await teams.fill("beaucoup");
  await form.getByRole("button", { name: "Enregistrer les normes" }).click();
  await expect(form.getByText("Équipes mobiles pour 200 000 habitants : indiquez un nombre (ex. 1 ou 1,5).")).toBeVisible();
  await expect(teams).toBeFocused();
  await expectAccessible(page);
  // Saved as they were (other journeys read the dashboards): nothing changes, and it says so.
  await teams.fill(initial);
  await form.getByRole("button", { name: "Enregistrer les normes" }).click();
  await expect(form.getByRole("status")).toHaveText("Rien n'a changé.");
});

test("only administrators open the territory editor", async ({ page }) => {
  await signIn(page, demoAccount("COORDINATOR").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/coordination");
  for (const path of ["/territoires/nouveau", "/territoires/normes"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await page.goto("/territoires");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Territoires et guichets uniques");
  await expect(page.getByRole("link", { name: "Créer un territoire" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Modifier/ })).toHaveCount(0);
});
