import { afterAll, beforeEach, describe, expect, test, vi } from "vitest";
import { authenticateUser, type AuthenticateResult } from "@/lib/auth/authenticate-user";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db";
import { upsertUser } from "@/tests/factories/users";
import { truncateAll } from "./helpers/db";

// The real argon2 check, watched: how many passwords were actually verified.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const db = createPrismaClient(process.env.DATABASE_URL!);
const PASSWORD = "Correct-horse-42";
const T0 = new Date("2026-11-23T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
// Each call from an address of its own unless told: the per-address limit is tested on its own.
let nextHost = 1;
const freshAddress = () => `198.51.100.${nextHost++ % 250}`;
const attempt = (password: string, now = T0, email = "gp@test.fr", address = freshAddress()) =>
  authenticateUser({ db, email, password, now, address, maxFailures: 3, lockMinutes: 15 });

let userId: string;
beforeEach(async () => {
  await truncateAll(db);
  ({ id: userId } = await upsertUser(db, { email: "gp@test.fr", name: "Dr Test", role: "GP", password: PASSWORD }));
});
afterAll(() => db.$disconnect());

const events = () => db.event.findMany({ where: { subjectId: userId }, orderBy: { id: "asc" }, select: { type: true, actorId: true, data: true } });
const outcome = (r: AuthenticateResult) => (r.ok ? "OK" : r.reason === "LOCKED" ? `LOCKED:${r.minutesLeft}` : r.reason);

describe("authenticateUser", () => {
  test("the right password signs in, resets the failure counter, opens a session and records the sign-in", async () => {
    await attempt("wrong");
    const result = await attempt(PASSWORD);
    expect(result).toMatchObject({ ok: true, user: { id: userId, email: "gp@test.fr", name: "Dr Test", role: "GP" } });
    const sessionId = result.ok ? result.sessionId : "";
    expect(await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      userId,
      createdAt: T0,
      expiresAt: new Date(T0.getTime() + 12 * 3_600_000),
      revokedAt: null,
    });
    expect(await db.loginGuard.count()).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).lastLoginAt).toEqual(T0);
    expect((await events()).map((e) => e.type)).toEqual(["auth.sign_in_failed", "auth.sign_in"]);
    expect((await events())[1]!.actorId).toBe(userId);
  });

  test("a wrong password is refused and counted, against a hash of the e-mail, never the e-mail itself", async () => {
    expect(await attempt("wrong")).toEqual({ ok: false, reason: "INVALID" });
    const [guard] = await db.loginGuard.findMany();
    expect(guard).toMatchObject({ failures: 1, lockedUntil: null });
    expect(guard!.key).not.toContain("gp@test.fr");
    expect(await events()).toEqual([{ type: "auth.sign_in_failed", actorId: null, data: { failures: 1, locked: false } }]);
  });

  test("the third wrong password locks the account for 15 minutes, even against the right password", async () => {
    await attempt("wrong");
    await attempt("wrong");
    expect(await attempt("wrong")).toEqual({ ok: false, reason: "LOCKED", minutesLeft: 15 });
    expect((await db.loginGuard.findFirstOrThrow()).lockedUntil).toEqual(minutes(15));

    expect(await attempt(PASSWORD, minutes(5))).toEqual({ ok: false, reason: "LOCKED", minutesLeft: 10 });
    expect((await events()).at(-1)?.type).toBe("auth.sign_in_refused_locked");

    expect(await attempt(PASSWORD, minutes(16))).toMatchObject({ ok: true });
    expect(await db.loginGuard.count()).toBe(0);
  });

  test("50 guesses at once: at most LOGIN_MAX_FAILURES passwords are checked, the right one in the burst cannot get through the lock", async () => {
    const guesses = Array.from({ length: 49 }, (_, i) => `mauvais-${i}`);
    guesses.splice(25, 0, PASSWORD); // the right one, in the middle of the burst
    vi.mocked(verifyPassword).mockClear();
    const results = await Promise.all(
      guesses.map((password) => authenticateUser({ db, email: "gp@test.fr", password, now: T0, address: freshAddress(), maxFailures: 5, lockMinutes: 15 })),
    );
    const checks = vi.mocked(verifyPassword).mock.calls.length;
    expect(checks).toBeLessThanOrEqual(5);
    expect((await events()).filter((e) => e.type === "auth.sign_in_failed" || e.type === "auth.sign_in").length).toBe(checks);
    expect(results.filter((r) => !r.ok && r.reason === "LOCKED").length).toBeGreaterThanOrEqual(45);
    // Had the right password been among the five checked, it signed in; otherwise it was refused
    // unchecked like the other 44. Either way, no more than five guesses were verified.
    const signedIn = results.filter((r) => r.ok).length;
    expect(signedIn).toBe((await events()).filter((e) => e.type === "auth.sign_in").length);
    console.log(`50 tentatives simultanées : ${checks} mots de passe vérifiés, ${results.length - checks} refusées sans vérification, ${signedIn} connexion.`);
  });

  test("a known and an unknown e-mail answer alike, attempt after attempt, lock included", async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(outcome(await attempt("mauvais", minutes(i))));
      unknown.push(outcome(await attempt("mauvais", minutes(i), "inconnu@test.fr")));
    }
    expect(known).toEqual(["INVALID", "INVALID", "LOCKED:15", "LOCKED:14", "LOCKED:13"]);
    expect(unknown).toEqual(known);
  });

  test("one address may not try more than 20 wrong passwords, over any number of accounts and unknown e-mails", async () => {
    for (const email of ["b@test.fr", "c@test.fr", "d@test.fr"]) await upsertUser(db, { email, name: email, role: "GP", password: PASSWORD });
    const emails = [
      ...Array.from({ length: 4 }, () => ["gp@test.fr", "b@test.fr", "c@test.fr"]).flat(),
      ...Array.from({ length: 30 }, (_, i) => `personne${i}@test.fr`),
    ];
    // 42 wrong attempts, all at once: four on each of three accounts, one on each of 30 unknown e-mails.
    const results = await Promise.all(emails.map((email, i) => attempt(`mauvais-${i}`, T0, email, "203.0.113.9")));
    const refused = results.filter((r) => !r.ok && r.reason === "RATE_LIMITED");
    expect(results.length).toBe(42);
    expect(refused.length).toBe(22);
    // Another address is not held back by this one.
    expect(await attempt(PASSWORD, T0, "d@test.fr", "203.0.113.10")).toMatchObject({ ok: true });
    // The limited address stays refused, whatever the e-mail, before any password is checked.
    expect(await attempt(PASSWORD, T0, "d@test.fr", "203.0.113.9")).toMatchObject({ ok: false, reason: "RATE_LIMITED" });
  });

  test("a right password gives its address's point back: a shared connection is held back by its failures only", async () => {
    for (let i = 0; i < 30; i++) expect(await attempt(PASSWORD, T0, "gp@test.fr", "203.0.113.20")).toMatchObject({ ok: true });
    expect(await attempt("mauvais", T0, "gp@test.fr", "203.0.113.20")).toEqual({ ok: false, reason: "INVALID" });
  });

  test("an unknown e-mail or a deactivated account is refused the same way as a wrong password", async () => {
    expect(await attempt(PASSWORD, T0, "nobody@test.fr")).toEqual({ ok: false, reason: "INVALID" });
    await db.user.update({ where: { id: userId }, data: { active: false } });
    expect(await attempt(PASSWORD)).toEqual({ ok: false, reason: "INVALID" });
    expect(await db.event.count()).toBe(0);
  });

  test("passwords are stored as argon2id hashes, never in clear", async () => {
    const { hash } = await db.password.findUniqueOrThrow({ where: { userId } });
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain(PASSWORD);
  });
});
