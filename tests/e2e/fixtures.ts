import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

// No moderate, serious or critical violation on the page as it is now: WCAG 2.1 A/AA and axe's
// best practices (heading order, unique landmarks… are best practices, not WCAG tags). Only
// "minor" findings are let through.
const BLOCKING_IMPACTS = new Set(["moderate", "serious", "critical"]);

export async function expectAccessible(page: Page) {
  // Two fields of one page with the same id: a label or a message then names the wrong one (axe
  // no longer checks ids). Only the ids that something points at count.
  const clashes = await page.evaluate(() => {
    const referenced = new Set<string>();
    for (const el of document.querySelectorAll("label[for]")) referenced.add(el.getAttribute("for")!);
    for (const el of document.querySelectorAll("[aria-labelledby], [aria-describedby], [aria-controls]"))
      for (const attr of ["aria-labelledby", "aria-describedby", "aria-controls"])
        for (const id of (el.getAttribute(attr) ?? "").split(/\s+/)) if (id) referenced.add(id);
    return [...referenced].filter((id) => document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length > 1);
  });
  expect(clashes, `identifiants en double sur ${page.url()}`).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const blocking = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ""));
  expect(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `violations d'accessibilité sur ${page.url()}`,
  ).toEqual([]);
}

// The form's own error banner (Next.js also has an empty role="alert" route announcer).
export function formError(page: Page) {
  return page.locator("form [role=alert]");
}
