// Re-qualification (issue 13): the coordinator corrects urgency, place of care and needs with a
// reason; a new urgency recomputes the due dates from the filing; the GP reads what changed, not
// the nurse's reason. Real PostgreSQL.
import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { claimRequest } from "@/lib/requests/claim-request";
import { requalifyRequest } from "@/lib/requests/requalify-request";
import { getRequestTimeline } from "@/lib/requests/timeline";
import { fileTestRequest, type World } from "@/tests/factories/world";
import { freshWorldPerTest } from "./helpers/world";

let world: World;
const db = freshWorldPerTest((w) => (world = w));

const T0 = new Date("2026-06-10T08:00:00Z"); // Wednesday 10:00 in Paris
const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? (e instanceof ZodError ? "ZOD" : String(e)),
  );
const row = (id: string) =>
  db.request.findUniqueOrThrow({
    where: { id },
    select: { urgency: true, placeOfCare: true, needs: true, triageDueAt: true, contactDueAt: true, dueClock: true, version: true },
  });

describe("requalifyRequest", () => {
  test("a crisis requalified as planned: due dates of a planned request filed then, the change in the GP's timeline, the reason for the coordination only", async () => {
    const filed = await fileTestRequest(db, world, { urgency: "CRISIS" }, T0);
    const crisis = await row(filed.id);
    const planned = await fileTestRequest(db, world, { urgency: "PLANNED", birthName: "Autre" }, T0);
    const reference = await row(planned.id);

    const reason = "Appel de la fille : douleur contrôlée depuis hier soir.";
    const done = await requalifyRequest({
      db,
      actor: world.idec,
      input: { requestId: filed.id, version: crisis.version, urgency: "PLANNED", placeOfCare: "NURSING_HOME", needs: ["PAIN", "NUTRITION"], reason },
      now: new Date(T0.getTime() + 86_400_000),
    });
    expect(done.changed).toEqual(["urgency", "placeOfCare", "needs"]);
    const after = await row(filed.id);
    expect(after).toMatchObject({ urgency: "PLANNED", placeOfCare: "NURSING_HOME", needs: ["PAIN", "NUTRITION"], version: crisis.version + 1 });
    expect(after.triageDueAt).toEqual(reference.triageDueAt);
    expect(after.contactDueAt).toEqual(reference.contactDueAt);
    expect(after.dueClock).toBe(reference.dueClock);

    const gp = await getRequestTimeline({ actor: world.gp, requestId: filed.id });
    const seen = gp.find((e) => e.text.startsWith("Demande requalifiée"));
    expect(seen?.note).toBeUndefined();
    const idec = await getRequestTimeline({ actor: world.idec, requestId: filed.id });
    expect(idec.find((e) => e.text.startsWith("Demande requalifiée"))?.note?.body).toBe(reason);
    expect(seen?.text).toBe(
      "Demande requalifiée par la coordination (urgence crise → programmée ; lieu domicile → ehpad / établissement médico-social ; besoins : douleur, nutrition)",
    );
  });

  test("nothing changed, a stale page, another territory, a GP: each refused with why", async () => {
    const filed = await fileTestRequest(db, world, {}, T0);
    await claimRequest({ db, actor: world.idec, requestId: filed.id });
    const current = await row(filed.id);
    const same = {
      requestId: filed.id,
      version: current.version,
      urgency: current.urgency,
      placeOfCare: current.placeOfCare,
      needs: current.needs,
      reason: "Vérifié",
    };
    expect(await code(requalifyRequest({ db, actor: world.idec, input: same }))).toBe("INVALID_INPUT");
    expect(await code(requalifyRequest({ db, actor: world.idec, input: { ...same, urgency: "PLANNED", version: current.version - 1 } }))).toBe("CONFLICT");
    expect(await code(requalifyRequest({ db, actor: world.pacaIdec, input: { ...same, urgency: "PLANNED" } }))).toBe("NOT_FOUND");
    expect(await code(requalifyRequest({ db, actor: world.gp, input: { ...same, urgency: "PLANNED" } }))).toBe("FORBIDDEN");
    expect(await code(requalifyRequest({ db, actor: world.idec, input: { ...same, urgency: "PLANNED", reason: " " } }))).toBe("ZOD");
    expect((await row(filed.id)).urgency).toBe(current.urgency);
  });
});
