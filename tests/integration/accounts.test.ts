// Accounts run from the app: creation and invitation (the link through the outbox, sealed until
// sent), choosing the password from the link, delegated administration by a coordinator,
// deactivation ending open sessions, unlocking, « Mot de passe oublié », the profile's password.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { authenticateUser, guardKey } from "@/lib/auth/authenticate-user";
import { hashToken } from "@/lib/auth/account-tokens";
import { loadActor } from "@/lib/auth/load-actor";
import { requestPasswordReset, RESET_REQUESTED_MESSAGE } from "@/lib/auth/request-password-reset";
import { checkAccountLink, setPasswordFromLink } from "@/lib/auth/set-password-from-link";
import type { Actor } from "@/lib/authz/actor";
import { deliverDue } from "@/lib/notifications/deliver";
import { closeTransports, createTransports, type Transports } from "@/lib/notifications/mailer";
import { TOKEN_PLACEHOLDER } from "@/lib/notifications/account-mail";
import { unseal } from "@/lib/security/seal";
import { changePassword } from "@/lib/users/change-password";
import { createUser } from "@/lib/users/create-user";
import { inviteUser } from "@/lib/users/invite-user";
import { listUsers } from "@/lib/users/queries";
import { setUserActive } from "@/lib/users/set-user-active";
import { unlockUser } from "@/lib/users/unlock-user";
import { updateUser } from "@/lib/users/update-user";
import type { World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";
import { startSmtp, type TestSmtp } from "./helpers/smtp";

let world: World;
const db = freshWorldPerTest((w) => (world = w));
const T0 = new Date("2026-12-02T09:00:00Z");
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const STRONG = "girafe-pendule-orage-31";

let smtp: TestSmtp;
let transports: Transports;
beforeAll(async () => {
  smtp = await startSmtp();
  transports = createTransports({
    SMTP_URL: smtp.url,
    MAIL_FROM: "Maillage <ne-pas-repondre@test.fr>",
    MSSANTE_SMTP_URL: undefined,
    MSSANTE_CERT_PATH: undefined,
    MSSANTE_KEY_PATH: undefined,
  });
});
afterAll(async () => {
  closeTransports(transports);
  await smtp.close();
});

/** The link's token, as the e-mail will carry it: read from the sealed copy in the outbox. */
async function tokenSentTo(email: string): Promise<string> {
  const message = await db.outboxMessage.findFirstOrThrow({ where: { recipient: email }, orderBy: { id: "desc" } });
  return unseal(message.secret!)!;
}

const newCoordinator = (actor: Actor = world.admin) =>
  createUser({
    db,
    actor,
    now: T0,
    input: { name: "Anne Quelvennec", email: "Anne.Q@Exemple.fr", role: "COORDINATOR", territoryIds: [world.territories["meuse-nord"]!] },
  });

describe("creating and inviting an account", () => {
  test("the admin creates a coordinator: no password yet, an invitation whose token is neither in the database nor in the queued e-mail", async () => {
    const created = await newCoordinator();
    expect(created).toMatchObject({ email: "anne.q@exemple.fr", expiresAt: hours(72) });
    const message = await db.outboxMessage.findFirstOrThrow({ where: { recipient: "anne.q@exemple.fr" } });
    expect(message).toMatchObject({ kind: "ACCOUNT_INVITATION", channel: "EMAIL", status: "PENDING" });
    expect(message.body).toContain(`/invitation/${TOKEN_PLACEHOLDER}`);
    const token = unseal(message.secret!)!;
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(message.body).not.toContain(token);
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId: created.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await db.password.count({ where: { userId: created.id } })).toBe(0);
    const events = await db.event.findMany({ where: { subjectId: created.id }, orderBy: { id: "asc" }, select: { type: true, actorId: true } });
    expect(events).toEqual([
      { type: "user.created", actorId: world.admin.id },
      { type: "user.invited", actorId: world.admin.id },
    ]);
  });

  test("the worker sends the e-mail with the link in it, then erases the sealed token", async () => {
    await newCoordinator();
    const token = await tokenSentTo("anne.q@exemple.fr");
    const report = await deliverDue({ db, transports, now: hours(0.1), maxAttempts: 5 });
    expect(report.sent).toBe(1);
    expect(smtp.messages[0]!.text).toContain(`http://localhost:3000/invitation/${token}`);
    expect(smtp.messages[0]!.text).not.toContain(TOKEN_PLACEHOLDER);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { recipient: "anne.q@exemple.fr" } });
    expect(message).toMatchObject({ status: "SENT", secret: null });
  });

  test("the link sets the password once; the account then signs in; the same link again is refused", async () => {
    const { id } = await newCoordinator();
    const token = await tokenSentTo("anne.q@exemple.fr");
    expect(await checkAccountLink({ db, purpose: "INVITATION", token, now: hours(1) })).toMatchObject({ ok: true, email: "anne.q@exemple.fr" });
    await setPasswordFromLink({ db, purpose: "INVITATION", now: hours(1), input: { token, password: STRONG, confirmation: STRONG } });
    const signedIn = await authenticateUser({ db, email: "anne.q@exemple.fr", password: STRONG, address: "203.0.113.9", now: hours(1) });
    expect(signedIn.ok).toBe(true);
    await expect(setPasswordFromLink({ db, purpose: "INVITATION", now: hours(2), input: { token, password: STRONG, confirmation: STRONG } })).rejects.toThrow(
      /déjà servi/,
    );
    expect((await db.event.findMany({ where: { subjectId: id, type: { startsWith: "auth." } }, select: { type: true } })).map((e) => e.type)).toEqual([
      "auth.password_changed",
      "auth.invitation_accepted",
      "auth.sign_in",
    ]);
  });

  test("a weak password is refused at the field, with the reason, and the link still works", async () => {
    await newCoordinator();
    const token = await tokenSentTo("anne.q@exemple.fr");
    const weak = setPasswordFromLink({
      db,
      purpose: "INVITATION",
      now: hours(1),
      input: { token, password: "Quelvennec2026!", confirmation: "Quelvennec2026!" },
    });
    await expect(weak).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { password: [expect.stringContaining("données personnelles")] } });
    const mismatch = setPasswordFromLink({ db, purpose: "INVITATION", now: hours(1), input: { token, password: STRONG, confirmation: `${STRONG}x` } });
    await expect(mismatch).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["confirmation"] })] });
    expect(await checkAccountLink({ db, purpose: "INVITATION", token, now: hours(1) })).toMatchObject({ ok: true });
  });

  test("an invitation expires after 72 hours; a resent one replaces the previous link", async () => {
    const { id } = await newCoordinator();
    const first = await tokenSentTo("anne.q@exemple.fr");
    expect(await checkAccountLink({ db, purpose: "INVITATION", token: first, now: hours(72) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("expiré"),
    });
    await inviteUser({ db, actor: world.admin, input: { userId: id }, now: hours(73) });
    const second = await tokenSentTo("anne.q@exemple.fr");
    expect(second).not.toBe(first);
    expect(await checkAccountLink({ db, purpose: "INVITATION", token: first, now: hours(73) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("remplacé"),
    });
    expect(await checkAccountLink({ db, purpose: "INVITATION", token: second, now: hours(73) })).toMatchObject({ ok: true });
    expect(await checkAccountLink({ db, purpose: "INVITATION", token: "nimporte-quoi", now: hours(73) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("pas valable"),
    });
  });

  test("an invitation is not sent again to an account that already has a password", async () => {
    await expect(inviteUser({ db, actor: world.admin, input: { userId: world.gp.id }, now: T0 })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await db.outboxMessage.count()).toBe(0);
  });

  test("an e-mail or an RPPS already used is refused at its field", async () => {
    await newCoordinator();
    await expect(newCoordinator()).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: [expect.any(String)] } });
    await createUser({ db, actor: world.admin, now: T0, input: { name: "Dr A", email: "a@exemple.fr", role: "GP", rpps: "10000000009" } });
    const again = createUser({ db, actor: world.admin, now: T0, input: { name: "Dr B", email: "b@exemple.fr", role: "GP", rpps: "10000000009" } });
    await expect(again).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { rpps: [expect.any(String)] } });
  });
});

