// Who the patient is (issue 13, « Identity »): the coordinator identifies the patient of a request
// that came without one (public form) or corrects it — the strict traits of the INS, the birth
// place, the INS checked and its status —; possible duplicates are proposed first (pg_trgm on the
// names), she links the request to one or confirms a new record; two records of one person are
// merged, both histories kept. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { insKey } from "@/lib/patients/ins";
import { claimRequest } from "@/lib/requests/claim-request";
import { identifyPatient } from "@/lib/requests/identify-patient";
import { mergePatient } from "@/lib/requests/merge-patient";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { BAR_LE_DUC, filePublicTestRequest, fileTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";
import { failure } from "./helpers/failure";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const NOW = new Date("2026-12-03T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const version = async (requestId: string) => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } })).version;

// Jeanne Durand, born 12/05/1946 in Bar-le-Duc: her NIR (a woman, 46, 05, Meuse 55, commune 029).
const BODY = "2460555029001";
const NIR = `${BODY}${String(insKey(BODY)).padStart(2, "0")}`;

async function publicRequest(communeCode = BAR_LE_DUC, coordinator = world.idec) {
  const filed = await filePublicTestRequest(db, { communeCode }, NOW);
  await claimRequest({ db, actor: coordinator, requestId: filed.id, now: minutes(1) });
  return filed.id;
}

const identity = (requestId: string, v: number, more: Record<string, string> = {}) => ({
  requestId,
  version: v,
  birthName: "DURANT",
  firstNames: "Jeane",
  birthDate: "12/05/1946",
  sex: "FEMALE" as const,
  birthPlaceCode: BAR_LE_DUC,
  identityStatus: "PROVISIONAL" as const,
  bornAbroad: "",
  decision: "search",
  ...more,
});

// The dashboards' facts of a patient's requests: each counts that person, and exactly one of them
// (the first) counts a new patient; rebuilding every fact from the event log gives the same rows.
async function expectFactsOfPatient(patientId: string, requestIds: string[]) {
  const facts = () =>
    db.$queryRaw<{ request_id: string; patient_id: string | null; first_of_patient: boolean }[]>`
      SELECT request_id, patient_id, first_of_patient FROM request_fact ORDER BY request_id`;
  const before = await facts();
  const mine = before.filter((f) => requestIds.includes(f.request_id));
  expect(mine.map((f) => f.patient_id)).toEqual(requestIds.map(() => patientId));
  expect(mine.filter((f) => f.first_of_patient)).toHaveLength(1);
  await db.$executeRaw`SELECT dashboard_rebuild()`;
  expect(await facts()).toEqual(before);
}

describe("identifying the patient of a request", () => {
  test("a likely duplicate is proposed before any record is created; linking it gives the request that patient, as an event", async () => {
    const gpRequest = await fileTestRequest(db, world, {}, NOW); // Jeanne Durand, 12/05/1946, filed by her GP
    const existing = (await db.request.findUniqueOrThrow({ where: { id: gpRequest.id }, select: { patientId: true } })).patientId!;
    const requestId = await publicRequest();
    const v = await version(requestId);

    const proposed = await identifyPatient({ db, actor: world.idec, input: identity(requestId, v), now: minutes(2) });
    expect(proposed).toEqual({
      outcome: "duplicates",
      candidates: [
        expect.objectContaining({
          id: existing,
          birthName: "Durand",
          firstNames: "Jeanne",
          sex: "FEMALE",
          sameIns: false,
          requestCount: 1,
          score: expect.any(Number),
        }),
      ],
    });
    // Nothing written yet.
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { patientId: true, version: true } })).toEqual({
      patientId: null,
      version: v,
    });
    expect(await db.patient.count()).toBe(1);

    const linked = await identifyPatient({
      db,
      actor: world.idec,
      input: identity(requestId, v, { decision: "link", linkPatientId: existing }),
      now: minutes(3),
    });
    expect(linked).toEqual({ outcome: "identified", patientId: existing, mode: "linked" });
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { patientId: true } })).patientId).toBe(existing);
    const timeline = await getRequestTimeline({ actor: world.idec, requestId });
    expect(timeline.map((e) => e.text)).toContain("Patient identifié par la coordination (dossier existant)");
    // The dashboards count one person for both requests, and one new patient.
    await expectFactsOfPatient(existing, [gpRequest.id, requestId]);
  });

  test("with no likely duplicate, the record is created with the five traits, the INS and its OID, and the status", async () => {
    const requestId = await publicRequest();
    const done = await identifyPatient({
      db,
      actor: world.idec,
      input: identity(requestId, await version(requestId), {
        birthName: "Durand",
        firstNames: "Jeanne",
        insMatricule: `${NIR.slice(0, 1)} ${NIR.slice(1, 3)} ${NIR.slice(3, 5)} ${NIR.slice(5, 7)} ${NIR.slice(7, 10)} ${NIR.slice(10, 13)} ${NIR.slice(13)}`,
        insKind: "NIR",
        identityStatus: "QUALIFIED",
      }),
      now: minutes(2),
    });
    expect(done).toMatchObject({ outcome: "identified", mode: "created" });
    const patient = await db.patient.findUniqueOrThrow({ where: { id: done.outcome === "identified" ? done.patientId : "" } });
    expect(patient).toMatchObject({
      birthName: "Durand",
      firstNames: "Jeanne",
      sex: "FEMALE",
      birthPlaceCode: BAR_LE_DUC,
      bornAbroad: false,
      ins: NIR,
      insOid: "1.2.250.1.213.1.4.8",
      identityStatus: "QUALIFIED",
      communeCode: BAR_LE_DUC,
    });
    expect(patient.birthDate.toISOString().slice(0, 10)).toBe("1946-05-12");
  });

  test("mistakes are said at their field: the NIR's key, a qualified identity without INS, no birth place, an INS already another record's", async () => {
    const requestId = await publicRequest();
    const v = await version(requestId);
    const wrongKey = `${BODY}${String((insKey(BODY) % 97) + 1).padStart(2, "0")}`;
    expect(
      (await failure(identifyPatient({ db, actor: world.idec, input: identity(requestId, v, { insMatricule: wrongKey, insKind: "NIR" }) }))).fields,
    ).toMatchObject({
      insMatricule: [expect.stringMatching(/la clé ne correspond pas/)],
    });
    expect((await failure(identifyPatient({ db, actor: world.idec, input: identity(requestId, v, { identityStatus: "QUALIFIED" }) }))).fields).toMatchObject({
      insMatricule: [expect.stringMatching(/récupérée ou qualifiée a son INS/)],
    });
    expect((await failure(identifyPatient({ db, actor: world.idec, input: identity(requestId, v, { birthPlaceCode: "" }) }))).fields).toMatchObject({
      birthPlaceCode: [expect.stringMatching(/commune de naissance/)],
    });
    // Born abroad: no commune asked.
    await db.patient.create({
      data: {
        birthName: "Autre",
        firstNames: "Personne",
        birthDate: new Date("1946-05-20"),
        sex: "FEMALE",
        identityKey: "AUTRE|PERSONNE|1946-05-20|FEMALE",
        placeOfCare: "HOME",
        ins: NIR,
      },
    });
    const taken = await failure(
      identifyPatient({
        db,
        actor: world.idec,
        input: identity(requestId, v, { birthPlaceCode: "", bornAbroad: "on", insMatricule: NIR, insKind: "NIR", decision: "create" }),
      }),
    );
    expect(taken.fields).toEqual({ insMatricule: ["Cet INS est déjà celui d'un dossier patient : rattachez-y la demande."] });
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { patientId: true } })).toEqual({ patientId: null });
  });

  test("two records of one person are merged: the duplicate's requests join the patient with their history, and a new filing with the duplicate's identity lands on the patient", async () => {
    const gpRequest = await fileTestRequest(db, world, {}, NOW); // « Durand Jeanne »
    const duplicate = (await db.request.findUniqueOrThrow({ where: { id: gpRequest.id }, select: { patientId: true } })).patientId!;
    const requestId = await publicRequest();
    // The nurse did not recognise her: a new record, « Durant Jeane ».
    const created = await identifyPatient({
      db,
      actor: world.idec,
      input: identity(requestId, await version(requestId), { decision: "create" }),
      now: minutes(2),
    });
    if (created.outcome !== "identified") throw new Error("expected a new record");
    expect(created.patientId).not.toBe(duplicate);

    const merged = await mergePatient({
      db,
      actor: world.idec,
      input: { requestId, version: await version(requestId), duplicateId: duplicate },
      now: minutes(5),
    });
    expect(merged).toEqual({ patientId: created.patientId, movedRequestIds: [gpRequest.id] });
    expect(await db.request.findMany({ where: { patientId: created.patientId }, select: { id: true }, orderBy: { submittedAt: "asc" } })).toHaveLength(2);
    expect(await db.patient.findUniqueOrThrow({ where: { id: duplicate }, select: { mergedIntoId: true } })).toEqual({ mergedIntoId: created.patientId });
    for (const id of [requestId, gpRequest.id]) {
      expect(await db.event.findFirst({ where: { subjectId: id, type: "request.patient_merged" }, select: { actorId: true, data: true } })).toEqual({
        actorId: world.idec.id,
        data: { patientId: created.patientId, mergedPatientId: duplicate },
      });
    }
    // The GP's own history is still there, and his timeline says what happened.
    const gpTimeline = await getRequestTimeline({ actor: world.gp, requestId: gpRequest.id });
    expect(gpTimeline.map((e) => e.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Demande déposée/), "Dossier patient fusionné avec un doublon (historiques conservés)"]),
    );
    // The GP files again for « Durand Jeanne »: the merged record's identity leads to the patient.
    const again = await fileTestRequest(db, world, {}, minutes(10));
    expect((await db.request.findUniqueOrThrow({ where: { id: again.id }, select: { patientId: true } })).patientId).toBe(created.patientId);
    // The coordinator identifies a third request as « Durand Jeanne », the merged record's exact
    // identity: linked to the patient at once.
    const third = await publicRequest();
    expect(
      await identifyPatient({ db, actor: world.idec, input: identity(third, await version(third), { birthName: "Durand", firstNames: "Jeanne" }) }),
    ).toEqual({
      outcome: "identified",
      patientId: created.patientId,
      mode: "linked",
    });
    // A merged record is never proposed again.
    const fourth = await publicRequest();
    const proposed = await identifyPatient({
      db,
      actor: world.idec,
      input: identity(fourth, await version(fourth), { birthName: "Durand", firstNames: "Jeannette" }),
    });
    expect(proposed.outcome === "duplicates" ? proposed.candidates.map((c) => c.id) : []).toEqual([created.patientId]);
    // The dashboards follow the merge: the four requests of this person count her once, as one new patient.
    await expectFactsOfPatient(created.patientId, [gpRequest.id, requestId, again.id, third]);
  });

  test("a coordinator is never proposed a patient outside her scope; GPs, teams and the ARS may not identify", async () => {
    await fileTestRequest(db, world, {}, NOW); // Jeanne Durand, Meuse
    const marseille = await publicRequest("13055", world.pacaIdec);
    const input = identity(marseille, await version(marseille), { birthName: "Durand", firstNames: "Jeanne" });
    // A close spelling in Marseille: nothing proposed from Meuse, a new record.
    const result = await identifyPatient({ db, actor: world.pacaIdec, input: { ...input, firstNames: "Jeane" }, now: minutes(2) });
    expect(result).toMatchObject({ outcome: "identified", mode: "created" });
    for (const actor of [world.gp, world.emsp, world.ars, world.admin]) {
      expect((await failure(identifyPatient({ db, actor, input }))).code, actor.email).toBe("FORBIDDEN");
    }
    expect((await failure(identifyPatient({ db, actor: world.idec, input }))).code).toBe("NOT_FOUND");
    // The exact identity of the Meuse patient: the same person, linked without anything of her other
    // requests shown (the platform's one rule: never a twin).
    const second = await publicRequest("13055", world.pacaIdec);
    const exact = await identifyPatient({
      db,
      actor: world.pacaIdec,
      input: identity(second, await version(second), { birthName: "Durand", firstNames: "Jeanne" }),
    });
    expect(exact).toMatchObject({ outcome: "identified", mode: "linked" });
    expect(await db.patient.count()).toBe(2);
  });
});
