// What an attacker tried against the sign-in and the sessions (issue 17), against the built app.
// The test runner plays the reverse proxy (TRUSTED_PROXIES=127.0.0.1 in scripts/e2e-server.ts): a
// spec that needs a client address of its own sends it in X-Forwarded-For.
import { networkInterfaces } from "node:os";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_GP, ENUMERATION_ACCOUNT, SIGN_OUT_GP } from "./accounts";
import { formError, signIn } from "./fixtures";
import { fileRequest, newPatient } from "./requests";

const port = Number(process.env.E2E_PORT ?? 3100);
const ORIGIN = `http://localhost:${port}`;

// One sign-in attempt the way the form's script makes it (next-auth's credentials callback); the
// error code next-auth answers with, or null when signed in.
async function postSignIn(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { origin: ORIGIN, ...headers },
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
  });
  expect(response.status(), `réponse à la connexion de ${email}`).toBeLessThan(500);
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

test("a session cookie copied before sign-out opens neither the GP's pages nor the patient's request afterwards", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, SIGN_OUT_GP.email, SIGN_OUT_GP.password);
  await expect(page).toHaveURL("/demandes");
  const { id } = await fileRequest(page, newPatient("DECONNEXION"));
  const copied = await context.cookies();
  expect(copied.map((c) => c.name)).toContain("next-auth.session-token");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion\?deconnecte=1/);
  await context.close();

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  for (const path of ["/demandes", `/demandes/${id}`]) {
    await stolen.goto(path);
    await expect(stolen, `${path} avec le cookie d'avant la déconnexion`).toHaveURL(/\/connexion\?callbackUrl=/);
  }
  await thief.close();
});

test("a signed-in user is never sent to another site by the callback address", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO_GP.email, DEMO_GP.password);
  await expect(page).toHaveURL("/demandes");
  for (const bypass of [
    "/\\evil.example/",
    "/\\/evil.example/",
    "//evil.example/",
    "/%5Cevil.example/",
    "/%2F/evil.example/",
    "/\t/evil.example/",
    "https://evil.example/",
  ]) {
    // Sent elsewhere, the browser fails to reach evil.example (no such host here): that is the failure.
    const landed = await page.goto(`/connexion?callbackUrl=${encodeURIComponent(bypass)}`).then(
      () => page.url(),
      (error: Error) => error.message.split("\n")[0]!,
    );
    expect(landed, `callbackUrl=${JSON.stringify(bypass)}`).toBe(`${ORIGIN}/demandes`);
  }
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent("/annuaire")}`);
  await expect(page).toHaveURL(`${ORIGIN}/annuaire`);
  await context.close();
});

test("submitted before its script runs, the sign-in form never puts the password in a URL", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await page.goto("/connexion");
  await expect(page.locator("form[aria-label=Connexion]")).toHaveAttribute("method", "post");
  await page.getByLabel("Adresse e-mail").fill(DEMO_GP.email);
  await page.getByLabel("Mot de passe").fill("secret-dans-l-url");
  await page.getByLabel("Mot de passe").press("Enter");
  await page.getByRole("button", { name: "Se connecter" }).click({ force: true });
  // The form stays where it is; had it been sent, a navigation would have been requested.
  await expect(page.getByRole("button", { name: "Se connecter" })).toBeDisabled();
  expect(urls.filter((u) => u.includes("secret-dans-l-url") || u.includes("password="))).toEqual([]);
  expect(page.url()).not.toContain("password");
  await context.close();
});

test("a known and an unknown e-mail answer alike, lock included", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: ORIGIN });
  const known: (string | null)[] = [];
  const unknown: (string | null)[] = [];
  for (let i = 0; i < 4; i++) {
    known.push(await postSignIn(request, ENUMERATION_ACCOUNT.email, `mauvais-${i}`, { "x-forwarded-for": "203.0.113.61" }));
    unknown.push(await postSignIn(request, "personne.inconnue@e2e.maillage.fr", `mauvais-${i}`, { "x-forwarded-for": "203.0.113.62" }));
  }
  // The e2e server locks after 3 failures.
  expect(known).toEqual(["CredentialsSignin", "CredentialsSignin", "LOCKED:15", "LOCKED:15"]);
  expect(unknown).toEqual(known);
  await request.dispose();
});

test("one address spraying passwords over many e-mails is refused, in French, whatever the e-mail", async ({ browser, playwright }) => {
  const spray = { "x-forwarded-for": "203.0.113.66" };
  const request = await playwright.request.newContext({ baseURL: ORIGIN });
  const answers: (string | null)[] = [];
  for (let i = 0; i < 21; i++) answers.push(await postSignIn(request, `personne${i}@e2e.maillage.fr`, "Printemps2026!", spray));
  expect(answers.slice(0, 20)).toEqual(Array(20).fill("CredentialsSignin"));
  expect(answers[20]).toMatch(/^RATE_LIMITED:\d+$/);
  await request.dispose();

  // The same address, the right password of a real account, through the form: refused too.
  const context = await browser.newContext({ extraHTTPHeaders: spray });
  const page: Page = await context.newPage();
  await signIn(page, DEMO_GP.email, DEMO_GP.password);
  await expect(formError(page)).toHaveText(/^Trop de tentatives de connexion depuis cette connexion internet\. Réessayez dans 1[45] minutes\.$/);
  await expect(page).toHaveURL(/\/connexion/);
  await context.close();

  // Another address is not held back.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.67" } });
  const otherPage = await other.newPage();
  await signIn(otherPage, DEMO_GP.email, DEMO_GP.password);
  await expect(otherPage).toHaveURL("/demandes");
  await other.close();
});

test("a sign-in or sign-out posted without our Origin is refused before anything runs", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: ORIGIN });
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const form = { csrfToken, email: DEMO_GP.email, password: DEMO_GP.password, json: "true" };
  const refused: Record<string, string>[] = [{}, { origin: "https://evil.example" }, { origin: "null" }];
  for (const headers of refused) {
    const response = await request.post("/api/auth/callback/credentials", { headers, form, maxRedirects: 0 });
    expect(response.status(), `Origin ${JSON.stringify(headers)}`).toBe(403);
    expect(await response.text()).toBe("Requête refusée : elle ne vient pas d'une page de Maillage.");
  }
  // Positive control: the same request from our origin signs in.
  const ok = await request.post("/api/auth/callback/credentials", { headers: { origin: ORIGIN }, form, maxRedirects: 0 });
  expect(ok.status()).toBe(200);
  expect(new URL(((await ok.json()) as { url: string }).url).searchParams.get("error")).toBeNull();
  await request.dispose();
});

test("the app server listens on this machine only, not on its network addresses", async ({ request }) => {
  expect((await request.get("/api/health")).ok()).toBe(true);
  const external = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal)
    .map((i) => (i!.family === "IPv6" ? `[${i!.address}]` : i!.address));
  test.skip(external.length === 0, "cette machine n'a pas d'adresse réseau");
  for (const address of external) {
    await expect(fetch(`http://${address}:${port}/api/health`), `http://${address}:${port}`).rejects.toThrow();
  }
});