describe("delegated administration", () => {
  test("a coordinator invites a team member of a structure of her territories, and sees only such accounts", async () => {
    const created = await createUser({
      db,
      actor: world.idec,
      now: T0,
      input: { name: "Léa Morel", email: "lea@exemple.fr", role: "TEAM_MEMBER", structureIds: [world.structures.emsp] },
    });
    const listed = (await listUsers({ db, actor: world.idec })).map((u) => u.email).sort();
    expect(listed).toEqual([world.emsp.email, world.had.email, "lea@exemple.fr"].sort());
    expect(listed).not.toContain(world.gp.email);
    await setUserActive({ db, actor: world.idec, input: { userId: created.id, active: "false" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).active).toBe(false);
  });

  test("a coordinator may not create another role, a member of another territory's structure, nor touch other accounts", async () => {
    await expect(newCoordinator(world.idec)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const elsewhere = createUser({
      db,
      actor: world.idec,
      now: T0,
      input: { name: "X", email: "x@exemple.fr", role: "TEAM_MEMBER", structureIds: [world.structures.resp13] },
    });
    await expect(elsewhere).rejects.toMatchObject({ code: "FORBIDDEN", fieldErrors: { structureIds: [expect.any(String)] } });
    const marseille = await createUser({
      db,
      actor: world.admin,
      now: T0,
      input: { name: "Y", email: "y@exemple.fr", role: "TEAM_MEMBER", structureIds: [world.structures.resp13] },
    });
    expect((await listUsers({ db, actor: world.idec })).map((u) => u.id)).not.toContain(marseille.id);
    for (const other of [world.gp, world.pacaIdec, world.admin, { id: marseille.id }]) {
      await expect(setUserActive({ db, actor: world.idec, input: { userId: other.id, active: "false" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(inviteUser({ db, actor: world.idec, input: { userId: other.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(updateUser({ db, actor: world.idec, input: { userId: world.emsp.id, name: "X", role: "ADMIN" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(unlockUser({ db, actor: world.idec, input: { userId: world.emsp.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsers({ db, actor: world.gp })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("running an account", () => {
  test("deactivation ends the open session at its next request; reactivation lets the password work again", async () => {
    const signIn = () => authenticateUser({ db, email: world.gp.email, password: "Test-password-1", address: "203.0.113.2", now: T0 });
    const session = await signIn();
    if (!session.ok) throw new Error("sign-in refused");
    expect(await loadActor({ db, id: world.gp.id, sessionId: session.sessionId, now: T0 })).not.toBeNull();
    expect(await setUserActive({ db, actor: world.admin, input: { userId: world.gp.id, active: "false" }, now: T0 })).toEqual({
      changed: true,
      revokedSessions: 1,
    });
    expect(await loadActor({ db, id: world.gp.id, sessionId: session.sessionId, now: T0 })).toBeNull();
    expect((await signIn()).ok).toBe(false);
    await setUserActive({ db, actor: world.admin, input: { userId: world.gp.id, active: "true" }, now: T0 });
    expect((await signIn()).ok).toBe(true);
    expect(await db.event.count({ where: { subjectId: world.gp.id, type: { in: ["auth.account_deactivated", "auth.account_reactivated"] } } })).toBe(2);
  });

  test("an administrator unlocks an account locked by wrong passwords", async () => {
    for (let i = 0; i < 5; i++) await authenticateUser({ db, email: world.gp.email, password: "wrong", address: "203.0.113.3", now: T0 });
    expect((await listUsers({ db, actor: world.admin, now: T0 })).find((u) => u.id === world.gp.id)?.locked).toBe(true);
    expect(await unlockUser({ db, actor: world.admin, input: { userId: world.gp.id } })).toEqual({ wasLocked: true });
    expect(await db.loginGuard.count({ where: { key: guardKey(world.gp.email) } })).toBe(0);
    expect((await authenticateUser({ db, email: world.gp.email, password: "Test-password-1", address: "203.0.113.3", now: T0 })).ok).toBe(true);
  });

  test("a change of role and memberships is an event and holds at the account's next request", async () => {
    const session = await authenticateUser({ db, email: world.emsp.email, password: "Test-password-1", address: "203.0.113.4", now: T0 });
    if (!session.ok) throw new Error("sign-in refused");
    const input = { userId: world.emsp.id, name: world.emsp.name, role: "COORDINATOR" as const, territoryIds: [world.territories["meuse-sud"]!] };
    expect(await updateUser({ db, actor: world.admin, input })).toEqual({ changed: ["role", "territories", "structures"] });
    expect(await loadActor({ db, id: world.emsp.id, sessionId: session.sessionId, now: T0 })).toMatchObject({
      role: "COORDINATOR",
      structureIds: [],
      territoryIds: [world.territories["meuse-sud"]],
    });
    expect(await db.event.count({ where: { subjectId: world.emsp.id, type: "user.updated", actorId: world.admin.id } })).toBe(1);
  });
});

describe("passwords", () => {
  test("« Mot de passe oublié » answers the same for an unknown address; only an account gets a link valid one hour", async () => {
    const known = await requestPasswordReset({ db, input: { email: world.gp.email }, address: "203.0.113.5", now: T0 });
    const unknown = await requestPasswordReset({ db, input: { email: "personne@exemple.fr" }, address: "203.0.113.5", now: T0 });
    expect(known).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(unknown).toEqual(known);
    expect(await db.outboxMessage.findMany({ select: { recipient: true, kind: true } })).toEqual([{ recipient: world.gp.email, kind: "PASSWORD_RESET" }]);
    const token = await tokenSentTo(world.gp.email);
    expect(await checkAccountLink({ db, purpose: "PASSWORD_RESET", token, now: hours(1) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("expiré"),
    });
    expect(await checkAccountLink({ db, purpose: "INVITATION", token, now: T0 })).toMatchObject({ ok: false });
    await setPasswordFromLink({ db, purpose: "PASSWORD_RESET", now: hours(0.5), input: { token, password: STRONG, confirmation: STRONG } });
    expect((await authenticateUser({ db, email: world.gp.email, password: STRONG, address: "203.0.113.6", now: hours(0.5) })).ok).toBe(true);
  });

  test("« Mot de passe oublié » is limited per connection (5 in 15 minutes)", async () => {
    for (let i = 0; i < 5; i++) await requestPasswordReset({ db, input: { email: `x${i}@exemple.fr` }, address: "203.0.113.7" });
    await expect(requestPasswordReset({ db, input: { email: world.gp.email }, address: "203.0.113.7" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  test("changing one's password from the profile needs the current one and ends the other sessions, not this one", async () => {
    const open = async () => {
      const r = await authenticateUser({ db, email: world.gp.email, password: "Test-password-1", address: "203.0.113.8", now: T0 });
      if (!r.ok) throw new Error("sign-in refused");
      return r.sessionId;
    };
    const [here, elsewhere] = [await open(), await open()];
    const actor = { ...world.gp, sessionId: here };
    const wrong = changePassword({ db, actor, now: T0, input: { currentPassword: "nope", password: STRONG, confirmation: STRONG } });
    await expect(wrong).rejects.toMatchObject({ fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(await changePassword({ db, actor, now: T0, input: { currentPassword: "Test-password-1", password: STRONG, confirmation: STRONG } })).toEqual({
      revokedSessions: 1,
    });
    expect(await loadActor({ db, id: world.gp.id, sessionId: here, now: T0 })).not.toBeNull();
    expect(await loadActor({ db, id: world.gp.id, sessionId: elsewhere, now: T0 })).toBeNull();
  });
});
