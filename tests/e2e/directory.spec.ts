// The directory kept up to date (issue 4): a care team states its capacity, a coordinator imports a
// CSV file with a bad line and reads the report; the pages pass axe. Relies on the demo directory.
import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { formatDate } from "@/lib/time";
import { DEMO_PASSWORD, demoAccount } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";

function tag(): string {
  return Array.from({ length: 6 }, () => "ABCDEFGHJKLMNPQRSTUVWXYZ"[randomInt(24)]).join("");
}

const today = () => formatDate(new Date());

async function openStructure(page: Page, name: string, query: string) {
  await page.goto(`/annuaire?${query}`);
  await page.getByRole("article", { name }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

test("a care team confirms its capacity today, then records a waiting list, on its own structure's page", async ({ page }) => {
  await signIn(page, demoAccount("TEAM_MEMBER").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/equipe");
  await openStructure(page, "EMSP du Centre hospitalier de Bar-le-Duc", "commune=55029&type=EMSP");
  const capacity = page.getByRole("region", { name: "Disponibilité" });

  await capacity.getByRole("button", { name: "C'est toujours vrai aujourd'hui" }).click();
  await expect(capacity.getByRole("status").filter({ hasText: "Disponibilité enregistrée" })).toHaveText(
    `Disponibilité enregistrée (disponible), confirmée le ${today()}.`,
  );
  await expect(capacity).toContainText(`confirmée le ${today()}`);

  await capacity.getByText("La disponibilité a changé").click();
  const form = capacity.getByRole("form", { name: "Mettre à jour la disponibilité" });
  await form.getByRole("radio", { name: /^Liste d'attente/ }).check();
  await expectAccessible(page);
  await form.getByRole("button", { name: "Enregistrer la disponibilité" }).click();
  await expect(form.getByRole("status")).toContainText("Disponibilité enregistrée (liste d'attente)");
  await expect(capacity).toContainText(`Liste d'attente depuis le ${today()}`);

  // Back to available (other journeys read this team's capacity).
  await form.getByRole("radio", { name: /^Disponible/ }).check();
  await form.getByRole("button", { name: "Enregistrer la disponibilité" }).click();
  await expect(capacity.locator("p").filter({ hasText: /^Disponible/ })).toBeVisible();

  // The team's contacts: a mistake is shown at its field and nothing typed is lost.
  await page.getByRole("link", { name: "Modifier les coordonnées" }).click();
  const contacts = page.getByRole("form", { name: "Modifier les coordonnées" });
  await contacts.getByLabel("Téléphone direct du suppléant").fill("06 12");
  await contacts.getByLabel("Mardi").fill("09:00-12:00, 14:00-17:30");
  await contacts.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
  await expect(contacts.getByText("Téléphone du suppléant : numéro invalide (10 chiffres, ex. 03 29 45 12 34).")).toBeVisible();
  await expect(contacts.getByLabel("Téléphone direct du suppléant")).toBeFocused();
  await expect(contacts.getByLabel("Mardi")).toHaveValue("09:00-12:00, 14:00-17:30");
  await expectAccessible(page);
});

test("a coordinator imports a small CSV with one bad line: the good lines are kept, the report says why the bad one is refused", async ({ page }) => {
  const t = tag();
  await signIn(page, demoAccount("COORDINATOR").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/coordination");
  await page.goto("/annuaire");
  await page.getByRole("link", { name: "Importer ou exporter (CSV)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import et export de l'annuaire");
  await expectAccessible(page);

  const csv = [
    "identifiant_externe;nom;type;territoire;communes_couvertes;offres_domicile;telephone;horaires",
    `e2e-${t}-1;Kinésithérapeute ${t};kinesitherapeute;meuse-sud;55029, 55291;activite_physique;03 53 01 55 91;"lun-ven 08:00-19:00"`,
    `e2e-${t}-2;Bénévoles ${t};benevoles;meuse-sud;55029;repit, massage;12 34;lun 18:00-08:00`,
    `e2e-${t}-3;SSIAD ${t};ssiad;meuse-nord;55545;soins_domicile;03 53 01 55 93;`,
  ].join("\r\n");
  await page
    .getByLabel("Fichier CSV", { exact: true })
    .setInputFiles({ name: "annuaire.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`, "utf8") });
  await page.getByRole("button", { name: "Importer" }).click();

  const report = page.getByRole("region", { name: "Rapport d'import" });
  await expect(report).toBeVisible();
  await expect(report).toContainText("3 lignes : 2 créées, 0 mise à jour, 0 inchangée, 1 refusée");
  const refused = report.getByRole("table", { name: "Lignes refusées" });
  const row = refused.getByRole("row").filter({ hasText: `Bénévoles ${t}` });
  await expect(row).toContainText("3");
  await expect(row).toContainText("offres_domicile : « massage » inconnu");
  await expect(row).toContainText("telephone : numéro invalide");
  await expect(row).toContainText("horaires : lun : la fin (08:00) doit être après le début (18:00).");
  await expectAccessible(page);

  // The good lines are in the directory; the bad one is not.
  await page.goto(`/annuaire?commune=55029&type=PHYSIOTHERAPIST`);
  await expect(page.getByRole("article", { name: `Kinésithérapeute ${t}` })).toBeVisible();
  await page.goto(`/annuaire?commune=55029&type=VOLUNTEERS`);
  await expect(page.getByRole("article", { name: `Bénévoles ${t}` })).toHaveCount(0);

  // The same file again changes nothing.
  await page.goto("/annuaire/import");
  await page
    .getByLabel("Fichier CSV", { exact: true })
    .setInputFiles({ name: "annuaire.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`, "utf8") });
  await page.getByRole("button", { name: "Importer" }).click();
  await expect(page.getByRole("region", { name: "Rapport d'import" })).toContainText("3 lignes : 0 créée, 0 mise à jour, 2 inchangées, 1 refusée");

  // The export is the import's format: UTF-8 with a BOM, semicolons, French headers.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger l'annuaire (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^annuaire-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await file.createReadStream()).toArray()).map((c: Buffer) => c.toString("utf8")).join("");
  expect(text.startsWith("\uFEFFidentifiant_externe;nom;type;finess;territoire;")).toBe(true);
  expect(text).toContain(`e2e-${t}-1;Kinésithérapeute ${t};kinesitherapeute;`);
});

test("a coordinator's forms (new structure, full edit) show their mistakes at the fields and pass axe", async ({ page }) => {
  await signIn(page, demoAccount("COORDINATOR").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/coordination");
  await page.goto("/annuaire/nouvelle");
  const form = page.getByRole("form", { name: "Nouvelle structure" });
  await form.getByLabel("Numéro FINESS (facultatif)").fill("550999016");
  await form.getByRole("button", { name: "Ajouter la structure" }).click();
  await expect(form.getByText("Indiquez le nom de la structure.")).toBeVisible();
  await expect(form.getByText("Numéro FINESS invalide : la clé de contrôle ne correspond pas (faute de frappe ?).")).toBeVisible();
  await expect(form.getByText("Indiquez la zone couverte : des communes, des départements ou des territoires.")).toBeVisible();
  await expect(form.getByLabel("Numéro FINESS (facultatif)")).toHaveValue("550999016");
  await expectAccessible(page);

  await openStructure(page, "SSIAD du Verdunois", "commune=55545&type=SSIAD");
  await page.getByRole("link", { name: "Modifier la fiche" }).click();
  await expect(page.getByRole("form", { name: "Modifier la structure" })).toBeVisible();
  await expectAccessible(page);
});
