import { afterAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { addNote } from "@/lib/requests/add-note";
import { closeRequest } from "@/lib/requests/close-request";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { declineReferral } from "@/lib/referrals/decline-referral";
import { addReferralNote } from "@/lib/referrals/add-referral-note";
import { listMyRequests, openMyRequest, openMyRequests } from "@/lib/requests/gp-queries";
import { fileGpRequestAction } from "@/lib/requests/gp-actions";
import { requirePermission } from "@/lib/auth/require-permission";
import { createWorld, fileTestRequest, PARIS, PATIENT, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";

// The session is Next's business: the actions get their actor from here.
vi.mock("@/lib/auth/require-permission", () => ({ requirePermission: vi.fn() }));

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;

beforeEach(async () => {
  await truncateAll(db);
  world = await createWorld(db);
  vi.mocked(requirePermission).mockResolvedValue(world.gp);
}, 60_000);
afterAll(() => db.$disconnect());

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, 0) + minutes * 60_000);
const version = async (requestId: string) => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
const referralRef = async (requestId: string, structureId: string) => {
  const r = await db.referral.findFirstOrThrow({ where: { requestId, structureId }, select: { id: true, version: true } });
  return { referralId: r.id, version: r.version };
};

// Filed by the world's GP, claimed by the Meuse coordinator, oriented to the EMSP and the HAD.
async function orientedRequest(now = at(0)) {
  const filed = await fileTestRequest(db, world, {}, now);
  await claimRequest({ db, actor: world.idec, requestId: filed.id, now: at(1) });
  await orientRequest({
    db,
    actor: world.idec,
    input: { requestId: filed.id, version: await version(filed.id), structureIds: [world.structures.emsp, world.structures.had] },
    now: at(2),
  });
  return filed;
}

describe("openMyRequests", () => {
  test("the list as the page shows it is an access event with the ids shown; listMyRequests alone writes nothing", async () => {
    const a = await fileTestRequest(db, world);
    const b = await fileTestRequest(db, world);
    await listMyRequests({ db, actor: world.gp });
    expect(await db.event.count({ where: { type: "requests.list_viewed" } })).toBe(0);
    const page = await openMyRequests({ db, actor: world.gp });
    const [seen] = await db.event.findMany({ where: { type: "requests.list_viewed" } });
    expect(seen).toMatchObject({ actorId: world.gp.id, subjectType: "user", subjectId: world.gp.id, data: { list: "my_requests" } });
    expect(new Set((seen!.data as { requestIds: string[] }).requestIds)).toEqual(new Set([a.id, b.id]));
    expect(page.items).toHaveLength(2);
    // An empty list shows nobody: nothing to record.
    await openMyRequests({ db, actor: world.otherGp });
    expect(await db.event.count({ where: { type: "requests.list_viewed" } })).toBe(1);
  });
});

