"use server";

// The server actions of the supportive-care RCP (lib/action.ts): the coordination's meetings page
// and meeting page, and the decisions' « Fait » on the responsible's page. The use cases check
// role, territory and scope.
import { formAction } from "@/lib/action";
import { coordinationRequestPath, gpRequestPath, rcpMeetingPath } from "@/lib/paths";
import { scheduleRcp } from "@/lib/rcp/schedule-rcp";
import { addRcpCase } from "@/lib/rcp/add-rcp-case";
import { recordRcpCase } from "@/lib/rcp/record-rcp-case";
import { completeRcpDecision } from "@/lib/rcp/complete-rcp-decision";
import { ZAddRcpCase, ZCompleteRcpDecision, ZRecordRcpCase, ZScheduleRcp } from "@/lib/rcp/schemas";

const meetingOf = (raw: Record<string, unknown>) => (typeof raw.meetingId === "string" && raw.meetingId ? rcpMeetingPath(raw.meetingId) : "/coordination/rcp");

export const scheduleRcpAction = formAction({
  permission: "rcp.manage",
  schema: ZScheduleRcp,
  arrays: ["structureIds"],
  page: () => "/coordination/rcp",
  run: ({ actor, input }) => scheduleRcp({ actor, input }),
  revalidate: () => ["/coordination/rcp"],
  redirectTo: ({ id }) => rcpMeetingPath(id),
});

export const addRcpCaseAction = formAction({
  permission: "rcp.manage",
  schema: ZAddRcpCase,
  page: meetingOf,
  run: ({ actor, input }) => addRcpCase({ actor, input }),
  revalidate: ({ meetingId }) => [rcpMeetingPath(meetingId), "/coordination/rcp"],
  message: "Demande inscrite à l'ordre du jour.",
});

export const recordRcpCaseAction = formAction({
  permission: "rcp.manage",
  schema: ZRecordRcpCase,
  page: meetingOf,
  run: ({ actor, input }) => recordRcpCase({ actor, input }),
  revalidate: (_parsed, { requestId }) => [["/coordination/rcp/[id]", "page"], gpRequestPath(requestId), coordinationRequestPath(requestId)],
  message: ({ decisions }) =>
    `Discussion enregistrée : la fiche de synthèse est envoyée au médecin et aux équipes en charge${decisions ? ` ; ${decisions} décision${decisions > 1 ? "s" : ""} à suivre` : ""}.`,
});

export const completeRcpDecisionAction = formAction({
  permission: "rcp.decisions",
  schema: ZCompleteRcpDecision,
  page: () => "/",
  run: ({ actor, input }) => completeRcpDecision({ actor, input }),
  revalidate: () => ["/equipe", "/coordination/rcp"],
  message: "Décision marquée comme réalisée.",
});
