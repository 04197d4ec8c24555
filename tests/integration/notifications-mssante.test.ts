// The secure channel: an address on an MSSanté domain, with the certificate configured, gets its
// message over TLS with the client certificate, and only that message names the patient and
// carries the closure summary. Settings are read once per test file (lib/env.ts): set here first.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { closeRequest } from "@/lib/requests/close-request";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { scheduleRcp } from "@/lib/rcp/schedule-rcp";
import { addRcpCase } from "@/lib/rcp/add-rcp-case";
import { recordRcpCase } from "@/lib/rcp/record-rcp-case";
import { parisIsoDay } from "@/lib/time";
import { deliverDue } from "@/lib/notifications/deliver";
import { closeTransports, createTransports, type Transports } from "@/lib/notifications/mailer";
import { createWorld, fileTestRequest, PATIENT, type World } from "@/tests/factories/world";
import { truncateAll } from "./helpers/db";
import { startSmtp, type TestSmtp } from "./helpers/smtp";

const dir = mkdtempSync(path.join(tmpdir(), "maillage-mss-"));
// A self-signed server certificate (the operator) and a client certificate (our IGC-Santé one).
const pem = (name: string, cn: string, san = "") =>
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      `/CN=${cn}`,
      ...(san ? ["-addext", `subjectAltName=${san}`] : []),
      "-keyout",
      path.join(dir, `${name}-key.pem`),
      "-out",
      path.join(dir, `${name}-cert.pem`),
    ],
    { stdio: "ignore" },
  );
pem("server", "mss.test", "IP:127.0.0.1");
pem("client", "DAC Meuse Sud IGC-Sante");
process.env.MSSANTE_CERT_PATH = path.join(dir, "client-cert.pem");
process.env.MSSANTE_KEY_PATH = path.join(dir, "client-key.pem");
process.env.MSSANTE_CA_PATH = path.join(dir, "server-cert.pem");
process.env.MSSANTE_DOMAINS = "mssante.fr";

const db = createPrismaClient(process.env.DATABASE_URL!);
let world: World;
let ordinary: TestSmtp;
let secure: TestSmtp;
let transports: Transports;

