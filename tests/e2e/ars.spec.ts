import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { TABLE_IDS } from "@/lib/dashboards/tables";
import { parisYear } from "@/lib/time";
import { DEMO_PASSWORD, demoAccount } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";

// The territorial dashboards as the ARS and a coordinator use them, and what they must never
// show: a patient's identity or a free text, in the pages, the CSV exports and the PDF report.

const tag = randomBytes(4).toString("hex").toUpperCase();
// A patient nobody else uses, and a free text the ARS must never read.
const PATIENT = { birthName: `CONFIDENTIEL${tag}`, firstNames: `Prenomsecret${tag}`, details: `Texte libre secret ${tag}` };
const SECRETS = [PATIENT.birthName, PATIENT.firstNames, PATIENT.details, "14/03/1948", "1948-03-14"];
const thisYear = parisYear();

function expectNoSecret(text: string, where: string) {
  for (const secret of SECRETS) expect(text.toLowerCase(), `${where} contient « ${secret} »`).not.toContain(secret.toLowerCase());
}

// The demo GP files a request for a patient of Bar-le-Duc (Meuse Sud) through the form.
async function fileRequestAsGp(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoAccount("GP").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/demandes");
  await page.goto("/demandes/nouvelle");
  const form = page.getByRole("form", { name: "Nouvelle demande d'appui" });
  await form.getByLabel("Nom de naissance").fill(PATIENT.birthName);
  await form.getByLabel("Prénom(s)").fill(PATIENT.firstNames);
  await form.getByLabel("Date de naissance").pressSequentially("14031948");
  await form.getByRole("radio", { name: "Femme", exact: true }).check();
  const commune = form.getByRole("combobox", { name: "Commune de résidence" });
  await commune.fill("Bar-le");
  await page.getByRole("option", { name: /^Bar-le-Duc \(55000\)/ }).click();
  await form.getByRole("checkbox", { name: "Douleur", exact: true }).check();
  // A need no other spec asks for: its count stays small, hence masked for the ARS.
  await form.getByRole("checkbox", { name: "Réflexion éthique", exact: true }).check();
  await form.getByRole("radio", { name: /^Situation de crise/ }).check();
  await form.getByLabel("Précisions (facultatif)").fill(PATIENT.details);
  await form.getByRole("checkbox", { name: /^Le patient \(ou sa personne de confiance\) accepte/ }).check();
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page).toHaveURL(/\/demandes\/[^/?]+\?envoyee=1$/);
  await context.close();
}

test.beforeAll(async ({ browser }) => {
  await fileRequestAsGp(browser);
});

async function download(page: Page, trigger: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), trigger()]);
  return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

