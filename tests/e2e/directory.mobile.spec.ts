// The directory on a phone, as a GP uses it in the middle of a consultation: a commune, a need, and
// a direct line one tap away (issue 4). Relies on the demo directory (prisma/demo-directory.ts).
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoAccount } from "./accounts";
import { expectAccessible, signIn } from "./fixtures";

test("on a phone, a GP searches Bar-le-Duc + Douleur and gets direct lines to call in one tap", async ({ page }) => {
  await signIn(page, demoAccount("GP").email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/demandes");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Annuaire" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Annuaire des ressources");

  const search = page.getByRole("search", { name: "Rechercher dans l'annuaire" });
  await search.getByRole("combobox", { name: "Commune du patient" }).fill("Bar-le");
  await page.getByRole("option", { name: /^Bar-le-Duc \(55000\)/ }).click();
  await search.getByLabel("Besoin").selectOption({ label: "Douleur" });
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/[?&]commune=55029/);
  await expect(page).toHaveURL(/[?&]besoin=PAIN/);

  const results = page.getByRole("heading", { level: 2, name: /structures? pour Bar-le-Duc · Douleur$/ });
  await expect(results).toBeVisible();
  const emsp = page.getByRole("article", { name: "EMSP du Centre hospitalier de Bar-le-Duc" });
  await expect(emsp).toContainText(/Disponible.*confirmée le \d\d\/\d\d\/\d{4}/);
  await expect(emsp).toContainText("Territoire Meuse Sud (Bar-le-Duc)");
  const call = emsp.getByRole("link", { name: /^Appeler EMSP du Centre hospitalier de Bar-le-Duc en ligne directe : 0\d( \d\d){4}$/ });
  await expect(call).toBeVisible();
  await expect(call).toHaveAttribute("href", /^tel:0\d{9}$/);
  await expect(emsp.getByRole("link", { name: /^Appeler le référent, Dr Anne Royer/ })).toHaveAttribute("href", /^tel:0\d{9}$/);
  // The call button is a big target.
  const box = await call.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  // The structure's page: referent and backup, secure e-mail, offers per care setting.
  await emsp.getByRole("link", { name: "EMSP du Centre hospitalier de Bar-le-Duc", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("EMSP du Centre hospitalier de Bar-le-Duc");
  await expect(page.getByRole("link", { name: /^Appeler le suppléant/ })).toHaveAttribute("href", /^tel:0\d{9}$/);
  await expect(page.getByRole("link", { name: /@demo-mssante\.maillage\.example$/ })).toHaveAttribute("href", /^mailto:/);
  await expect(page.getByRole("table", { name: "Besoins pris en charge selon le lieu de prise en charge" })).toBeVisible();
  // A GP reads the directory; editing is for the team and the coordination.
  await expect(page.getByRole("link", { name: /^Modifier/ })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