beforeAll(async () => {
  ordinary = await startSmtp();
  secure = await startSmtp({
    secure: true,
    key: readFileSync(path.join(dir, "server-key.pem")),
    cert: readFileSync(path.join(dir, "server-cert.pem")),
    requestCert: true,
    rejectUnauthorized: false,
  });
  process.env.MSSANTE_SMTP_URL = secure.url;
  transports = createTransports({
    SMTP_URL: ordinary.url,
    MAIL_FROM: "ne-pas-repondre@test.fr",
    MSSANTE_SMTP_URL: secure.url,
    MSSANTE_CERT_PATH: process.env.MSSANTE_CERT_PATH,
    MSSANTE_KEY_PATH: process.env.MSSANTE_KEY_PATH,
    MSSANTE_CA_PATH: process.env.MSSANTE_CA_PATH,
  });
  await truncateAll(db);
  world = await createWorld(db);
  await db.territory.updateMany({ data: { email: null } });
}, 60_000);
afterAll(async () => {
  closeTransports(transports);
  await Promise.all([ordinary.close(), secure.close()]);
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

test("the GP on an MSSanté address gets the patient's name and the closure summary over TLS with the client certificate; ordinary addresses get neither", async () => {
  await db.user.update({ where: { id: world.gp.id }, data: { email: "claire.martin@medecin.mssante.fr" } });
  await db.structure.update({ where: { id: world.structures.emsp }, data: { secureEmail: "emsp-bld@ch-bar.mssante.fr" } });
  const filed = await fileTestRequest(db, world);
  await claimRequest({ db, actor: world.idec, requestId: filed.id });
  const { referralIds } = await orientRequest({
    db,
    actor: world.idec,
    input: { requestId: filed.id, version: 1, structureIds: [world.structures.emsp], overrideReason: "x" },
  });
  await acceptReferral({ db, actor: world.emsp, input: { referralId: referralIds[0]!, version: 0 } });
  const { version } = await db.request.findUniqueOrThrow({ where: { id: filed.id } });
  await closeRequest({
    db,
    actor: world.idec,
    input: { requestId: filed.id, version, outcome: "NEEDS_MET", summary: "Douleur soulagée, retour à domicile serein." },
  });
  const report = await deliverDue({ db, transports, maxAttempts: 1 });
  expect(report.failed + report.retried).toBe(0);

  const gp = secure.messages.filter((m) => m.to.includes("claire.martin@medecin.mssante.fr"));
  expect(gp).toHaveLength(3); // claimed, accepted, closed
  expect(gp.every((m) => m.clientCert === "DAC Meuse Sud IGC-Sante")).toBe(true);
  expect(gp.every((m) => m.text.includes(`Patient : ${PATIENT.firstNames} DURAND (né·e le 12/05/1946)`))).toBe(true);
  const closure = gp.find((m) => m.text.includes("la demande est clôturée"))!;
  expect(closure.text).toContain("Synthèse de la coordination :\nDouleur soulagée, retour à domicile serein.");
  expect(gp.find((m) => m.text.includes("accepté"))!.text).toContain("Structure : EMSP de Bar-le-Duc");
  expect(secure.messages.filter((m) => m.to.includes("emsp-bld@ch-bar.mssante.fr"))).toHaveLength(1);

  // Everyone else went through the ordinary server, with nothing of the kind.
  expect(ordinary.messages.length).toBeGreaterThanOrEqual(3);
  expect(ordinary.messages.flatMap((m) => m.to).some((a) => a.endsWith("mssante.fr"))).toBe(false);
  for (const m of ordinary.messages) {
    for (const word of [PATIENT.birthName, PATIENT.firstNames, "soulagée", "EMSP"]) expect(`${m.subject}\n${m.text}`).not.toContain(word);
  }
});

test("an RCP's synthesis goes over MSSanté with its summary and decisions; the ordinary e-mail says only that a sheet is there", async () => {
  secure.messages.length = 0;
  ordinary.messages.length = 0;
  const filed = await fileTestRequest(db, world);
  await claimRequest({ db, actor: world.idec, requestId: filed.id });
  const { referralIds } = await orientRequest({
    db,
    actor: world.idec,
    input: { requestId: filed.id, version: 1, structureIds: [world.structures.emsp], overrideReason: "x" },
  });
  await acceptReferral({ db, actor: world.emsp, input: { referralId: referralIds[0]!, version: 0 } });
  const today = parisIsoDay();
  const meeting = await scheduleRcp({
    db,
    actor: world.idec,
    input: { territoryId: world.territories["meuse-sud"]!, day: today, time: "00:00", place: "Salle 2", structureIds: [] },
  });
  const rcpCase = await addRcpCase({ db, actor: world.idec, input: { meetingId: meeting.id, requestId: filed.id, question: "Quel relais ?" } });
  await recordRcpCase({
    db,
    actor: world.idec,
    input: {
      caseId: rcpCase.id,
      participants: "Équipe",
      summary: "Épuisement de l'aidant, répit proposé.",
      action1: "Organiser un séjour de répit",
      who1: "COORDINATION",
      due1: today,
    },
  });
  const report = await deliverDue({ db, transports, maxAttempts: 1 });
  expect(report.failed + report.retried).toBe(0);
  const sheet = secure.messages.filter((m) => m.text.includes("fiche de synthèse"));
  expect(
    sheet
      .map((m) => m.to)
      .flat()
      .sort(),
  ).toEqual(["claire.martin@medecin.mssante.fr", "emsp-bld@ch-bar.mssante.fr"]);
  for (const m of sheet) {
    expect(m.text).toContain("RCP soins de support : Épuisement de l'aidant, répit proposé.");
    expect(m.text).toContain("- Organiser un séjour de répit (coordination, avant le");
  }
  const plain = ordinary.messages.filter((m) => m.text.includes("fiche de synthèse"));
  expect(plain.length).toBeGreaterThan(0); // the EMSP's members on their ordinary addresses
  for (const m of ordinary.messages) for (const word of ["Épuisement", "répit", PATIENT.birthName]) expect(`${m.subject}\n${m.text}`).not.toContain(word);
});
