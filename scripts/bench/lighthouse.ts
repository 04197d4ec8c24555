// npm run bench -- --http <base> --lighthouse: Lighthouse's mobile run (its default: a mid-range
// phone, simulated slow 4G and CPU) of the GP's pages — sign-in, new request, a request's page —
// in Debian's Chromium; performance and accessibility scores (target ≥ 95 each).
import lighthouse from "lighthouse";
import { launch } from "chrome-launcher";

export type LighthouseRow = { page: string; performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number };

export async function runLighthouse({ base, pages }: { base: string; pages: { name: string; path: string; cookie?: string }[] }): Promise<LighthouseRow[]> {
  const chrome = await launch({
    chromePath: ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(Boolean),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      const result = await lighthouse(`${base}${page.path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${page.path}`);
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message} (${page.path})`);
      // A session that did not hold would measure the sign-in page under another name.
      const landed = new URL(lhr.finalDisplayedUrl).pathname;
      if (landed !== page.path) throw new Error(`Lighthouse: ${page.path} ended on ${landed} (session refused?)`);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      rows.push({
        page: page.name,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        lcpMs: audit("largest-contentful-paint"),
        tbtMs: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
      });
    }
  } finally {
    await chrome.kill();
  }
  return rows;
}
