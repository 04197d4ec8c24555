"use server";

// The server action of « Grilles de repérage » on the coordinator's request page (lib/action.ts);
// the use case checks role, scope and status.
import { formAction } from "@/lib/action";
import { recordScreening } from "@/lib/requests/record-screening";
import { describeResult } from "@/lib/screening/grids";
import { ZRecordScreening } from "@/lib/screening/schemas";

const requestPath = (requestId: string) => `/coordination/demandes/${encodeURIComponent(requestId)}`;

export const recordScreeningAction = formAction({
  permission: "requests.coordinate",
  schema: ZRecordScreening,
  arrays: ["problems", "dn4"],
  page: (raw) => (typeof raw.requestId === "string" && raw.requestId ? requestPath(raw.requestId) : "/coordination"),
  run: ({ actor, input }) => recordScreening({ actor, input }),
  revalidate: ({ requestId }) => [requestPath(requestId), `/demandes/${encodeURIComponent(requestId)}`, ["/equipe/orientations/[id]", "page"]],
  message: ({ answers }) => `Grille enregistrée. ${describeResult(answers)}.`,
});
