// Issue 16: two app instances over one database, as behind a load balancer (scripts/e2e-server.ts
// starts the second on E2E_PORT + 1). Nothing that matters is kept in one process: a session opened
// on one works on the other, two nurses claiming the same request through both get exactly one
// winner, and the public form's allowance is one allowance across both.
import { expect, test, type Page } from "@playwright/test";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { DEMO_GP, IDEC_MEUSE, SECOND_IDEC, type Login } from "./accounts";
import { captureAction, chooseBarLeDuc, fileRequest, newPatient, pageHeader, replayAction, signedInContext, signedInPage, uniqueTag } from "./requests";

const second = process.env.E2E_SECOND_URL!;
const secondLogin: Login = { email: SECOND_IDEC.email, name: SECOND_IDEC.name, role: SECOND_IDEC.role, password: SECOND_IDEC.password };

test.beforeAll(async ({ request }) => {
  await expect.poll(async () => (await request.get(`${second}/api/health`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
});

test("a session opened on one instance works on the other", async ({ browser }) => {
  const page = await signedInPage(browser, DEMO_GP);
  await page.goto(`${second}/demandes`);
  await expect(page).toHaveURL(`${second}/demandes`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes demandes");
  await page.context().close();
});

test("two nurses claim the same requests at once through the two instances: exactly one wins each", async ({ browser, baseURL }) => {
  const gp = await signedInPage(browser, DEMO_GP);
  const filed: Awaited<ReturnType<typeof fileRequest>>[] = [];
  for (let i = 0; i < 3; i++) filed.push(await fileRequest(gp, newPatient("DEUXINSTANCES")));
  await gp.context().close();

  const first = await signedInPage(browser, IDEC_MEUSE);
  await first.goto(`/coordination/demandes/${filed[0]!.id}`);
  const claim = first.getByRole("form", { name: "Prendre en charge" });
  // The claim as the browser sends it, not sent: both nurses will send it at the same moment.
  const captured = await captureAction(first, () => claim.getByRole("button", { name: "Prendre en charge" }).click());
  const other = await signedInContext(browser, secondLogin);
  const sides = [
    { request: first.context().request, instance: new URL(baseURL!).origin, name: IDEC_MEUSE.name },
    { request: other.request, instance: second, name: SECOND_IDEC.name },
  ];
  // Both instances warmed up on this action (a request they cannot see), so that the race is one.
  for (const side of sides) await replayAction(side.request, captured, { [filed[0]!.id]: "inconnue" }, side.instance);

  for (const request of filed) {
    const replies = await Promise.all(sides.map((side) => replayAction(side.request, captured, { [filed[0]!.id]: request.id }, side.instance)));
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(
      replies.filter((r) => r.result?.ok === true),
      `${request.number} : un seul gagnant`,
    ).toHaveLength(1);
    const loser = replies.find((r) => r.result?.ok === false)?.result;
    expect(loser?.code).toBe("CONFLICT");

    // Both instances show the same single owner.
    const winner = sides[replies.findIndex((r) => r.result?.ok)]!.name;
    expect(loser?.message).toContain(winner);
    for (const side of sides) {
      const page = side.instance === second ? await other.newPage() : first;
      await page.goto(`${side.instance}/coordination/demandes/${request.id}`);
      await expect(pageHeader(page)).toContainText("En cours d'analyse");
      await expect(page.locator("dt", { hasText: "Suivie par" }).locator("xpath=following-sibling::dd[1]")).toHaveText(winner);
      if (page !== first) await page.close();
    }
  }
  await first.context().close();
  await other.close();
});

async function captureContact(page: Page) {
  await page.goto("/contact");
  const form = page.getByRole("form", { name: "Demande d'aide" });
  await form.getByLabel("Votre nom").fill(`Deux instances ${uniqueTag()}`);
  await form.getByLabel("Votre téléphone").fill("06 11 22 33 44");
  await form.getByLabel("Votre lien avec la personne malade").fill("fille");
  await chooseBarLeDuc(page, form.getByRole("combobox", { name: "Commune où vit la personne malade" }));
  await form.getByRole("checkbox", { name: "Douleur", exact: true }).check();
  await form.getByRole("checkbox", { name: /^J'accepte que l'équipe de coordination/ }).check();
  return captureAction(page, () => form.getByRole("button", { name: "Envoyer ma demande" }).click());
}

test("the public form's allowance is one across both instances", async ({ browser, request, baseURL }) => {
  const client = { "x-forwarded-for": "203.0.113.120" };
  const context = await browser.newContext({ extraHTTPHeaders: client });
  const captured = await captureContact(await context.newPage());
  await context.close();
  const instances = [new URL(baseURL!).origin, second];
  const send = async (instance: string) => {
    const url = new URL(new URL(captured.url).pathname, instance).toString();
    const response = await request.post(url, {
      headers: { "content-type": captured.contentType, "next-action": captured.action, accept: "text/x-component", origin: instance, ...client },
      data: captured.body,
      maxRedirects: 0,
    });
    const row = /^[0-9a-f]+:(\{"ok":(?:true|false).*\})$/m.exec(await response.text());
    return row ? (JSON.parse(row[1]!) as { ok: boolean; code?: string }) : null;
  };
  // The sends allowed per connection, alternating between the instances.
  for (let i = 0; i < RATE_LIMITS["public-contact"].points; i++)
    expect(await send(instances[i % 2]!), `envoi ${i + 1} (instance ${(i % 2) + 1})`).toMatchObject({ ok: true });
  for (const instance of instances) expect(await send(instance), instance).toMatchObject({ ok: false, code: "RATE_LIMITED" });
});
