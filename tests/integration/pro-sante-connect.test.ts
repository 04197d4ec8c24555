// Pro Santé Connect's answer turned into a Maillage session (signInWithProSanteConnect): the known
// RPPS lands in its account, a doctor unknown to us gets a GP account, anyone else must have been
// invited, a weak authentication or a deactivated account is refused.
import { describe, expect, test } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { signInWithProSanteConnect, type PscClaims } from "@/lib/auth/sign-in-with-psc";
import type { World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));
const T0 = new Date("2026-12-02T09:00:00Z");

const claims = (rpps: string, profession: string, extra: Partial<PscClaims> = {}): PscClaims => ({
  sub: `f:psc:${rpps}`,
  acr: "eidas1",
  SubjectNameID: `8${rpps}`,
  given_name: "Lina",
  family_name: "Cartier",
  SubjectRefPro: { exercices: [{ codeProfession: profession }] },
  ...extra,
});

describe("signing in with Pro Santé Connect", () => {
  test("a doctor unknown to Maillage gets a GP account with their RPPS, once, and a session", async () => {
    const first = await signInWithProSanteConnect({ db, claims: claims("10101010105", "10"), now: T0 });
    expect(first).toMatchObject({ ok: true, created: true, email: "rpps-10101010105@psc.invalid", name: "Dr Lina Cartier" });
    if (!first.ok) throw new Error("refused");
    expect(await loadActor({ db, id: first.userId, sessionId: first.sessionId, now: T0 })).toMatchObject({ role: "GP", territoryIds: [], structureIds: [] });
    const again = await signInWithProSanteConnect({ db, claims: claims("10101010105", "10"), now: T0 });
    expect(again).toMatchObject({ ok: true, created: false, userId: first.userId });
    expect(await db.event.findMany({ where: { subjectId: first.userId }, orderBy: { id: "asc" }, select: { type: true, data: true } })).toEqual([
      { type: "auth.psc_account_created", data: { rpps: "10101010105" } },
      { type: "auth.sign_in", data: { method: "psc" } },
      { type: "auth.sign_in", data: { method: "psc" } },
    ]);
  });

  test("a professional whose RPPS an account has lands in it, whatever their profession", async () => {
    await db.user.update({ where: { id: world.emsp.id }, data: { rpps: "10202020201" } });
    const result = await signInWithProSanteConnect({ db, claims: claims("10202020201", "60"), now: T0 });
    expect(result).toMatchObject({ ok: true, created: false, userId: world.emsp.id, email: world.emsp.email });
  });

  test("a non-doctor without an account, a weak authentication, no RPPS, a deactivated account: refused with the reason", async () => {
    expect(await signInWithProSanteConnect({ db, claims: claims("10202020201", "60"), now: T0 })).toEqual({ ok: false, reason: "NOT_INVITED" });
    expect(await signInWithProSanteConnect({ db, claims: claims("10101010105", "10", { acr: "eidas0" }), now: T0 })).toEqual({ ok: false, reason: "ACR" });
    expect(await signInWithProSanteConnect({ db, claims: claims("10101010105", "10", { SubjectNameID: "0123" }), now: T0 })).toEqual({
      ok: false,
      reason: "NO_RPPS",
    });
    // A wrong Luhn key is no RPPS either.
    expect(await signInWithProSanteConnect({ db, claims: claims("10101010104", "10"), now: T0 })).toEqual({ ok: false, reason: "NO_RPPS" });
    await db.user.update({ where: { id: world.gp.id }, data: { rpps: "10303030307", active: false } });
    expect(await signInWithProSanteConnect({ db, claims: claims("10303030307", "10"), now: T0 })).toEqual({ ok: false, reason: "INACTIVE" });
    expect(await db.user.count({ where: { email: { endsWith: "@psc.invalid" } } })).toBe(0);
  });

  test("an e-mail PSC gives is used when free, not when another account has it", async () => {
    const free = await signInWithProSanteConnect({ db, claims: claims("10101010105", "10", { email: "L.Cartier@Exemple.fr" }), now: T0 });
    expect(free).toMatchObject({ ok: true, email: "l.cartier@exemple.fr" });
    const taken = await signInWithProSanteConnect({ db, claims: claims("10202020201", "10", { email: world.gp.email }), now: T0 });
    expect(taken).toMatchObject({ ok: true, email: "rpps-10202020201@psc.invalid" });
  });
});