test("an ARS user drills down from the région to a territory, reads delays and unmet needs, exports CSV and gets the yearly report as a PDF", async ({
  page,
}) => {
  test.slow(); // a long journey: four pages, every CSV, a PDF
  await signIn(page, demoAccount("ARS").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/ars");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableaux de bord territoriaux");
  await expect(page.getByRole("heading", { name: `Région Grand Est — année ${thisYear}` })).toBeVisible();
  const breadcrumb = page.getByRole("navigation", { name: "Fil d'Ariane" });
  await expect(breadcrumb.locator("[aria-current=page]")).toHaveText("Grand Est");
  expectNoSecret(await page.content(), "la page de la région");
  await expectAccessible(page);

  // The map: each département of the scope is a link named with its figure; Enter follows it.
  const map = page.getByRole("figure", { name: /^Demandes par département/ });
  for (const name of ["Meuse", "Meurthe-et-Moselle", "Vosges"]) {
    await expect(map.getByRole("link", { name: new RegExp(`^${name} : (moins de 5 demandes|nombre de demandes masqué|\\d+ demandes?)$`) })).toBeVisible();
  }
  await expect(map.getByRole("link", { name: /^Bouches-du-Rhône/ })).toHaveCount(0);
  await map.getByRole("link", { name: /^Meuse : / }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/ars?niveau=departement&code=55&annee=${thisYear}`);
  await expect(page.getByRole("heading", { name: `Département Meuse — année ${thisYear}` })).toBeVisible();
  await expect(breadcrumb.getByRole("link", { name: "Grand Est" })).toBeVisible();
  await expectAccessible(page);

  // Down to a territory, from the list of the département's territories.
  await page
    .getByRole("navigation", { name: "Voir le détail par territoire" })
    .getByRole("link", { name: /^Meuse Sud \(Bar-le-Duc\)/ })
    .click();
  await expect(page.getByRole("heading", { name: `Territoire Meuse Sud (Bar-le-Duc) — année ${thisYear}` })).toBeVisible();
  await expect(page.getByRole("figure")).toHaveCount(0); // no map below the département
  const keyFigures = page.getByRole("region", { name: "Chiffres clés" });
  await expect(keyFigures.getByRole("row", { name: /^Demandes reçues (< 5|s|\d+)$/ })).toBeVisible();

  // Delays and unmet needs, read in their tables (the charts point to them).
  const delays = page.getByRole("table", { name: "Délais de réponse (en heures)" });
  await expect(delays.getByRole("columnheader")).toHaveText(["Délai", "Urgence", "Demandes mesurées", "Médiane (h)", "90e centile (h)", "Décompte"]);
  await expect(delays.getByRole("rowheader", { name: "Jusqu'à la prise en charge" })).toHaveCount(2);
  await expect(page.getByRole("img", { name: "Graphique : Demandes par besoin. Les valeurs figurent dans le tableau « Demandes par besoin »." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Demandes par besoin" }).getByRole("row", { name: "Réflexion éthique < 5" })).toBeVisible();
  const unmet = page.getByRole("table", { name: "Besoins non couverts" });
  await expect(unmet.getByRole("columnheader")).toHaveText(["Besoin", "Commune", "Code commune", "Demandes"]);
  expectNoSecret(await page.content(), "la page du territoire");
  await expectAccessible(page);

  // The CSV of a table: what a French spreadsheet opens, and nothing nominative.
  const csv = await download(page, () => page.getByRole("link", { name: "Télécharger « Demandes par besoin » (CSV)" }).click());
  expect(csv.name).toMatch(/^maillage-besoin-meuse-sud-bar-le-duc-\d{4}\.csv$/);
  const text = csv.body.toString("utf8");
  expect(text.startsWith("\uFEFFBesoin;Demandes\r\n")).toBe(true);
  expect(text).toContain("Douleur;");
  expect(text).toContain("Réflexion éthique;< 5\r\n");
  expectNoSecret(text, "le CSV des besoins");
  // Every table of the territory, and the tables of the levels above that hold its figures.
  const exports = [
    ...TABLE_IDS.map((table) => ["niveau=territoire&code=meuse-sud&", table] as const),
    ...["", "niveau=departement&code=55&"].flatMap((area) => (["synthese", "zones", "besoin", "mois"] as const).map((table) => [area, table] as const)),
  ];
  for (const [area, table] of exports) {
    const response = await page.request.get(`/ars/export?${area}annee=${thisYear}&tableau=${table}`);
    if (response.status() === 404) continue; // a table this level does not have (the zones of a territory)
    expect(response.status(), `${area} ${table}`).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expectNoSecret(await response.text(), `le CSV ${table} ${area}`);
  }

  // The yearly report: a printable page, and its PDF.
  await page.getByRole("link", { name: `Rapport d'activité ${thisYear} de Meuse Sud (Bar-le-Duc)` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rapport d'activité ${thisYear} — Meuse Sud (Bar-le-Duc)`);
  await expect(page.getByRole("button", { name: "Imprimer le rapport" })).toBeVisible();
  expectNoSecret(await page.content(), "le rapport");
  await expectAccessible(page);
  const pdf = await download(page, () => page.getByRole("link", { name: "Télécharger le rapport (PDF)" }).click());
  expect(pdf.name).toBe(`rapport-activite-${thisYear}-meuse-sud-bar-le-duc.pdf`);
  expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.body.length).toBeGreaterThan(2000);
});

test("the period selector works with the keyboard: a year, or chosen dates", async ({ page }) => {
  test.slow(); // five dashboards rendered in turn: 31-40 s on a loaded machine
  await signIn(page, demoAccount("ARS").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/ars");
  await page.goto("/ars?niveau=departement&code=55");
  const year = page.getByLabel("Année civile");
  await year.focus();
  await year.selectOption(String(thisYear - 1));
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Afficher l'année" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/ars?niveau=departement&code=55&annee=${thisYear - 1}`);
  await expect(page.getByRole("heading", { name: `Département Meuse — année ${thisYear - 1}` })).toBeVisible();

  await page.getByLabel("Du", { exact: true }).fill(`${thisYear}-01-01`);
  await page.getByLabel("Au (inclus)").fill(`${thisYear}-03-31`);
  await page.getByLabel("Au (inclus)").press("Enter");
  await expect(page).toHaveURL(`/ars?niveau=departement&code=55&du=${thisYear}-01-01&au=${thisYear}-03-31`);
  await expect(page.getByRole("heading", { name: `Département Meuse — du 01/01/${thisYear} au 31/03/${thisYear}` })).toBeVisible();
  await expectAccessible(page);

  // Dates in the wrong order: said in French, the year is shown instead.
  await page.goto(`/ars?niveau=departement&code=55&du=${thisYear}-03-31&au=${thisYear}-01-01`);
  await expect(page.getByRole("alert").filter({ hasText: "La date de début doit précéder la date de fin." })).toBeVisible();
});

