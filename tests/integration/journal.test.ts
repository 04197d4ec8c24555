// Issue 12: the journal (/admin/journal) finds who did what on a request, by person and by period,
// by pages; every search of it is itself recorded; a coordinator sees who consulted each request of
// her territories, and nobody else's.
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { claimRequest } from "@/lib/requests/claim-request";
import { recordRequestView } from "@/lib/requests/record-view";
import { searchJournal, ZJournalFilters } from "@/lib/journal/search-journal";
import { listRequestConsultations } from "@/lib/journal/request-consultations";
import { requestNumberLabel } from "@/lib/labels";
import { parisTime } from "@/lib/time";
import { createWorld, fileTestRequest, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
}, 60_000);
afterAll(() => db.$disconnect());

const filters = (raw: Record<string, string>) => ZJournalFilters.parse({ numero: "", personne: "", du: "", au: "", ...raw });

async function scene() {
  const filed = await fileTestRequest(db, world, {}, parisTime(2026, 11, 30, 9, 0));
  await recordRequestView({ db, actor: world.idec, requestId: filed.id, patientId: null, now: parisTime(2026, 11, 30, 9, 10) });
  await claimRequest({ db, actor: world.idec, requestId: filed.id, now: parisTime(2026, 11, 30, 9, 11) });
  await recordRequestView({ db, actor: world.otherIdec, requestId: filed.id, patientId: null, now: parisTime(2026, 12, 1, 14, 0) });
  const other = await fileTestRequest(db, world, {}, parisTime(2026, 12, 1, 15, 0));
  return { filed, other };
}

describe("the journal", () => {
  test("by request number: what happened to it, newest first, with who did it", async () => {
    const { filed } = await scene();
    const found = await searchJournal({ db, actor: world.admin, filters: filters({ numero: requestNumberLabel(filed.number) }) });
    expect(found.unknown).toBeNull();
    expect(found.items.map((e) => [e.label, e.actor?.email ?? null])).toEqual([
      ["Dossier consulté", world.otherIdec.email],
      ["Demande prise en charge", world.idec.email],
      ["Dossier consulté", world.idec.email],
      ["Demande déposée", world.gp.email],
    ]);
    expect(found.items.every((e) => e.subject.requestNumber === requestNumberLabel(filed.number))).toBe(true);
    // Nothing of the patient in what the journal shows.
    expect(JSON.stringify(found.items)).not.toMatch(/Durand|Jeanne|1946/);
  });

  test("by person and by period (Paris days, both included)", async () => {
    await scene();
    const byIdec = await searchJournal({ db, actor: world.admin, filters: filters({ personne: world.idec.email.toUpperCase() }) });
    expect(byIdec.items.map((e) => e.type)).toEqual(["request.claimed", "request.viewed"]);
    const firstDecember = await searchJournal({ db, actor: world.admin, filters: filters({ du: "2026-12-01", au: "2026-12-01" }) });
    expect(firstDecember.items.map((e) => e.type)).toEqual(["request.submitted", "request.viewed"]);
    expect((await searchJournal({ db, actor: world.admin, filters: filters({ numero: "DA-999999" }) })).unknown).toBe("request");
    expect((await searchJournal({ db, actor: world.admin, filters: filters({ personne: "personne@nulle.part" }) })).unknown).toBe("person");
  });

  test("by pages, each event once; every search is recorded, and only administrators may search", async () => {
    await scene();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await searchJournal({ db, actor: world.admin, filters: filters({ du: "2026-11-30", au: "2026-12-01" }), cursor, limit: 2 });
      seen.push(...page.items.map((e) => e.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const searches = await db.event.findMany({ where: { type: "audit.searched" }, orderBy: { id: "asc" } });
    expect(searches).toHaveLength(3);
    expect(searches[0]).toMatchObject({ actorId: world.admin.id, data: { from: "2026-11-30", to: "2026-12-01", exported: false, shown: 2 } });
    await expect(searchJournal({ db, actor: world.idec, filters: filters({}) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchJournal({ db, actor: world.ars, filters: filters({}) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("the search form says in French what to correct", () => {
    const refused = ZJournalFilters.safeParse({ numero: "abc", personne: "pas-un-email", du: "2026-12-02", au: "2026-12-01" });
    expect(refused.success).toBe(false);
    const messages = refused.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "numero: Numéro de demande invalide (ex. DA-000123).",
        "personne: Adresse e-mail invalide.",
        "au: La fin de la période doit suivre son début.",
      ]),
    );
    expect(filters({ numero: "da-000042" }).numero).toBe(42);
  });
});

describe("who consulted a request", () => {
  test("each person, how many times and when last — for the territory's coordinators and the administrators", async () => {
    const { filed } = await scene();
    const seen = await listRequestConsultations({ db, actor: world.idec, requestId: filed.id });
    expect(seen.map((c) => [c.name, c.count])).toEqual([
      [world.otherIdec.name, 1],
      [world.idec.name, 1],
    ]);
    expect(await listRequestConsultations({ db, actor: world.admin, requestId: filed.id })).toHaveLength(2);
    await expect(listRequestConsultations({ db, actor: world.pacaIdec, requestId: filed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listRequestConsultations({ db, actor: world.gp, requestId: filed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listRequestConsultations({ db, actor: world.emsp, requestId: filed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
