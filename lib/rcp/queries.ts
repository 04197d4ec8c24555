// Reads of the supportive-care RCP: the coordination's meetings and their agenda (its territories
// only), the synthesis sheet of a case (whoever may read the request: requestScope; the reading is
// an access event), and the decisions still to do of a structure or of the coordination.
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { referralScope, requestScope } from "@/lib/authz/scopes";
import { AppError } from "@/lib/errors";
import { OPEN_REQUEST_STATUSES } from "@/lib/lifecycle";
import { recordRequestView } from "@/lib/requests/record-view";
import { coordinationRequestPath, teamReferralPath } from "@/lib/paths";
import { IDENTITY_STATUS_LABELS } from "@/lib/labels";
import { patientDisplayName } from "@/lib/requests/gp-queries";

export type RcpMeetingSummary = {
  id: string;
  territoryName: string;
  scheduledAt: Date;
  place: string | null;
  videoUrl: string | null;
  cases: number;
  discussed: number;
};

export async function listRcpMeetings({ actor, db = prisma }: { actor: Actor; db?: Db }): Promise<RcpMeetingSummary[]> {
  assertCan(actor, "rcp.manage");
  const rows = await db.rcpMeeting.findMany({
    where: { territoryId: { in: actor.territoryIds } },
    orderBy: [{ scheduledAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, scheduledAt: true, place: true, videoUrl: true, territory: { select: { name: true } }, cases: { select: { discussedAt: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    territoryName: r.territory.name,
    scheduledAt: r.scheduledAt,
    place: r.place,
    videoUrl: r.videoUrl,
    cases: r.cases.length,
    discussed: r.cases.filter((c) => c.discussedAt).length,
  }));
}

const patientName = (p: { firstNames: string; birthName: string } | null) => patientDisplayName(p) ?? "Patient non identifié";

export async function getRcpMeeting({ actor, meetingId, db = prisma }: { actor: Actor; meetingId: string; db?: Db }) {
  assertCan(actor, "rcp.manage");
  const meeting = await db.rcpMeeting.findFirst({
    where: { id: meetingId, territoryId: { in: actor.territoryIds } },
    select: {
      id: true,
      territoryId: true,
      scheduledAt: true,
      place: true,
      videoUrl: true,
      invitedStructureIds: true,
      invitedOthers: true,
      territory: { select: { name: true } },
      cases: {
        orderBy: [{ addedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          question: true,
          participants: true,
          summary: true,
          nextReviewOn: true,
          discussedAt: true,
          request: {
            select: {
              id: true,
              number: true,
              patient: { select: { firstNames: true, birthName: true } },
              // Who may take a decision on: the structures the request is shared with (they read it).
              referrals: { where: { sharingWithdrawn: false }, distinct: ["structureId"], select: { structure: { select: { id: true, name: true } } } },
            },
          },
          decisions: {
            orderBy: { dueOn: "asc" },
            select: { id: true, action: true, dueOn: true, doneAt: true, responsibleStructure: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!meeting) throw new AppError("NOT_FOUND", "RCP introuvable.");
  const [invited, candidates] = await Promise.all([
    db.structure.findMany({ where: { id: { in: meeting.invitedStructureIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.request.findMany({
      where: { territoryId: meeting.territoryId, status: { in: [...OPEN_REQUEST_STATUSES] }, rcpCases: { none: { meetingId: meeting.id } } },
      orderBy: { submittedAt: "desc" },
      take: 200,
      select: { id: true, number: true, patient: { select: { firstNames: true, birthName: true } } },
    }),
  ]);
  return {
    ...meeting,
    invited,
    cases: meeting.cases.map((c) => ({
      ...c,
      patientName: patientName(c.request.patient),
      responsibles: c.request.referrals.map((r) => r.structure).sort((a, b) => a.name.localeCompare(b.name, "fr")),
    })),
    candidates: candidates.map((r) => ({ id: r.id, number: r.number, patientName: patientName(r.patient) })),
  };
}

export type RcpSheet = NonNullable<Awaited<ReturnType<typeof loadSheet>>>;

function loadSheet(db: Db, actor: Actor, caseId: string) {
  return db.rcpCase.findFirst({
    where: { id: caseId, discussedAt: { not: null }, request: requestScope(actor) },
    select: {
      id: true,
      question: true,
      participants: true,
      summary: true,
      nextReviewOn: true,
      discussedAt: true,
      meeting: { select: { scheduledAt: true, place: true, videoUrl: true, territory: { select: { name: true, publicPhone: true } } } },
      request: {
        select: {
          id: true,
          number: true,
          patientId: true,
          patient: { select: { firstNames: true, birthName: true, birthDate: true, sex: true, ins: true, insOid: true, identityStatus: true } },
        },
      },
      decisions: { orderBy: { dueOn: "asc" }, select: { action: true, dueOn: true, doneAt: true, responsibleStructure: { select: { name: true } } } },
    },
  });
}

/** The synthesis sheet of a discussed case, for the GP who filed the request, the coordination and the teams it is shared with. */
export async function getRcpSheet({ actor, caseId, db = prisma }: { actor: Actor; caseId: string; db?: Db }) {
  assertCan(actor, "rcp.sheets");
  const sheet = await loadSheet(db, actor, caseId);
  if (!sheet) throw new AppError("NOT_FOUND", "Fiche de synthèse introuvable.");
  await recordRequestView({ actor, requestId: sheet.request.id, patientId: sheet.request.patientId, db });
  const p = sheet.request.patient;
  return {
    ...sheet,
    identity: p
      ? {
          name: patientName(p),
          birthDate: p.birthDate,
          ins: p.identityStatus === "QUALIFIED" && p.ins ? `${p.ins} (OID ${p.insOid ?? "?"})` : null,
          status: IDENTITY_STATUS_LABELS[p.identityStatus],
        }
      : null,
  };
}

export type RcpTask = { id: string; action: string; dueOn: Date; requestNumber: number; responsible: string; href: string };

/** The decisions still to do of the actor: her territories' coordination's, or her structures'. */
export async function listOpenRcpDecisions({ actor, db = prisma }: { actor: Actor; db?: Db }): Promise<RcpTask[]> {
  assertCan(actor, "rcp.decisions");
  const where =
    actor.role === "TEAM_MEMBER"
      ? { responsibleStructureId: { in: actor.structureIds }, case: { request: requestScope(actor) } }
      : { responsibleStructureId: null, case: { meeting: { territoryId: { in: actor.territoryIds } } } };
  const rows = await db.rcpDecision.findMany({
    where: { ...where, doneAt: null },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      action: true,
      dueOn: true,
      responsibleStructureId: true,
      responsibleStructure: { select: { name: true } },
      case: {
        select: { request: { select: { id: true, number: true, referrals: { where: referralScope(actor), select: { id: true, structureId: true } } } } },
      },
    },
  });
  // Where the responsible follows the request: the coordinator's request page, a team's referral page.
  const href = (r: (typeof rows)[number]) => {
    const referral = r.case.request.referrals.find((x) => x.structureId === r.responsibleStructureId);
    return actor.role === "TEAM_MEMBER" && referral ? teamReferralPath(referral.id) : coordinationRequestPath(r.case.request.id);
  };
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    dueOn: r.dueOn,
    requestNumber: r.case.request.number,
    responsible: r.responsibleStructure?.name ?? "Coordination",
    href: href(r),
  }));
}

/** What the scheduling form offers: her territories and their active structures. */
export async function rcpSchedulingChoices({ actor, db = prisma }: { actor: Actor; db?: Db }) {
  assertCan(actor, "rcp.manage");
  const [territories, structures] = await Promise.all([
    db.territory.findMany({ where: { id: { in: actor.territoryIds } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.structure.findMany({
      where: { territoryId: { in: actor.territoryIds }, active: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  return { territories, structures };
}
