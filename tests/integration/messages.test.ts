// The conversation on a request (issue 13, « Messages »): the GP, the coordinators and the teams
// with a proposed or accepted referral write to everyone or to one team; each reads only what is
// for them (another GP, another territory, the ARS and the administrators nothing); « lu par … »;
// the others are told, in e-mails that never carry the words. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { postMessage } from "@/lib/messages/post-message";
import { getConversation } from "@/lib/messages/queries";
import { fileTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? (e instanceof ZodError ? "ZOD" : String(e)),
  );

// Oriented to the EMSP (proposed) and the HAD (accepted).
async function oriented() {
  const filed = await fileTestRequest(db, world);
  await claimRequest({ db, actor: world.idec, requestId: filed.id });
  const { version } = await db.request.findUniqueOrThrow({ where: { id: filed.id }, select: { version: true } });
  await orientRequest({ db, actor: world.idec, input: { requestId: filed.id, version, structureIds: [world.structures.emsp, world.structures.had] } });
  const had = await db.referral.findFirstOrThrow({ where: { requestId: filed.id, structureId: world.structures.had }, select: { id: true, version: true } });
  await acceptReferral({ db, actor: world.had, input: { referralId: had.id, version: had.version } });
  await db.notification.deleteMany();
  await db.outboxMessage.deleteMany();
  return filed.id;
}

const bodies = async (actor: World["gp"], requestId: string) => (await getConversation({ db, actor, requestId })).messages.map((m) => m.body);

describe("the conversation on a request", () => {
  test("the GP asks everyone: the coordination and both teams read it, are told without its words, and « lu par » says who read it", async () => {
    const requestId = await oriented();
    const question = "Le patient peut-il être vu avant vendredi ? Sa fille est joignable le soir.";
    await postMessage({ db, actor: world.gp, input: { requestId, body: question } });

    for (const actor of [world.idec, world.otherIdec, world.emsp, world.had]) expect(await bodies(actor, requestId), actor.email).toEqual([question]);
    for (const actor of [world.otherGp, world.pacaIdec]) expect(await code(getConversation({ db, actor, requestId })), actor.email).toBe("NOT_FOUND");
    for (const actor of [world.ars, world.admin]) expect(await code(getConversation({ db, actor, requestId })), actor.email).toBe("FORBIDDEN");

    const [seen] = (await getConversation({ db, actor: world.gp, requestId })).messages;
    expect(seen).toMatchObject({ mine: true, to: "Tous", author: "Dr Claire Martin (Médecin / professionnel adresseur)" });
    expect([...seen!.readBy].sort()).toEqual(["Dr Anne Royer", "Julien Petit", "Luc Girard", "Sophie Lambert"]);

    const told = await db.notification.findMany({ where: { kind: "MESSAGE" }, select: { userId: true, title: true, readAt: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([world.idec.id, world.otherIdec.id, world.emsp.id, world.had.id].sort());
    // Reading the conversation marked the bell's message notifications read.
    expect(told.every((n) => n.readAt !== null)).toBe(true);
    const mails = await db.outboxMessage.findMany({ where: { kind: "MESSAGE" }, select: { subject: true, body: true } });
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(`${mail.subject}\n${mail.body}`).not.toMatch(/vendredi|fille|durand|jeanne/i);
  });

  test("a message to one team is read by that team, the GP and the coordination — not by the other team, not even in its timeline", async () => {
    const requestId = await oriented();
    await postMessage({ db, actor: world.idec, input: { requestId, to: world.structures.had, body: "HAD : pouvez-vous passer demain matin ?" } });
    expect(await bodies(world.had, requestId)).toEqual(["HAD : pouvez-vous passer demain matin ?"]);
    expect(await bodies(world.gp, requestId)).toEqual(["HAD : pouvez-vous passer demain matin ?"]);
    expect(await bodies(world.emsp, requestId)).toEqual([]);
    const emspTimeline = await getRequestTimeline({ actor: world.emsp, requestId });
    expect(emspTimeline.map((e) => e.text).filter((t) => t.includes("conversation"))).toEqual([]);
    const hadTimeline = await getRequestTimeline({ actor: world.had, requestId });
    expect(hadTimeline.map((e) => e.text)).toContain("Message à HAD Meuse (conversation)");
    const told = await db.notification.findMany({ where: { kind: "MESSAGE" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([world.gp.id, world.otherIdec.id, world.had.id].sort());

    // The HAD answers in its thread; the EMSP still reads nothing of it.
    await postMessage({ db, actor: world.had, input: { requestId, to: world.structures.had, body: "Oui, à 9 h." } });
    expect(await bodies(world.emsp, requestId)).toEqual([]);
    expect(await bodies(world.idec, requestId)).toEqual(["HAD : pouvez-vous passer demain matin ?", "Oui, à 9 h."]);
  });

  test("each wrong message is refused with why; words are kept as typed, long ones too", async () => {
    const requestId = await oriented();
    expect(await code(postMessage({ db, actor: world.emsp, input: { requestId, to: world.structures.had, body: "Pas mon fil" } }))).toBe("INVALID_INPUT");
    expect(await code(postMessage({ db, actor: world.gp, input: { requestId, to: world.structures.ssiadVerdun, body: "Hors demande" } }))).toBe(
      "INVALID_INPUT",
    );
    expect(await code(postMessage({ db, actor: world.gp, input: { requestId, body: "   " } }))).toBe("ZOD");
    expect(await code(postMessage({ db, actor: world.gp, input: { requestId, body: "x".repeat(10_001) } }))).toBe("ZOD");
    expect(await code(postMessage({ db, actor: world.ars, input: { requestId, body: "Bonjour" } }))).toBe("FORBIDDEN");
    expect(await code(postMessage({ db, actor: world.otherGp, input: { requestId, body: "Bonjour" } }))).toBe("NOT_FOUND");

    const payload = `<script>alert("x")</script><img src=x onerror="alert(1)">\nDeuxième ligne ${"é".repeat(5_000)}`;
    await postMessage({ db, actor: world.gp, input: { requestId, body: payload } });
    expect(await bodies(world.idec, requestId)).toEqual([payload]);
  });
});
