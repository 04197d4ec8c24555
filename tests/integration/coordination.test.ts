import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { addNote } from "@/lib/requests/add-note";
import { cancelRequest } from "@/lib/requests/cancel-request";
import { claimRequest } from "@/lib/requests/claim-request";
import { closeRequest } from "@/lib/requests/close-request";
import { getCoordinationRequest, listCoordinationQueue } from "@/lib/requests/coordination-queries";
import { fileRequest } from "@/lib/requests/file-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { reopenRequest } from "@/lib/requests/reopen-request";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { cancelReferral } from "@/lib/requests/cancel-referral";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";
import { fileTestRequest, PATIENT, VERDUN, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

// A request of Meuse Sud (Bar-le-Duc) taken into triage by the world's coordinator.
async function triaged(input: Parameters<typeof fileTestRequest>[2] = {}) {
  const filed = await fileTestRequest(db, world, input);
  await claimRequest({ db, actor: world.idec, requestId: filed.id });
  return { requestId: filed.id, version: await version(filed.id) };
}

async function version(requestId: string): Promise<number> {
  return (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;
}

async function oriented(structureIds = [world.structures.emsp, world.structures.had]) {
  const ref = await triaged();
  await orientRequest({ db, actor: world.idec, input: { ...ref, structureIds } });
  return { requestId: ref.requestId, version: await version(ref.requestId) };
}

async function eventTypes(requestId: string): Promise<string[]> {
  return (await db.event.findMany({ where: { subjectId: requestId, type: { not: "request.viewed" } }, orderBy: { id: "asc" }, select: { type: true } })).map(
    (e) => e.type,
  );
}

async function referralOf(requestId: string, structureId: string) {
  return db.referral.findFirstOrThrow({
    where: { requestId, structureId },
    orderBy: { proposedAt: "desc" },
    select: { id: true, version: true, status: true },
  });
}

// What the team side does when a team answers (its own use cases are tested with the team side).
async function setReferral(requestId: string, structureId: string, status: ReferralStatus, requestPatch: Parameters<typeof db.request.update>[0]["data"] = {}) {
  const referral = await referralOf(requestId, structureId);
  await db.referral.update({ where: { id: referral.id }, data: { status, version: { increment: 1 } } });
  await db.request.update({ where: { id: requestId }, data: { ...requestPatch, version: { increment: 1 } } });
}

describe("addNote", () => {
  test("a coordinator adds a working note: stored as a coordination note, the event holds its id only", async () => {
    const ref = await triaged();
    const { noteId } = await addNote({ db, actor: world.otherIdec, input: { ...ref, body: "Appel de la fille : douleurs la nuit." } });
    expect(await db.requestNote.findUniqueOrThrow({ where: { id: noteId } })).toMatchObject({
      kind: "COORDINATION",
      authorId: world.otherIdec.id,
      body: "Appel de la fille : douleurs la nuit.",
    });
    const event = await db.event.findFirstOrThrow({ where: { subjectId: ref.requestId, type: "request.note_added" } });
    expect(event).toMatchObject({ actorId: world.otherIdec.id, data: { noteId } });
    // A note changes nothing of the request: the forms open elsewhere stay valid.
    expect(await version(ref.requestId)).toBe(ref.version);
  });

  test("a note may be added on a request not yet claimed, not on a closed one, and never empty", async () => {
    const filed = await fileTestRequest(db, world);
    await addNote({ db, actor: world.idec, input: { requestId: filed.id, version: 0, body: "Rappeler le médecin." } });
    const ref = await triaged();
    await closeRequest({ db, actor: world.idec, input: { ...ref, outcome: "NEEDS_MET", summary: "Suivi assuré." } });
    await expect(addNote({ db, actor: world.idec, input: { ...ref, body: "Trop tard" } })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(addNote({ db, actor: world.idec, input: { requestId: filed.id, version: 0, body: "   " } })).rejects.toBeInstanceOf(ZodError);
  });

  test("other roles are refused; a coordinator of another territory does not find the request", async () => {
    const ref = await triaged();
    for (const actor of [world.gp, world.emsp, world.ars, world.admin]) {
      await expect(addNote({ db, actor, input: { ...ref, body: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(addNote({ db, actor: world.pacaIdec, input: { ...ref, body: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.requestNote.count()).toBe(0);
  });
});

describe("orientRequest", () => {
  test("orients to two structures of the territory: one proposed referral each, the request is oriented, one event", async () => {
    const ref = await triaged();
    const { referralIds } = await orientRequest({
      db,
      actor: world.idec,
      input: { ...ref, structureIds: [world.structures.emsp, world.structures.had], note: "Patiente connue de l'EMSP." },
    });
    const referrals = await db.referral.findMany({ where: { requestId: ref.requestId }, orderBy: { id: "asc" } });
    expect(referrals).toHaveLength(2);
    expect(referrals.map((r) => r.id).sort()).toEqual([...referralIds].sort());
    for (const r of referrals) expect(r).toMatchObject({ status: "PROPOSED", proposedById: world.idec.id, needs: PATIENT.needs });
    expect(await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).toMatchObject({
      status: "ORIENTED",
      version: ref.version + 1,
      needsReorientation: false,
    });
    const event = await db.event.findFirstOrThrow({ where: { subjectId: ref.requestId, type: "request.oriented" } });
    const note = await db.requestNote.findFirstOrThrow({ where: { requestId: ref.requestId } });
    expect(event.data).toEqual({ referralIds, structureIds: [world.structures.emsp, world.structures.had], noteId: note.id });
    expect(note).toMatchObject({ kind: "COORDINATION", body: "Patiente connue de l'EMSP." });
  });

  test("a structure of another territory, an inactive one or an unknown id is refused, and nothing is written", async () => {
    const ref = await triaged();
    const inactive = await db.structure.create({
      data: { name: "SSIAD fermé", type: "SSIAD", territoryId: world.territories["meuse-sud"], active: false },
      select: { id: true },
    });
    for (const other of [world.structures.ssiadVerdun, world.structures.resp13, inactive.id, "no-such-structure"]) {
      await expect(orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [world.structures.emsp, other] } })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { structureIds: ["Choisissez des structures actives du territoire de la demande."] },
      });
    }
    expect(await db.referral.count()).toBe(0);
    expect(await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).toMatchObject({ status: "TRIAGE", version: ref.version });
  });

  test("a structure that already has an orientation under way is refused by name; after a decline it may be asked again", async () => {
    const ref = await oriented([world.structures.emsp]);
    await expect(
      orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [world.structures.emsp, world.structures.had] } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { structureIds: ["EMSP de Bar-le-Duc a déjà une orientation en cours pour cette demande."] },
    });
    // The EMSP declines (team side): back to triage, flagged for re-orientation.
    await setReferral(ref.requestId, world.structures.emsp, "DECLINED", { status: "TRIAGE", needsReorientation: true });
    const queue = await listCoordinationQueue({ db, actor: world.idec, filters: {} });
    expect(queue.items.find((i) => i.id === ref.requestId)).toMatchObject({ needsReorientation: true, status: "TRIAGE" });
    expect(queue.counts.needsReorientation).toBe(1);

    await orientRequest({
      db,
      actor: world.idec,
      input: { requestId: ref.requestId, version: await version(ref.requestId), structureIds: [world.structures.emsp, world.structures.had] },
    });
    expect(await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).toMatchObject({ status: "ORIENTED", needsReorientation: false });
    expect(await db.referral.count({ where: { requestId: ref.requestId } })).toBe(3);
  });

  test("adding a second team to a request in care keeps it in care", async () => {
    const ref = await oriented([world.structures.emsp]);
    await setReferral(ref.requestId, world.structures.emsp, "ACCEPTED", { status: "IN_CARE" });
    await orientRequest({
      db,
      actor: world.otherIdec,
      input: { requestId: ref.requestId, version: await version(ref.requestId), structureIds: [world.structures.had] },
    });
    expect((await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).status).toBe("IN_CARE");
  });

  test("a new request must be claimed first; a stale form gets a conflict and writes nothing", async () => {
    const filed = await fileTestRequest(db, world);
    await expect(
      orientRequest({ db, actor: world.idec, input: { requestId: filed.id, version: 0, structureIds: [world.structures.emsp] } }),
    ).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: expect.stringMatching(/orienter la demande : la demande est reçue\.$/),
    });
    const ref = await triaged();
    await addNote({ db, actor: world.otherIdec, input: { ...ref, body: "Une note ne périme pas les formulaires." } });
    await orientRequest({ db, actor: world.otherIdec, input: { ...ref, structureIds: [world.structures.had] } });
    await expect(orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [world.structures.emsp] } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/modifiée par quelqu'un d'autre.*Rechargez la page/),
    });
    expect(await db.referral.count({ where: { requestId: ref.requestId } })).toBe(1);
    expect(await db.event.count({ where: { subjectId: ref.requestId, type: "request.oriented" } })).toBe(1);
  });

  test("two coordinators orienting the same request at once: one wins, the other gets the conflict message", async () => {
    const ref = await triaged();
    const results = await Promise.allSettled([
      orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [world.structures.emsp] } }),
      orientRequest({ db, actor: world.otherIdec, input: { ...ref, structureIds: [world.structures.emsp, world.structures.had] } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.event.count({ where: { subjectId: ref.requestId, type: "request.oriented" } })).toBe(1);
  });

  test("other roles are refused, other territories' coordinators do not find it, an empty choice is an input error", async () => {
    const ref = await triaged();
    for (const actor of [world.gp, world.emsp, world.admin]) {
      await expect(orientRequest({ db, actor, input: { ...ref, structureIds: [world.structures.emsp] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(orientRequest({ db, actor: world.pacaIdec, input: { ...ref, structureIds: [world.structures.resp13] } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [] } })).rejects.toBeInstanceOf(ZodError);
  });
});

describe("cancelRequest", () => {
  test("a duplicate is cancelled with its details as a note; its orientations are cancelled too, each with its event", async () => {
    const ref = await oriented();
    await setReferral(ref.requestId, world.structures.emsp, "ACCEPTED", { status: "IN_CARE" });
    await cancelRequest({
      db,
      actor: world.idec,
      input: { requestId: ref.requestId, version: await version(ref.requestId), reason: "DUPLICATE", details: "Doublon de DA-000001." },
    });
    expect(await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).toMatchObject({ status: "CANCELLED", cancelReason: "DUPLICATE" });
    expect((await db.referral.findMany({ where: { requestId: ref.requestId } })).map((r) => r.status)).toEqual(["CANCELLED", "CANCELLED"]);
    const event = await db.event.findFirstOrThrow({ where: { subjectId: ref.requestId, type: "request.cancelled" } });
    const note = await db.requestNote.findFirstOrThrow({ where: { requestId: ref.requestId } });
    expect(event).toMatchObject({ actorId: world.idec.id, data: { reason: "DUPLICATE", noteId: note.id } });
    expect(note.body).toBe("Doublon de DA-000001.");
    expect((await eventTypes(ref.requestId)).filter((t) => t === "referral.cancelled")).toHaveLength(2);
  });

  test("a new request can be cancelled; a cancelled one cannot be cancelled again; details are required", async () => {
    const filed = await fileTestRequest(db, world);
    await expect(cancelRequest({ db, actor: world.idec, input: { requestId: filed.id, version: 0, reason: "WITHDRAWN", details: "" } })).rejects.toBeInstanceOf(
      ZodError,
    );
    await cancelRequest({ db, actor: world.idec, input: { requestId: filed.id, version: 0, reason: "WITHDRAWN", details: "Le médecin a retiré sa demande." } });
    await expect(cancelRequest({ db, actor: world.idec, input: { requestId: filed.id, version: 1, reason: "WITHDRAWN", details: "x" } })).rejects.toMatchObject(
      { code: "INVALID_TRANSITION" },
    );
  });

  test("a stale version, another role or another territory is refused and nothing changes", async () => {
    const ref = await triaged();
    const input = { ...ref, reason: "WITHDRAWN" as const, details: "Retirée." };
    await expect(cancelRequest({ db, actor: world.idec, input: { ...input, version: ref.version - 1 } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(cancelRequest({ db, actor: world.gp, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cancelRequest({ db, actor: world.pacaIdec, input })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).status).toBe("TRIAGE");
    expect(await db.requestNote.count()).toBe(0);
  });
});

describe("closeRequest", () => {
  test("closes with an outcome and a summary the GP reads in the timeline; unanswered orientations are cancelled, accepted ones kept", async () => {
    const ref = await oriented();
    await setReferral(ref.requestId, world.structures.emsp, "ACCEPTED", { status: "IN_CARE" });
    const now = new Date(Date.now() + 60_000);
    await closeRequest({
      db,
      actor: world.idec,
      now,
      input: { requestId: ref.requestId, version: await version(ref.requestId), outcome: "NEEDS_MET", summary: "Douleurs contrôlées, suivi EMSP en place." },
    });
    expect(await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).toMatchObject({
      status: "CLOSED",
      closureOutcome: "NEEDS_MET",
      closureSummary: "Douleurs contrôlées, suivi EMSP en place.",
      closedAt: now,
    });
    expect((await referralOf(ref.requestId, world.structures.emsp)).status).toBe("ACCEPTED");
    expect((await referralOf(ref.requestId, world.structures.had)).status).toBe("CANCELLED");
    expect(await db.event.findFirstOrThrow({ where: { subjectId: ref.requestId, type: "request.closed" } })).toMatchObject({
      actorId: world.idec.id,
      data: { outcome: "NEEDS_MET" },
    });

    const gpTimeline = await getRequestTimeline({ actor: world.gp, requestId: ref.requestId });
    expect(gpTimeline.at(-1)).toMatchObject({ text: "Demande clôturée : besoins couverts", note: { body: "Douleurs contrôlées, suivi EMSP en place." } });
  });

  test("closing requires an outcome and a summary, and nothing is written without them", async () => {
    const ref = await triaged();
    const error = await closeRequest({ db, actor: world.idec, input: { ...ref, outcome: undefined as never, summary: " " } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => [i.path[0], i.message])).toEqual([
      ["outcome", "Indiquez l'issue de la demande."],
      ["summary", "Rédigez la synthèse pour le médecin."],
    ]);
    expect((await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).status).toBe("TRIAGE");
  });

  test("a request not yet claimed cannot be closed; a stale form, another role or territory are refused", async () => {
    const filed = await fileTestRequest(db, world);
    await expect(closeRequest({ db, actor: world.idec, input: { requestId: filed.id, version: 0, outcome: "OTHER", summary: "x" } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    const ref = await triaged();
    const input = { ...ref, outcome: "UNREACHABLE" as const, summary: "Trois appels sans réponse." };
    await expect(closeRequest({ db, actor: world.idec, input: { ...input, version: ref.version + 1 } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(closeRequest({ db, actor: world.had, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(closeRequest({ db, actor: world.pacaIdec, input })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).status).toBe("TRIAGE");
  });
});

describe("reopenRequest", () => {
  test("a closed request comes back to triage, owned by the coordinator who reopens it, with the reason as a note", async () => {
    const ref = await triaged();
    await closeRequest({ db, actor: world.idec, input: { ...ref, outcome: "NEEDS_MET", summary: "Suivi en place." } });
    await reopenRequest({
      db,
      actor: world.otherIdec,
      input: { requestId: ref.requestId, version: ref.version + 1, reason: "Aggravation : nouvel appel du médecin." },
    });
    expect(await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).toMatchObject({
      status: "TRIAGE",
      ownerId: world.otherIdec.id,
      closedAt: null,
      closureOutcome: null,
    });
    const note = await db.requestNote.findFirstOrThrow({ where: { requestId: ref.requestId } });
    expect(note.body).toBe("Aggravation : nouvel appel du médecin.");
    expect(await db.event.findFirstOrThrow({ where: { subjectId: ref.requestId, type: "request.reopened" } })).toMatchObject({
      actorId: world.otherIdec.id,
      data: { noteId: note.id },
    });
    expect(await eventTypes(ref.requestId)).toEqual(["request.submitted", "request.claimed", "request.closed", "request.reopened"]);
    // Back in the queue.
    expect((await listCoordinationQueue({ db, actor: world.idec, filters: {} })).items.map((i) => i.id)).toContain(ref.requestId);
  });

  test("only a closed request can be reopened, with a reason, on the current version, by its territory's coordinators", async () => {
    const ref = await triaged();
    await expect(reopenRequest({ db, actor: world.idec, input: { ...ref, reason: "x" } })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await closeRequest({ db, actor: world.idec, input: { ...ref, outcome: "DECEASED", summary: "Décès à domicile." } });
    const closed = { requestId: ref.requestId, version: ref.version + 1 };
    await expect(reopenRequest({ db, actor: world.idec, input: { ...closed, reason: "" } })).rejects.toBeInstanceOf(ZodError);
    await expect(reopenRequest({ db, actor: world.idec, input: { ...closed, version: ref.version, reason: "Erreur" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(reopenRequest({ db, actor: world.gp, input: { ...closed, reason: "Erreur" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reopenRequest({ db, actor: world.pacaIdec, input: { ...closed, reason: "Erreur" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).status).toBe("CLOSED");
  });
});

describe("cancelReferral", () => {
  test("cancelling one of two proposed orientations leaves the request oriented; cancelling the last sends it back to triage, flagged", async () => {
    const ref = await oriented();
    const emsp = await referralOf(ref.requestId, world.structures.emsp);
    await cancelReferral({ db, actor: world.idec, input: { referralId: emsp.id, version: emsp.version } });
    expect(await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).toMatchObject({ status: "ORIENTED", needsReorientation: false });
    const had = await referralOf(ref.requestId, world.structures.had);
    await cancelReferral({ db, actor: world.otherIdec, input: { referralId: had.id, version: had.version } });
    expect(await db.request.findUniqueOrThrow({ where: { id: ref.requestId } })).toMatchObject({ status: "TRIAGE", needsReorientation: true });
    const events = await db.event.findMany({
      where: { subjectId: ref.requestId, type: { in: ["referral.cancelled", "request.status_derived"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ["referral.cancelled", { referralId: emsp.id, structureId: world.structures.emsp }],
      ["referral.cancelled", { referralId: had.id, structureId: world.structures.had }],
      ["request.status_derived", { from: "ORIENTED", to: "TRIAGE", referralId: had.id }],
    ]);
  });

  test("a stale, already cancelled, foreign or forbidden cancellation is refused", async () => {
    const ref = await oriented([world.structures.emsp]);
    const emsp = await referralOf(ref.requestId, world.structures.emsp);
    const input = { referralId: emsp.id, version: emsp.version };
    await expect(cancelReferral({ db, actor: world.idec, input: { ...input, version: emsp.version + 3 } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(cancelReferral({ db, actor: world.emsp, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cancelReferral({ db, actor: world.pacaIdec, input })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await cancelReferral({ db, actor: world.idec, input });
    await expect(cancelReferral({ db, actor: world.idec, input: { ...input, version: emsp.version + 1 } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });
});

describe("the coordinator's queue and request page", () => {
  test("lists the open requests of the coordinator's territories only, what is due soonest first, with counts", async () => {
    const t0 = new Date("2026-03-02T08:30:00Z"); // a Monday morning
    const planned = await fileTestRequest(db, world, { urgency: "PLANNED" }, t0);
    const crisis = await fileTestRequest(db, world, { urgency: "CRISIS", needs: ["PSYCHOLOGICAL_FAMILY"] }, t0);
    const verdun = await fileRequest({ db, channel: "WEB", actor: world.gp, input: { ...PATIENT, communeCode: VERDUN, urgency: "PLANNED" }, now: t0 });
    const closed = await triaged();
    await closeRequest({ db, actor: world.idec, input: { ...closed, outcome: "REDIRECTED", summary: "Vers l'hôpital de jour." } });
    await claimRequest({ db, actor: world.idec, requestId: verdun.id, now: t0 });

    const later = new Date("2026-03-02T14:30:00Z"); // the crisis triage (4 h) is late, the planned one (24 h) not
    const queue = await listCoordinationQueue({ db, actor: world.idec, filters: {}, now: later });
    expect(queue.items.map((i) => i.id)).toEqual([crisis.id, planned.id, verdun.id]);
    expect(queue.items[0]).toMatchObject({ due: { kind: "triage", overdue: true }, communeName: "Bar-le-Duc", ownerName: null, urgency: "CRISIS" });
    expect(queue.items[2]).toMatchObject({
      status: "TRIAGE",
      due: { kind: "contact", overdue: false },
      ownerName: "Sophie Lambert",
      territoryName: "Meuse Nord (Verdun)",
    });
    expect(queue.counts).toMatchObject({ byStatus: { SUBMITTED: 2, TRIAGE: 1, ORIENTED: 0, IN_CARE: 0 }, total: 3, overdue: 1 });

    // Meuse Sud only for the other coordinator; nothing of Meuse for PACA's.
    expect((await listCoordinationQueue({ db, actor: world.otherIdec, filters: {}, now: later })).items.map((i) => i.id)).toEqual([crisis.id, planned.id]);
    expect((await listCoordinationQueue({ db, actor: world.pacaIdec, filters: {}, now: later })).counts.total).toBe(0);
    await expect(listCoordinationQueue({ db, actor: world.gp, filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Filters: status, need, urgency; the counts keep every status.
    const filtered = await listCoordinationQueue({ db, actor: world.idec, filters: { status: "SUBMITTED", urgency: "PLANNED" }, now: later });
    expect(filtered.items.map((i) => i.id)).toEqual([planned.id]);
    expect((await listCoordinationQueue({ db, actor: world.idec, filters: { need: "PSYCHOLOGICAL_FAMILY" }, now: later })).items.map((i) => i.id)).toEqual([
      crisis.id,
    ]);
    expect((await listCoordinationQueue({ db, actor: world.idec, filters: { status: "TRIAGE" }, now: later })).counts.byStatus.SUBMITTED).toBe(2);
  });

  test("the request page shows the patient, the referrals and the territory's active structures; other territories get not found", async () => {
    const ref = await oriented([world.structures.emsp]);
    await db.structure.create({ data: { name: "Ancienne équipe", type: "OTHER", territoryId: world.territories["meuse-sud"], active: false } });
    const request = await getCoordinationRequest({ db, actor: world.otherIdec, requestId: ref.requestId });
    expect(request).toMatchObject({
      status: "ORIENTED",
      version: ref.version,
      patient: { birthName: "Durand", firstNames: "Jeanne" },
      commune: { name: "Bar-le-Duc" },
    });
    expect(request.referrals.map((r) => [r.structure.name, r.status])).toEqual([["EMSP de Bar-le-Duc", "PROPOSED"]]);
    expect(request.structures.map((s) => [s.name, s.hasActiveReferral])).toEqual([
      ["EMSP de Bar-le-Duc", true],
      ["HAD Meuse", false],
    ]);
    await expect(getCoordinationRequest({ db, actor: world.pacaIdec, requestId: ref.requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCoordinationRequest({ db, actor: world.emsp, requestId: ref.requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("the whole coordination appears in the coordinator's timeline with actors, notes and the routing's rank", async () => {
    const ref = await triaged();
    await addNote({ db, actor: world.idec, input: { ...ref, body: "Évaluation faite." } });
    await orientRequest({ db, actor: world.idec, input: { ...ref, structureIds: [world.structures.emsp] } });
    const timeline = await getRequestTimeline({ actor: world.idec, requestId: ref.requestId });
    expect(timeline.map((e) => [e.actor, e.text, e.note?.body])).toEqual([
      ["Dr Claire Martin (Médecin / professionnel adresseur)", "Demande déposée (formulaire professionnel)", undefined],
      ["Sophie Lambert (coordination)", "Demande prise en charge par la coordination", undefined],
      ["Sophie Lambert (coordination)", "Note de coordination", "Évaluation faite."],
      // With where the routing ranked it (this world's structures declare no offer: none suggested).
      ["Sophie Lambert (coordination)", "Orientation proposée vers EMSP de Bar-le-Duc (hors suggestions)", undefined],
    ]);
    // The GP reads the orientation, not the coordination's routing.
    const gpTimeline = await getRequestTimeline({ actor: world.gp, requestId: ref.requestId });
    expect(gpTimeline.map((e) => e.text)).toContain("Orientation proposée vers EMSP de Bar-le-Duc");
  });
});
