// The public contact form's server action, replayed as an attacker would: without our Origin, and
// with made-up X-Forwarded-For headers to get a fresh allowance. The test runner plays the reverse
// proxy (TRUSTED_PROXIES=127.0.0.1 in scripts/e2e-server.ts): the address it appends last is the
// client's, and what the client wrote before it must count for nothing. Every address here is
// this file's own, so the other specs' allowance (127.0.0.1) is untouched.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { captureAction, chooseBarLeDuc, uniqueTag, type CapturedAction } from "./requests";

type Reply = { status: number; result: { ok: boolean; code?: string; message?: string } | null };

async function send(request: APIRequestContext, captured: CapturedAction, headers: Record<string, string>): Promise<Reply> {
  const response = await request.post(captured.url, {
    headers: { "content-type": captured.contentType, "next-action": captured.action, accept: "text/x-component", ...headers },
    data: captured.body,
    maxRedirects: 0,
  });
  const row = /^[0-9a-f]+:(\{"ok":(?:true|false).*\})$/m.exec(await response.text());
  return { status: response.status(), result: row ? (JSON.parse(row[1]!) as Reply["result"]) : null };
}

async function captureContact(page: Page, fill: boolean): Promise<CapturedAction> {
  await page.goto("/contact");
  const form = page.getByRole("form", { name: "Demande d'aide" });
  await form.getByLabel("Votre nom").fill(`Rejeu ${uniqueTag()}`);
  if (fill) {
    await form.getByLabel("Votre téléphone").fill("06 11 22 33 44");
    await form.getByLabel("Votre lien avec la personne malade").fill("fils");
    await chooseBarLeDuc(page, form.getByRole("combobox", { name: "Commune où vit la personne malade" }));
    await form.getByRole("checkbox", { name: "Douleur", exact: true }).check();
    await form.getByRole("checkbox", { name: /^J'accepte que l'équipe de coordination/ }).check();
  }
  return captureAction(page, () => form.getByRole("button", { name: "Envoyer ma demande" }).click());
}

test("a server action with no Origin, or a foreign one, is refused before it runs", async ({ browser, request, baseURL }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.80" } });
  const captured = await captureContact(await context.newPage(), false);
  await context.close();
  const proxied = { "x-forwarded-for": "203.0.113.80" };
  // Positive control: from our origin, the action runs (and answers that the form is incomplete).
  expect(await send(request, captured, { ...proxied, origin: new URL(baseURL!).origin })).toMatchObject({
    status: 200,
    result: { ok: false, code: "INVALID_INPUT" },
  });
  for (const origin of [undefined, "https://evil.example", "null"]) {
    const reply = await send(request, captured, origin ? { ...proxied, origin } : proxied);
    expect(reply, `Origin ${origin ?? "absente"}`).toEqual({ status: 403, result: null });
  }
});

test("the contact form's limit holds against made-up X-Forwarded-For headers, and counts each client of the proxy apart", async ({
  browser,
  request,
  baseURL,
}) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.90" } });
  const captured = await captureContact(await context.newPage(), true);
  await context.close();
  const origin = new URL(baseURL!).origin;
  const from = (forwardedFor: string) => send(request, captured, { origin, "x-forwarded-for": forwardedFor });

  for (let i = 0; i < 5; i++) expect((await from("203.0.113.90")).result, `envoi ${i + 1}`).toMatchObject({ ok: true });
  expect((await from("203.0.113.90")).result).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  // The client writes addresses of its own before the one the proxy appends: still the same client.
  for (const spoofed of ["6.6.6.6", "10.0.0.1, 7.7.7.7", "127.0.0.1"]) {
    const reply = await from(`${spoofed}, 203.0.113.90`);
    expect(reply.result, `X-Forwarded-For: ${spoofed}, 203.0.113.90`).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(reply.result?.message).toContain("Plusieurs demandes viennent d'être envoyées depuis cette connexion.");
  }
  // Another client of the proxy has its own allowance.
  expect((await from("203.0.113.91")).result).toMatchObject({ ok: true });
});
