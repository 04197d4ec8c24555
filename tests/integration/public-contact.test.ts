import { afterAll, beforeEach, describe, expect, test, vi } from "vitest";
import { headers } from "next/headers";
import { createPrismaClient } from "@/lib/db";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/rate-limit";
import { sendPublicContactAction } from "@/lib/requests/public-actions";
import { GET as searchCommunesRoute } from "@/app/api/communes/route";
import { createWorld, PARIS, VERDUN, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

// The request's headers are Next's business: the action reads the client's address from here.
vi.mock("next/headers", () => ({ headers: vi.fn() }));
function from(address: string) {
  vi.mocked(headers).mockResolvedValue(new Headers({ "x-forwarded-for": address }) as Awaited<ReturnType<typeof headers>>);
}

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
}, 60_000);
afterAll(() => db.$disconnect());

function communes(query: string, address = "203.0.113.10") {
  return searchCommunesRoute(new Request(`http://localhost/api/communes?${query}`, { headers: { "x-forwarded-for": address } }));
}

describe("rate limit", () => {
  test("a client gets its allowance, then a refusal with the wait, while another client goes on", async () => {
    const { points } = RATE_LIMITS["public-contact"];
    for (let i = 0; i < points; i++) {
      expect(await consumeRateLimit({ db, bucket: "public-contact", address: "198.51.100.1" })).toMatchObject({ allowed: true, remaining: points - i - 1 });
    }
    const refused = await consumeRateLimit({ db, bucket: "public-contact", address: "198.51.100.1" });
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(9 * 60);
    expect(await consumeRateLimit({ db, bucket: "public-contact", address: "198.51.100.2" })).toMatchObject({ allowed: true });
    // Buckets are separate: the autocomplete still answers the limited client.
    expect(await consumeRateLimit({ db, bucket: "communes", address: "198.51.100.1" })).toMatchObject({ allowed: true });
  });

  test("the table keeps a keyed hash of the address, never the address", async () => {
    await consumeRateLimit({ db, bucket: "public-contact", address: "198.51.100.7" });
    const rows = await db.rateLimit.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).toMatch(/^public-contact:[\w-]{32}$/);
    expect(rows[0]!.key).not.toContain("198.51.100.7");
  });

  test("concurrent attempts are all counted", async () => {
    const { points } = RATE_LIMITS["public-contact"];
    const results = await Promise.all(Array.from({ length: points + 3 }, () => consumeRateLimit({ db, bucket: "public-contact", address: "198.51.100.9" })));
    expect(results.filter((r) => r.allowed)).toHaveLength(points);
  });
});

describe("GET /api/communes", () => {
  test("finds communes by name with their territory, or none for an uncovered commune", async () => {
    const response = await communes("q=bar-le-d");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body.communes[0]).toEqual({
      code: "55029",
      name: "Bar-le-Duc",
      postalCodes: ["55000"],
      departmentCode: "55",
      territory: { id: world.territories["meuse-sud"], name: "Meuse Sud (Bar-le-Duc)" },
    });
    const paris = await (await communes("q=75001")).json();
    expect(paris.communes[0]).toMatchObject({ code: "75056", name: "Paris", territory: null });
  });

  test("answers only the declared fields", async () => {
    const body = await (await communes("q=verdun&limit=3")).json();
    expect(body.communes.length).toBeLessThanOrEqual(3);
    for (const commune of body.communes) expect(Object.keys(commune).sort()).toEqual(["code", "departmentCode", "name", "postalCodes", "territory"]);
  });

  test("refuses a query too short or too long, in French", async () => {
    const short = await communes("q=b");
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ fieldErrors: { q: ["Saisissez au moins 2 caractères du nom ou du code postal."] } });
    expect((await communes(`q=${"a".repeat(81)}`)).status).toBe(400);
    expect((await communes("")).status).toBe(400);
  });

  test("limits each client, with Retry-After and a French message", async () => {
    const { points } = RATE_LIMITS.communes;
    for (let i = 0; i < points; i++) await consumeRateLimit({ bucket: "communes", address: "203.0.113.99" });
    const limited = await communes("q=verdun", "203.0.113.99");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/^Trop de recherches en peu de temps\. Réessayez dans \d+ (secondes?|minutes?)\.$/);
    expect((await communes("q=verdun", "203.0.113.100")).status).toBe(200);
  });
});

