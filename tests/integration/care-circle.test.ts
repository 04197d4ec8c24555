// The patient's care circle (issue 13, « Care circle and consent »): the carer, the trusted person
// and the patient's own professionals with their phones, per patient — every request of the patient
// shows it —, read and completed by the coordination and by the teams that accepted a referral;
// nobody else. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { addCareContact } from "@/lib/requests/add-care-contact";
import { listCareCircle } from "@/lib/requests/care-circle-queries";
import { removeCareContact } from "@/lib/requests/remove-care-contact";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { fileTestRequest, orientedToBothTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const NOW = new Date("2026-12-03T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: { code?: string; name?: string }) => e.code ?? e.name ?? String(e),
  );

// Oriented to the EMSP and the HAD; the HAD accepted.
const inCare = async () => (await orientedToBothTestRequest(db, world, { now: NOW, accepted: ["had"] })).requestId;

describe("care circle", () => {
  test("the coordinator records the carer and the trusted person; the team in charge reads them and adds the home nurse; the patient's next request shows them", async () => {
    const requestId = await inCare();
    await addCareContact({
      db,
      actor: world.idec,
      input: { requestId, role: "CARER", name: "Paul Durand (fils)", phone: "06 12 34 56 78", note: "Après 18 h" },
      now: minutes(5),
    });
    await addCareContact({ db, actor: world.idec, input: { requestId, role: "TRUSTED_PERSON", name: "Marie Durand" }, now: minutes(6) });
    await addCareContact({
      db,
      actor: world.had,
      input: { requestId, role: "HOME_NURSE", name: "Cabinet infirmier du Centre", phone: "03 29 00 00 01" },
      now: minutes(7),
    });

    const circle = await listCareCircle({ db, actor: world.had, requestId });
    expect(circle?.map((c) => [c.role, c.name, c.phone])).toEqual([
      ["CARER", "Paul Durand (fils)", "06 12 34 56 78"],
      ["TRUSTED_PERSON", "Marie Durand", null],
      ["HOME_NURSE", "Cabinet infirmier du Centre", "03 29 00 00 01"],
    ]);
    const timeline = await getRequestTimeline({ actor: world.idec, requestId });
    expect(timeline.map((e) => e.text)).toContain("Entourage du patient : aidant ajouté(e)");
    // No name in the event log.
    const events = await db.event.findMany({ where: { type: "request.care_contact_added" }, select: { data: true } });
    expect(JSON.stringify(events)).not.toMatch(/Durand|Cabinet|06 12/);

    // The same patient, a new request: the circle follows the patient.
    const next = await fileTestRequest(db, world, { urgency: "PLANNED" }, minutes(60));
    expect((await listCareCircle({ db, actor: world.idec, requestId: next.id }))?.length).toBe(3);

    const carer = circle!.find((c) => c.role === "CARER")!;
    await removeCareContact({ db, actor: world.idec, input: { requestId, contactId: carer.id }, now: minutes(70) });
    expect((await listCareCircle({ db, actor: world.idec, requestId }))?.map((c) => c.role)).toEqual(["TRUSTED_PERSON", "HOME_NURSE"]);
    expect(await code(removeCareContact({ db, actor: world.idec, input: { requestId, contactId: carer.id } }))).toBe("NOT_FOUND");
  });

  test("a team that has not accepted, another territory, the GP's role, the ARS: no access; a bad phone is refused at its field", async () => {
    const requestId = await inCare();
    expect(await code(listCareCircle({ db, actor: world.emsp, requestId }))).toBe("NOT_FOUND"); // proposed, not accepted
    expect(await code(listCareCircle({ db, actor: world.pacaIdec, requestId }))).toBe("NOT_FOUND");
    for (const actor of [world.gp, world.ars, world.admin]) expect(await code(listCareCircle({ db, actor, requestId })), actor.email).toBe("FORBIDDEN");
    expect(await code(addCareContact({ db, actor: world.emsp, input: { requestId, role: "CARER", name: "X" } }))).toBe("NOT_FOUND");
    expect(await code(addCareContact({ db, actor: world.idec, input: { requestId, role: "CARER", name: "Paul", phone: "12" } }))).toBe("ZodError");
    expect(await db.careContact.count()).toBe(0);
  });
});
