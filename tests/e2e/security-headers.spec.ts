// Every page as each role reaches it (its home page, then every link of ours, breadth first), and
// the public pages: a Content-Security-Policy with a fresh nonce and no framing, the other security
// headers, and no CSP violation reported by the browser — patient pages included.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ROLE_HOME } from "@/lib/authz/permissions";
import { ADMIN_USER, ARS_USER, EMSP_MEMBER, IDEC_MEUSE, OWNER_GP, type Login } from "./accounts";
import { fileRequest, newPatient, signedInContext } from "./requests";

const MAX_PAGES = 25;

// Violations as the page sees them (from its first byte), and as the console reports them.
async function watchViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
}

async function checkPage(page: Page, path: string, nonces: Set<string>, consoleErrors: string[]) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  await page.waitForLoadState("networkidle");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${path} : Content-Security-Policy`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).toContain("script-src-attr 'none'");
  expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-frame-options"], path).toBe("DENY");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("same-origin");
  // Served over plain HTTP here: no HSTS (it is sent when NEXTAUTH_URL is https://).
  expect(headers["strict-transport-security"], path).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(nonces.has(nonce), `${path} : nonce déjà servi`).toBe(false);
  nonces.add(nonce);
  // Next.js's own scripts carry this response's nonce.
  const scripts = await page.locator("script").evaluateAll((list) => list.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length, path).toBeGreaterThan(0);
  expect(
    scripts.filter((n) => n !== nonce),
    `${path} : scripts sans le nonce`,
  ).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), `${path} : violations CSP`).toEqual([]);
  expect(
    consoleErrors.filter((m) => /Content Security Policy/i.test(m)),
    `${path} : console`,
  ).toEqual([]);
}

async function crawl(context: BrowserContext, start: string[]): Promise<string[]> {
  await watchViolations(context);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const nonces = new Set<string>();
  const queue = [...start];
  const visited: string[] = [];
  while (queue.length && visited.length < MAX_PAGES) {
    const path = queue.shift()!;
    if (visited.includes(path)) continue;
    visited.push(path);
    await checkPage(page, path, nonces, consoleErrors);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) {
      // Our pages only: not downloads (CSV, PDF), not the API, not the skip link.
      if (!href.startsWith("/") || href.startsWith("//") || /^\/api\/|\/export|\/pdf(\?|$)|^\/connexion/.test(href)) continue;
      const target = href.split("#")[0]!;
      if (target && !visited.includes(target) && !queue.includes(target)) queue.push(target);
    }
  }
  await page.close();
  return visited;
}

async function crawlAs(browser: Browser, login: Login, extra: string[] = []) {
  const context = await signedInContext(browser, login);
  const visited = await crawl(context, [ROLE_HOME[login.role], ...extra]);
  await context.close();
  return visited;
}

test("public pages: sign-in, contact form, not found", async ({ browser }) => {
  const context = await browser.newContext();
  const visited = await crawl(context, ["/connexion", "/contact", "/page-qui-n-existe-pas"]);
  expect(visited).toEqual(expect.arrayContaining(["/connexion", "/contact"]));
  await context.close();
});

test("the GP's pages, a patient's request included", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await signedInContext(browser, OWNER_GP);
  const { id } = await fileRequest(await context.newPage(), newPatient("CSP"));
  await context.close();
  const visited = await crawlAs(browser, OWNER_GP, [`/demandes/${id}`]);
  expect(visited).toEqual(expect.arrayContaining(["/demandes", "/demandes/nouvelle", `/demandes/${id}`]));
});

for (const login of [IDEC_MEUSE, EMSP_MEMBER, ARS_USER, ADMIN_USER]) {
  test(`the pages of ${login.role} (${login.email})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const visited = await crawlAs(browser, login);
    expect(visited.length).toBeGreaterThan(1);
  });
}