test("a coordinator sees the same dashboards for their own territories only", async ({ page }) => {
  test.slow(); // pages, a CSV, a PDF and the refusals
  await signIn(page, demoAccount("COORDINATOR").email, DEMO_PASSWORD); // IDEC Meuse Nord + Meuse Sud
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Tableau de bord" }).click();
  await expect(page).toHaveURL("/coordination/tableau-de-bord");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord de vos territoires");
  await expect(page.getByRole("navigation", { name: "Fil d'Ariane" }).locator("[aria-current=page]")).toHaveText("Meuse");
  const territories = page.getByRole("navigation", { name: "Voir le détail par territoire" }).getByRole("link", { name: /^Meuse (Nord|Sud)/ });
  await expect(territories).toHaveCount(2);
  await expect(page.getByText("Vosges")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Délais de réponse (en heures)" })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("link", { name: /^Meuse Sud \(Bar-le-Duc\)/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: `Territoire Meuse Sud (Bar-le-Duc) — année ${thisYear}` })).toBeVisible();
  // Exact figures for the coordinator of the territory: nothing masked.
  await expect(page.getByRole("table", { name: "Demandes par besoin" }).getByRole("row", { name: /^Réflexion éthique [1-9]\d*$/ })).toBeVisible();
  const csv = await download(page, () => page.getByRole("link", { name: "Télécharger « Demandes par origine » (CSV)" }).click());
  expect(csv.body.toString("utf8").startsWith("\uFEFFOrigine;Demandes\r\n")).toBe(true);
  await page.getByRole("link", { name: `Rapport d'activité ${thisYear} de Meuse Sud (Bar-le-Duc)` }).click();
  await expect(page).toHaveURL(new RegExp(`/coordination/tableau-de-bord/rapport/[^/?]+\\?annee=${thisYear}$`));
  await expectAccessible(page);
  const pdf = await download(page, () => page.getByRole("link", { name: "Télécharger le rapport (PDF)" }).click());
  expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // Other territories, départements and régions: refused, in pages and downloads.
  for (const path of [
    "/coordination/tableau-de-bord?niveau=departement&code=88",
    "/coordination/tableau-de-bord?niveau=region&code=93",
    "/coordination/tableau-de-bord/rapport/vosges",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  expect((await page.request.get("/coordination/tableau-de-bord/export?niveau=territoire&code=vosges&tableau=besoin")).status()).toBe(403);
  expect((await page.request.get("/coordination/tableau-de-bord/rapport/bouches-du-rhone/pdf")).status()).toBe(403);
});

test("a GP is refused the dashboards, their exports and the reports (403)", async ({ page }) => {
  await signIn(page, demoAccount("GP").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/demandes");
  for (const path of ["/ars", "/ars?niveau=departement&code=55", "/coordination/tableau-de-bord", "/ars/rapport/meuse-sud"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  }
  for (const path of [
    "/ars/export?tableau=synthese",
    "/coordination/tableau-de-bord/export?tableau=besoin",
    "/ars/rapport/meuse-sud/pdf",
    "/coordination/tableau-de-bord/rapport/meuse-sud/pdf",
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    // A download refused answers like every route outside /api: a French page, no file.
    expect(response.headers()["content-type"]).toContain("text/html");
    expect(await response.text()).toContain("Vous n'avez pas accès à cette fonction.");
  }
  // Under /api, the same refusal in JSON.
  const api = await page.request.get("/api/annuaire/export");
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: "Vous n'avez pas accès à cette fonction." });
});
