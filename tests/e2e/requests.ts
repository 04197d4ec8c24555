// Helpers of the request specs: signed-in pages, a GP's request filed through the form, the
// coordinator's and the teams' first moves, and forged server-action calls.
import { randomInt } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page, type Route } from "@playwright/test";
import { ROLE_HOME } from "@/lib/authz/permissions";
import { DEMO_TERRITORIES } from "@/lib/geography/demo-territories";
import type { Login } from "./accounts";
import { signIn } from "./fixtures";

export const MEUSE_SUD = DEMO_TERRITORIES.find((t) => t.slug === "meuse-sud")!;
export const EMSP = "EMSP du Centre hospitalier de Bar-le-Duc";
export const HAD = "HAD Meuse";

// A patient nobody else's test uses: tests share one database, so every name carries a random tag.
export type Patient = { birthName: string; firstNames: string; birthDate: string; sex: "Femme" | "Homme" | "Indéterminé" };

export function uniqueTag(length = 6): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  return Array.from({ length }, () => letters[randomInt(letters.length)]).join("");
}

export function newPatient(prefix: string, sex: Patient["sex"] = "Femme"): Patient {
  return { birthName: `${prefix}-${uniqueTag()}`.toUpperCase(), firstNames: sex === "Homme" ? "Jean-Michel" : "Jeanne Marie", birthDate: "14/03/1948", sex };
}

// Sessions of this worker, by e-mail: each account signs in through the form once per worker,
// then every new context starts with its cookie (a session is valid for hours).
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const sessions = new Map<string, StorageState>();

// A new browser context (its own cookies and pages) signed in as `login`.
export async function signedInContext(browser: Browser, login: Login): Promise<BrowserContext> {
  const session = sessions.get(login.email);
  if (session) return browser.newContext({ storageState: session });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login.email, login.password);
  await expect(page).toHaveURL(ROLE_HOME[login.role]);
  sessions.set(login.email, await context.storageState());
  await page.close();
  return context;
}

// A page of a new signed-in context, on the role's home page.
export async function signedInPage(browser: Browser, login: Login): Promise<Page> {
  const page = await (await signedInContext(browser, login)).newPage();
  await page.goto(ROLE_HOME[login.role]);
  await expect(page).toHaveURL(ROLE_HOME[login.role]);
  return page;
}

// The h1 and the badges next to it (status, urgency) on a request or referral page.
export function pageHeader(page: Page): Locator {
  return page.getByRole("heading", { level: 1 }).locator("..");
}

export type RequestChoices = { needs: string[]; urgency: RegExp; details?: string };
export const CRISIS_PAIN: RequestChoices = { needs: ["Douleur", "Soins palliatifs / fin de vie"], urgency: /^Situation de crise/ };

// Fills the GP's new request form (already open) for a patient of Bar-le-Duc (Meuse Sud).
export async function fillNewRequest(page: Page, patient: Patient, choices: RequestChoices = CRISIS_PAIN) {
  const form = page.getByRole("form", { name: "Nouvelle demande d'appui" });
  await form.getByLabel("Nom de naissance").fill(patient.birthName);
  await form.getByLabel("Prénom(s)").fill(patient.firstNames);
  // Typed digit by digit, as on the numeric keypad: the slashes come by themselves.
  await form.getByLabel("Date de naissance").pressSequentially(patient.birthDate.replaceAll("/", ""));
  await expect(form.getByLabel("Date de naissance")).toHaveValue(patient.birthDate);
  await form.getByRole("radio", { name: patient.sex, exact: true }).check();
  await chooseBarLeDuc(page, form.getByRole("combobox", { name: "Commune de résidence" }));
  await expect(form.getByRole("radio", { name: "Domicile" })).toBeChecked();
  for (const need of choices.needs) await form.getByRole("checkbox", { name: need, exact: true }).check();
  await form.getByRole("radio", { name: choices.urgency }).check();
  if (choices.details) await form.getByLabel("Précisions (facultatif)").fill(choices.details);
  await form.getByRole("checkbox", { name: /^Le patient \(ou sa personne de confiance\) accepte/ }).check();
}

export async function chooseBarLeDuc(page: Page, combobox: Locator) {
  await combobox.fill("Bar-le");
  await page.getByRole("option", { name: /^Bar-le-Duc \(55000\)/ }).click();
  await expect(combobox).toHaveValue("Bar-le-Duc (55000)");
}

export type FiledRequest = { id: string; number: string };

// The GP files a request through the form and lands on its page: its id and its number.
export async function fileRequest(page: Page, patient: Patient, choices: RequestChoices = CRISIS_PAIN): Promise<FiledRequest> {
  await page.goto("/demandes/nouvelle");
  await fillNewRequest(page, patient, choices);
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  return landedOnNewRequest(page);
}

export async function landedOnNewRequest(page: Page): Promise<FiledRequest> {
  await expect(page).toHaveURL(/\/demandes\/[^/?]+\?envoyee=1$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Demande DA-\d{6}$/);
  const number = (await heading.textContent())!.replace("Demande ", "");
  return { id, number };
}

// The coordinator takes the request in hand from its page (it must still be "Reçue").
export async function claimOnRequestPage(page: Page, id: string) {
  await page.goto(`/coordination/demandes/${id}`);
  await page.getByRole("form", { name: "Prendre en charge" }).getByRole("button", { name: "Prendre en charge" }).click();
  await expect(pageHeader(page)).toContainText("En cours d'analyse");
}

