import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { createPrismaClient } from "@/lib/db";
import { upsertUser } from "@/tests/factories/users";
import { truncateAll } from "./helpers/db";

const db = createPrismaClient(process.env.DATABASE_URL!);
const PASSWORD = "Correct-horse-42";
const T0 = new Date("2026-11-23T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const attempt = (password: string, now = T0, email = "gp@test.fr") =>
  authenticateUser({ db, email, password, now, maxFailures: 3, lockMinutes: 15 });

let userId: string;
beforeEach(async () => {
  await truncateAll(db);
  ({ id: userId } = await upsertUser(db, { email: "gp@test.fr", name: "Dr Test", role: "GP", password: PASSWORD }));
});
afterAll(() => db.$disconnect());

const events = () => db.event.findMany({ where: { subjectId: userId }, orderBy: { id: "asc" }, select: { type: true, actorId: true, data: true } });

describe("authenticateUser", () => {
  test("the right password signs in, resets the failure counter and records the sign-in", async () => {
    await attempt("wrong");
    const result = await attempt(PASSWORD);
    expect(result).toEqual({ ok: true, user: { id: userId, email: "gp@test.fr", name: "Dr Test", role: "GP" } });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.failedLoginCount).toBe(0);
    expect(user.lastLoginAt).toEqual(T0);
    expect((await events()).map((e) => e.type)).toEqual(["auth.sign_in_failed", "auth.sign_in"]);
    expect((await events())[1]!.actorId).toBe(userId);
  });

  test("a wrong password is refused and counted", async () => {
    expect(await attempt("wrong")).toEqual({ ok: false, reason: "INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).failedLoginCount).toBe(1);
    expect(await events()).toEqual([{ type: "auth.sign_in_failed", actorId: null, data: { failures: 1, locked: false } }]);
  });

  test("the third wrong password locks the account for 15 minutes, even against the right password", async () => {
    await attempt("wrong");
    await attempt("wrong");
    expect(await attempt("wrong")).toEqual({ ok: false, reason: "LOCKED", minutesLeft: 15 });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).lockedUntil).toEqual(minutes(15));

    expect(await attempt(PASSWORD, minutes(5))).toEqual({ ok: false, reason: "LOCKED", minutesLeft: 10 });
    expect((await events()).at(-1)?.type).toBe("auth.sign_in_refused_locked");

    expect(await attempt(PASSWORD, minutes(16))).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).lockedUntil).toBeNull();
  });

  test("concurrent wrong passwords all count", async () => {
    await Promise.all([attempt("a"), attempt("b")]);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).failedLoginCount).toBe(2);
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