describe("sendPublicContactAction", () => {
  function form(fields: Record<string, string | string[]>): FormData {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
    return data;
  }
  const valid = {
    requesterName: "Paul Durand",
    requesterPhone: "06 12 34 56 78",
    requesterRelation: "fils",
    communeCode: VERDUN,
    needs: ["CARER_RESPITE", "PSYCHOLOGICAL_FAMILY"],
    details: "Ma mère est épuisée, mon père est en fin de vie à la maison.",
    consentCoordination: "on",
  };

  test("records a public request with no account and answers only with the territory to call", async () => {
    from("203.0.113.20");
    const state = await sendPublicContactAction(null, form(valid));
    expect(state).toEqual({ ok: true, data: { territory: { name: "Meuse Nord (Verdun)", publicPhone: "03 53 01 55 10" } } });
    const request = await db.request.findFirstOrThrow();
    expect(request).toMatchObject({
      channel: "PUBLIC",
      requesterKind: "PATIENT_FAMILY",
      requesterId: null,
      requesterName: "Paul Durand",
      requesterPhone: "06 12 34 56 78",
      requesterRelation: "fils",
      patientId: null,
      territoryId: world.territories["meuse-nord"],
      needs: ["CARER_RESPITE", "PSYCHOLOGICAL_FAMILY"],
      consentCoordination: true,
    });
    const event = await db.event.findFirstOrThrow({ where: { subjectId: request.id } });
    expect(event).toMatchObject({ type: "request.submitted", actorId: null });
    expect(JSON.stringify(event.data)).not.toMatch(/Durand|06 12|épuisée/);
  });

  test("a commune no territory covers is recorded as an unmet need, and said so (no number to give)", async () => {
    from("203.0.113.21");
    expect(await sendPublicContactAction(null, form({ ...valid, communeCode: PARIS }))).toEqual({ ok: true, data: { territory: null } });
    expect(await db.request.findFirstOrThrow()).toMatchObject({ channel: "PUBLIC", territoryId: null, communeCode: PARIS });
  });

  test("sends every value back with French errors at each field, and records nothing", async () => {
    from("203.0.113.22");
    const state = await sendPublicContactAction(
      null,
      form({ ...valid, requesterName: "", requesterPhone: "12 34", requesterRelation: "", needs: [], consentCoordination: "" }),
    );
    expect(state).toMatchObject({
      ok: false,
      message: "Certains champs sont à corriger.",
      fieldErrors: {
        requesterName: ["Indiquez votre nom."],
        requesterPhone: ["Numéro de téléphone invalide (ex. 06 12 34 56 78)."],
        requesterRelation: ["Indiquez votre lien avec la personne malade."],
        needs: ["Cochez au moins un besoin."],
        consentCoordination: ["Votre accord est nécessaire pour que l'équipe de coordination vous rappelle."],
      },
      values: { requesterPhone: "12 34", communeCode: VERDUN, details: valid.details },
      echo: { commune: { code: VERDUN, name: "Verdun", territory: { id: world.territories["meuse-nord"], name: "Meuse Nord (Verdun)" } } },
    });
    expect(await db.request.count()).toBe(0);
  });

  test("five requests per client in ten minutes, then a clear French refusal; corrections do not count", async () => {
    from("203.0.113.30");
    for (let i = 0; i < 3; i++) await sendPublicContactAction(null, form({ ...valid, requesterName: "" }));
    for (let i = 0; i < RATE_LIMITS["public-contact"].points; i++) expect(await sendPublicContactAction(null, form(valid))).toMatchObject({ ok: true });
    const refused = await sendPublicContactAction(null, form(valid));
    expect(refused).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      message: expect.stringMatching(
        /^Plusieurs demandes viennent d'être envoyées depuis cette connexion\. Réessayez dans (9|10) minutes\. Vous pouvez aussi appeler le numéro de votre territoire\.$/,
      ),
      values: { requesterName: "Paul Durand" },
    });
    expect(await db.request.count()).toBe(5);
    from("203.0.113.31");
    expect(await sendPublicContactAction(null, form(valid))).toMatchObject({ ok: true });
  });
});