// On the coordinator's request page, a referral's card (the suggestions are articles too).
export function referralCard(page: Page, structure: string): Locator {
  return page.getByRole("region", { name: "Orientations", exact: true }).getByRole("article", { name: structure, exact: true });
}

/**
 * Fills the coordinator's orient form (request in analysis, page open) for the structures named,
 * and returns it, ready to send. When the routing suggests structures, one outside its first
 * suggestions needs a reason: the form asks for it exactly then, and it is given.
 */
export async function fillOrientForm(page: Page, structures: string[], message?: string): Promise<Locator> {
  const form = page.getByRole("form", { name: "Orienter la demande" });
  // Suggested candidates, folded ones included (a closed <details> hides them from roles).
  const hasSuggestions = (await page.getByRole("region", { name: "Suggestions d'orientation", exact: true }).locator("article").count()) > 0;
  let offSuggestions = false;
  for (const name of structures) {
    const checkbox = form.getByRole("checkbox", { name, exact: true });
    await checkbox.check();
    const description = (await checkbox.getAttribute("aria-describedby")) ?? "";
    const details = await form.locator(`[id="${description}"]`).textContent();
    if (hasSuggestions && !details?.includes("Parmi les suggestions")) offSuggestions = true;
  }
  const reason = form.getByLabel("Motif du choix hors suggestions");
  if (offSuggestions) await reason.fill("Équipe connue du patient, choisie avec le médecin.");
  else await expect(reason).toHaveCount(0);
  if (message) await form.getByLabel("Message aux équipes (facultatif)").fill(message);
  return form;
}

// The coordinator orients the request (in analysis, page open) to the structures named.
export async function orient(page: Page, structures: string[], message?: string) {
  const form = await fillOrientForm(page, structures, message);
  await form.getByRole("button", { name: "Orienter la demande" }).click();
  await expect(form.getByRole("status")).toHaveText("Orientation envoyée aux équipes.");
  await expect(pageHeader(page)).toContainText("Orientée");
  for (const name of structures) await expect(referralCard(page, name)).toContainText("Proposée");
}

// A team member opens, from their inbox, the referral of a request: its id.
export async function openReferral(page: Page, number: string): Promise<string> {
  await page.goto("/equipe");
  await page.getByRole("link", { name: number, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Orientation ${number}`);
  return new URL(page.url()).pathname.split("/").pop()!;
}

// A server action call as the browser sent it: enough to send it again, from another session.
export type CapturedAction = { url: string; action: string; contentType: string; body: string };

/**
 * Lets an authorised user submit a form, but stops the server action on its way: the request
 * never reaches the server, nothing changes, and we keep what a forger would replay. The page is
 * left in an error state: reload it before using it again.
 */
export async function captureAction(page: Page, submit: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | undefined;
  const handler = async (route: Route) => {
    const request = route.request();
    const action = await request.headerValue("next-action");
    if (request.method() !== "POST" || !action) return route.fallback();
    captured = { url: request.url(), action, contentType: (await request.headerValue("content-type")) ?? "", body: request.postData() ?? "" };
    return route.abort();
  };
  await page.route("**/*", handler);
  await submit();
  await expect.poll(() => captured, { message: "la soumission du formulaire n'a appelé aucune action serveur" }).toBeDefined();
  await page.unroute("**/*", handler);
  return captured!;
}

export type ActionReply = { status: number; redirect: string | undefined; result: { ok: boolean; code?: string; message?: string } | null };

// Sends a captured action again with another session's cookies (`request` of its context), after
// replacing, in the form fields, what `substitutions` says (e.g. another request's id); to another
// app instance when `instance` (its origin) is given.
export async function replayAction(
  request: APIRequestContext,
  captured: CapturedAction,
  substitutions: Record<string, string> = {},
  instance?: string,
): Promise<ActionReply> {
  let body = captured.body;
  for (const [from, to] of Object.entries(substitutions)) {
    expect(body, `le corps de l'action ne contient pas « ${from} »`).toContain(from);
    body = body.split(from).join(to);
  }
  const url = instance ? new URL(new URL(captured.url).pathname + new URL(captured.url).search, instance).toString() : captured.url;
  const response = await request.post(url, {
    headers: { "content-type": captured.contentType, "next-action": captured.action, accept: "text/x-component", origin: new URL(url).origin },
    data: body,
    maxRedirects: 0,
  });
  const text = await response.text();
  // The action's return value is one row of the RSC payload: `1:{"ok":false,"code":"NOT_FOUND",…}`.
  const row = /^[0-9a-f]+:(\{"ok":(?:true|false).*\})$/m.exec(text);
  return { status: response.status(), redirect: response.headers()["x-action-redirect"], result: row ? (JSON.parse(row[1]!) as ActionReply["result"]) : null };
}

// What every refusal looks like from the outside, by kind of refusal.
export function expectForbidden(reply: ActionReply, who: string) {
  expect(reply.status, `${who} : statut de l'action`).toBe(403);
  expect(reply.result, `${who} : l'action a répondu`).toBeNull();
}

export function expectNotFound(reply: ActionReply, who: string) {
  expect(reply.result, `${who} : réponse de l'action`).toMatchObject({ ok: false, code: "NOT_FOUND" });
}

export function expectSignInRedirect(reply: ActionReply, who: string) {
  expect(reply.redirect, `${who} : redirection`).toMatch(/^\/connexion\?callbackUrl=/);
  expect(reply.result, `${who} : l'action a répondu`).toBeNull();
}
