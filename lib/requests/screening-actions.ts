"use server";

// The server action of « Grilles de repérage » on the coordinator's request page (lib/action.ts);
// the use case checks role, scope and status.
import { formAction } from "@/lib/action";
import { coordinationRequestPath, gpRequestPath } from "@/lib/paths";
import { recordScreening } from "@/lib/requests/record-screening";
import { describeResult } from "@/lib/screening/grids";
import { ZRecordScreening } from "@/lib/screening/schemas";

export const recordScreeningAction = formAction({
  permission: "requests.coordinate",
  schema: ZRecordScreening,
  arrays: ["problems", "dn4"],
  page: (raw) => (typeof raw.requestId === "string" && raw.requestId ? coordinationRequestPath(raw.requestId) : "/coordination"),
  run: ({ actor, input }) => recordScreening({ actor, input }),
  revalidate: ({ requestId }) => [coordinationRequestPath(requestId), gpRequestPath(requestId), ["/equipe/orientations/[id]", "page"]],
  message: ({ answers }) => `Grille enregistrée. ${describeResult(answers)}.`,
});