describe("listMyRequests", () => {
  test("a GP sees the requests they filed, newest first, never another GP's", async () => {
    const first = await fileTestRequest(db, world, {}, at(0));
    const second = await fileTestRequest(db, world, { birthName: "Martin", firstNames: "Louis", sex: "MALE", urgency: "PLANNED" }, at(10));
    await fileTestRequest(db, { ...world, gp: world.otherGp }, { birthName: "Autre" }, at(20));

    const page = await listMyRequests({ db, actor: world.gp });
    expect(page.items.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(page.items[0]).toMatchObject({
      number: second.number,
      patientName: "MARTIN Louis",
      status: "SUBMITTED",
      urgency: "PLANNED",
      territoryName: "Meuse Sud (Bar-le-Duc)",
      lastEvent: { text: "Demande envoyée", at: at(10) },
    });
    expect(page.nextCursor).toBeNull();
    expect((await listMyRequests({ db, actor: world.otherGp })).items.map((r) => r.patientName)).toEqual(["AUTRE Jeanne"]);
  });

  test("pages by cursor without gaps or repeats", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await fileTestRequest(db, world, { firstNames: `Patient ${i}` }, at(i))).id);
    const one = await listMyRequests({ db, actor: world.gp, take: 2 });
    const two = await listMyRequests({ db, actor: world.gp, take: 2, cursor: one.nextCursor! });
    const three = await listMyRequests({ db, actor: world.gp, take: 2, cursor: two.nextCursor! });
    expect([...one.items, ...two.items, ...three.items].map((r) => r.id)).toEqual(ids);
    expect(three.nextCursor).toBeNull();
  });

  test("the last step is the latest one a GP may read: a team's decision, not a coordination note", async () => {
    const filed = await orientedRequest();
    await declineReferral({ db, actor: world.had, input: { ...(await referralRef(filed.id, world.structures.had)), reason: "FULL" }, now: at(3) });
    await addNote({ db, actor: world.idec, input: { requestId: filed.id, version: await version(filed.id), body: "Appeler la fille le soir." }, now: at(4) });
    const [item] = (await listMyRequests({ db, actor: world.gp })).items;
    expect(item!.lastEvent).toEqual({ text: "Déclinée par HAD Meuse", at: at(3) });
    expect(item!.status).toBe("ORIENTED");
  });

  test("an unmet need (no territory) is said in the list", async () => {
    await fileTestRequest(db, world, { communeCode: PARIS });
    const [item] = (await listMyRequests({ db, actor: world.gp })).items;
    expect(item).toMatchObject({ territoryName: null, lastEvent: { text: "Demande envoyée — besoin non couvert" } });
  });

  test("a request shows news when someone else acted since the GP last opened it, until they open it", async () => {
    const filed = await fileTestRequest(db, world);
    const news = async () => (await listMyRequests({ actor: world.gp, db })).items.find((r) => r.id === filed.id)?.hasNews;
    expect(await news()).toBe(false); // the GP's own filing is not news
    await claimRequest({ db, actor: world.idec, requestId: filed.id });
    expect(await news()).toBe(true);
    await openMyRequest({ actor: world.gp, requestId: filed.id, db });
    expect(await news()).toBe(false);
  });

  test("only GPs have a list of their own requests", async () => {
    for (const actor of [world.idec, world.emsp, world.ars, world.admin]) {
      await expect(listMyRequests({ db, actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("openMyRequest", () => {
  test("opens the GP's own request and records the access, with the actor", async () => {
    const filed = await fileTestRequest(db, world, {}, at(0));
    const detail = await openMyRequest({ db, actor: world.gp, requestId: filed.id });
    expect(detail).toMatchObject({
      number: filed.number,
      status: "SUBMITTED",
      patient: { birthName: "Durand", firstNames: "Jeanne", sex: "FEMALE" },
      commune: { code: "55029", name: "Bar-le-Duc" },
      territory: { name: "Meuse Sud (Bar-le-Duc)", publicPhone: "03 53 01 55 20" },
      details: PATIENT.details,
      referrals: [],
    });
    expect(detail.triageDueAt).toEqual(filed.triageDueAt);
    const views = await db.event.findMany({ where: { subjectId: filed.id, type: "request.viewed" } });
    expect(views).toEqual([expect.objectContaining({ actorId: world.gp.id, subjectType: "request" })]);
    expect(views[0]!.data).toEqual({ patientId: expect.any(String) });
  });

  test("another GP's request, or an unknown id, is not found — and nothing is recorded", async () => {
    const filed = await fileTestRequest(db, world);
    await expect(openMyRequest({ db, actor: world.otherGp, requestId: filed.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Demande introuvable.",
    });
    await expect(openMyRequest({ db, actor: world.gp, requestId: "c-no-such-request" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.event.count({ where: { type: "request.viewed" } })).toBe(0);
  });

  test("other roles are refused this page, whatever the request", async () => {
    const filed = await fileTestRequest(db, world);
    for (const actor of [world.idec, world.emsp, world.ars, world.admin] satisfies Actor[]) {
      await expect(openMyRequest({ db, actor, requestId: filed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  test("the GP reads each team's decision, their feedback and the closure summary, not the coordinators' notes", async () => {
    const filed = await orientedRequest();
    await acceptReferral({ db, actor: world.emsp, input: await referralRef(filed.id, world.structures.emsp), now: at(3) });
    await declineReferral({ db, actor: world.had, input: { ...(await referralRef(filed.id, world.structures.had)), reason: "OUTSIDE_AREA" }, now: at(4) });
    await addReferralNote({
      db,
      actor: world.emsp,
      input: { ...(await referralRef(filed.id, world.structures.emsp)), kind: "FEEDBACK", body: "Titration de morphine débutée, revue dans 48 h." },
      now: at(5),
    });
    await addReferralNote({
      db,
      actor: world.emsp,
      input: { ...(await referralRef(filed.id, world.structures.emsp)), kind: "INTERVENTION", body: "Note interne EMSP." },
      now: at(6),
    });
    await addNote({
      db,
      actor: world.idec,
      input: { requestId: filed.id, version: await version(filed.id), body: "Note de coordination interne." },
      now: at(7),
    });
    await closeRequest({
      db,
      actor: world.idec,
      input: { requestId: filed.id, version: await version(filed.id), outcome: "NEEDS_MET", summary: "Douleur contrôlée, suivi EMSP en place." },
      now: at(8),
    });

    const detail = await openMyRequest({ db, actor: world.gp, requestId: filed.id });
    expect(detail).toMatchObject({ status: "CLOSED", closureOutcome: "NEEDS_MET", closureSummary: "Douleur contrôlée, suivi EMSP en place." });
    expect(detail.referrals).toEqual([
      expect.objectContaining({ structureName: "EMSP de Bar-le-Duc", status: "ACCEPTED", declineReason: null }),
      expect.objectContaining({ structureName: "HAD Meuse", status: "DECLINED", declineReason: "OUTSIDE_AREA" }),
    ]);

    const timeline = await getRequestTimeline({ actor: world.gp, requestId: filed.id });
    const read = JSON.stringify(timeline);
    expect(read).toContain("Titration de morphine débutée");
    expect(read).toContain("Douleur contrôlée, suivi EMSP en place.");
    expect(read).not.toContain("Note de coordination interne.");
    expect(read).not.toContain("Note interne EMSP.");
    expect(timeline.map((e) => e.note?.kind).filter(Boolean)).toEqual(["FEEDBACK", "CLOSURE"]);

    const [item] = (await listMyRequests({ db, actor: world.gp })).items;
    expect(item!.lastEvent).toEqual({ text: "Clôturée : besoins couverts", at: at(8) });
  });
});

describe("fileGpRequestAction", () => {
  function form(fields: Record<string, string | string[]>): FormData {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
    return data;
  }
  const valid = {
    birthName: "Durand",
    firstNames: "Jeanne",
    birthDate: "12/05/1946",
    sex: "FEMALE",
    communeCode: "55029",
    placeOfCare: "HOME",
    needs: ["PAIN", "PALLIATIVE_CARE"],
    urgency: "CRISIS",
    details: "Douleurs mal contrôlées.",
    consentCoordination: "on",
  };

  test("files the request and goes to its page with the confirmation", async () => {
    const redirect = await fileGpRequestAction(null, form(valid)).then(
      () => null,
      (error: { digest?: string }) => error.digest,
    );
    const request = await db.request.findFirstOrThrow({ where: { requesterId: world.gp.id } });
    expect(redirect).toMatch(new RegExp(`^NEXT_REDIRECT;[a-z]+;/demandes/${request.id}\\?envoyee=1;`));
    expect(request).toMatchObject({ channel: "WEB", needs: ["PAIN", "PALLIATIVE_CARE"], urgency: "CRISIS", territoryId: world.territories["meuse-sud"] });
    expect(requirePermission).toHaveBeenCalledWith("requests.file", "/demandes/nouvelle");
  });

  test("sends every value back with French errors at each field to correct, and files nothing", async () => {
    const state = await fileGpRequestAction(
      null,
      form({ ...valid, firstNames: " ", birthDate: "31/02/1946", needs: [], urgency: "", consentCoordination: "" }),
    );
    expect(state).toMatchObject({
      ok: false,
      message: "Certains champs sont à corriger.",
      fieldErrors: {
        firstNames: ["Indiquez le ou les prénoms."],
        birthDate: ["Date de naissance invalide (jj/mm/aaaa)."],
        needs: ["Cochez au moins un besoin."],
        urgency: ["Indiquez l'urgence."],
        consentCoordination: ["Le consentement du patient à la coordination est nécessaire."],
      },
      values: { birthName: "Durand", birthDate: "31/02/1946", sex: "FEMALE", communeCode: "55029", details: "Douleurs mal contrôlées.", placeOfCare: "HOME" },
      echo: { commune: { code: "55029", name: "Bar-le-Duc", territory: { id: world.territories["meuse-sud"], name: "Meuse Sud (Bar-le-Duc)" } } },
    });
    expect(state?.ok === false ? state.fieldErrors : null).not.toHaveProperty("birthName");
    expect(await db.request.count()).toBe(0);
  });

  test("a commune typed but not chosen in the list is asked for again", async () => {
    const state = await fileGpRequestAction(null, form({ ...valid, communeCode: "" }));
    expect(state).toMatchObject({ fieldErrors: { communeCode: ["Choisissez la commune dans la liste."] }, echo: { commune: null } });
    const unknown = await fileGpRequestAction(null, form({ ...valid, communeCode: "99999" }));
    expect(unknown).toMatchObject({
      ok: false,
      fieldErrors: { communeCode: ["Choisissez la commune dans la liste."] },
      values: { needs: ["PAIN", "PALLIATIVE_CARE"] },
    });
  });

  test("an uncovered commune is filed all the same, as an unmet need", async () => {
    await fileGpRequestAction(null, form({ ...valid, communeCode: PARIS })).catch(() => undefined);
    expect(await db.request.findFirstOrThrow({ where: { requesterId: world.gp.id } })).toMatchObject({
      territoryId: null,
      communeCode: PARIS,
      status: "SUBMITTED",
    });
  });
});
