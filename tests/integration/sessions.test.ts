// Sessions through next-auth's own request handler (the one app/api/auth/[...nextauth] runs), with
// our options, on the test database: sign-in, the cookie it sets, the session it opens, sign-out.
import { createRequire } from "node:module";
import path from "node:path";
import { decode } from "next-auth/jwt";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { loadActor } from "@/lib/auth/load-actor";
import { getAuthOptions } from "@/lib/auth/options";
import { setPassword } from "@/lib/auth/set-password";
import { createPrismaClient } from "@/lib/db";
import { setUserActive } from "@/lib/users/set-user-active";
import { upsertUser } from "@/tests/factories/users";
import { truncateAll } from "./helpers/db";

// next-auth's core handler, which its route handler calls; the package does not export its path.
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve("node_modules/next-auth/core/index.js"),
) as typeof import("../../node_modules/next-auth/core/index");

// The public URL is HTTPS (read once, at the first env() of this file's worker).
process.env.NEXTAUTH_URL = "https://maillage.example";

const db = createPrismaClient(process.env.DATABASE_URL!);
const PASSWORD = "Correct-horse-42";
const T0 = new Date("2026-11-23T09:00:00Z");
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

let userId: string;
beforeEach(async () => {
  await truncateAll(db);
  ({ id: userId } = await upsertUser(db, { email: "gp@test.fr", name: "Dr Test", role: "GP", password: PASSWORD }));
});
afterAll(() => db.$disconnect());

const signIn = async (now = T0) => {
  const result = await authenticateUser({ db, email: "gp@test.fr", password: PASSWORD, address: "203.0.113.1", now });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return result.sessionId;
};
const actorOf = (sessionId: string, now = T0) => loadActor({ db, id: userId, sessionId, now });

describe("server-side sessions", () => {
  test("a session opens the account until it is signed out; the account's other sessions stay open", async () => {
    const [phone, desktop] = [await signIn(), await signIn()];
    expect(await actorOf(phone)).toMatchObject({ id: userId, role: "GP" });
    const { revokeSession } = await import("@/lib/auth/sessions");
    await revokeSession({ db, sessionId: phone, now: hours(1) });
    expect(await actorOf(phone, hours(1))).toBeNull();
    expect(await actorOf(desktop, hours(1))).toMatchObject({ id: userId });
    expect((await db.event.findMany({ where: { type: "auth.sign_out" } })).map((e) => e.actorId)).toEqual([userId]);
  });

  test("a session ends at its absolute lifetime (SESSION_ABSOLUTE_MAX_HOURS, 12 h) however active it was", async () => {
    const session = await signIn();
    expect(await actorOf(session, hours(11.9))).not.toBeNull();
    expect(await actorOf(session, hours(12))).toBeNull();
  });

  test("a password change ends every session of the account", async () => {
    const [a, b] = [await signIn(), await signIn()];
    expect(await setPassword({ db, userId, password: "Nouveau-mot-de-passe-2026", now: hours(1) })).toEqual({ revokedSessions: 2 });
    expect(await actorOf(a, hours(1))).toBeNull();
    expect(await actorOf(b, hours(1))).toBeNull();
    expect(await authenticateUser({ db, email: "gp@test.fr", password: "Nouveau-mot-de-passe-2026", address: "203.0.113.1", now: hours(2) })).toMatchObject({
      ok: true,
    });
  });

  test("a deactivation ends every session of the account", async () => {
    const session = await signIn();
    const { id: adminId } = await upsertUser(db, { email: "admin@test.fr", name: "Admin", role: "ADMIN", password: PASSWORD });
    const admin = (await loadActor({ db, email: "admin@test.fr" }))!;
    expect(await setUserActive({ db, actor: admin, input: { userId, active: "false" }, now: hours(1) })).toEqual({ changed: true, revokedSessions: 1 });
    expect(await db.userSession.findUniqueOrThrow({ where: { id: session } })).toMatchObject({ revokedAt: hours(1) });
    expect(await actorOf(session, hours(1))).toBeNull();
    expect((await db.event.findFirstOrThrow({ where: { type: "auth.account_deactivated" } })).actorId).toBe(adminId);
  });

  test("an id without a session of this account opens nothing", async () => {
    const session = await signIn();
    const { id: otherId } = await upsertUser(db, { email: "autre@test.fr", name: "Autre", role: "GP", password: PASSWORD });
    expect(await loadActor({ db, id: otherId, sessionId: session, now: T0 })).toBeNull();
    expect(await actorOf("pas-une-session")).toBeNull();
  });
});

describe("next-auth with an HTTPS public URL", () => {
  const origin = "https://maillage.example";
  const cookieJar = (cookies: { name: string; value: string }[] | undefined) => Object.fromEntries((cookies ?? []).map((c) => [c.name, c.value]));

  test("the session cookie is Secure, HttpOnly, __Secure- prefixed; sign-out ends the session on the server", async () => {
    const options = getAuthOptions();
    const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: "csrf", method: "GET", origin, headers: {}, cookies: {} }, options });
    const csrfCookies = cookieJar(csrf.cookies);
    expect(Object.keys(csrfCookies)).toContain("__Host-next-auth.csrf-token");

    const callback = await AuthHandler({
      req: {
        action: "callback",
        providerId: "credentials",
        method: "POST",
        origin,
        headers: { "x-forwarded-for": "203.0.113.7" },
        cookies: csrfCookies,
        body: { csrfToken: csrf.body!.csrfToken, email: "gp@test.fr", password: PASSWORD, json: "true" },
      },
      options,
    });
    const session = callback.cookies?.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session?.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });

    const token = await decode({ token: session!.value, secret: options.secret! });
    expect(token).toMatchObject({ uid: userId, sid: expect.any(String) });
    const sessionId = token!.sid as string;
    expect(await loadActor({ db, id: userId, sessionId })).toMatchObject({ id: userId });

    await AuthHandler({
      req: {
        action: "signout",
        method: "POST",
        origin,
        headers: {},
        cookies: { ...csrfCookies, [session!.name]: session!.value },
        body: { csrfToken: csrf.body!.csrfToken },
      },
      options,
    });
    // The cookie still decodes (a copy taken before sign-out), but opens nothing any more.
    expect(await decode({ token: session!.value, secret: options.secret! })).toMatchObject({ sid: sessionId });
    expect(await loadActor({ db, id: userId, sessionId })).toBeNull();
  });
});
