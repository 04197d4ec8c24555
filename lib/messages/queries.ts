// The conversation of a request as one reader sees it: the messages they may read, oldest first,
// each with its author, to whom it was written and who has read it; opening it marks them read
// (and the bell's message notifications of that request).
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { conversationAccess, visibleMessages } from "@/lib/messages/access";
import { CONVERSATION_REFERRAL_STATUSES } from "@/lib/lifecycle";

export type ConversationMessage = {
  id: string;
  at: Date;
  author: string;
  mine: boolean;
  /** « Tous » or the team it was addressed to. */
  to: string;
  body: string;
  /** The others who have read it, by name. */
  readBy: string[];
};

export type Conversation = {
  messages: ConversationMessage[];
  /** Whom the reader may write to: everyone, or one team of the request. */
  recipients: { value: string; label: string }[];
};

export async function getConversation({
  actor,
  requestId,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  db?: Db;
  now?: Date;
}): Promise<Conversation> {
  const access = await conversationAccess(db, actor, requestId);
  const [rows, teams] = await Promise.all([
    db.requestMessage.findMany({
      where: visibleMessages(access),
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 500,
      select: {
        id: true,
        createdAt: true,
        body: true,
        structureId: true,
        authorId: true,
        author: { select: { name: true, role: true, structures: { select: { structure: { select: { name: true } } } } } },
        reads: { select: { userId: true, user: { select: { name: true } } }, orderBy: { readAt: "asc" } },
      },
    }),
    db.referral.findMany({
      where: {
        requestId,
        status: { in: [...CONVERSATION_REFERRAL_STATUSES] },
        // A team the patient withdrew sharing from is no longer someone to write to.
        sharingWithdrawn: false,
        ...(access.teamStructureIds ? { structureId: { in: access.teamStructureIds } } : {}),
      },
      distinct: ["structureId"],
      select: { structureId: true, structure: { select: { name: true } } },
      orderBy: { structureId: "asc" },
    }),
  ]);
  const teamName = new Map(teams.map((t) => [t.structureId, t.structure.name]));
  const unread = rows.filter((m) => !m.reads.some((r) => r.userId === actor.id)).map((m) => m.id);
  if (unread.length > 0) {
    await db.messageRead.createMany({ data: unread.map((messageId) => ({ messageId, userId: actor.id, readAt: now })), skipDuplicates: true });
    await db.notification.updateMany({ where: { userId: actor.id, requestId, kind: "MESSAGE", readAt: null }, data: { readAt: now } });
  }
  return {
    messages: rows.map((m) => ({
      id: m.id,
      at: m.createdAt,
      author:
        m.author.role === "TEAM_MEMBER" && m.author.structures.length
          ? `${m.author.name} (${m.author.structures.map((s) => s.structure.name).join(", ")})`
          : `${m.author.name} (${m.author.role === "COORDINATOR" ? "coordination" : ROLE_LABELS[m.author.role]})`,
      mine: m.authorId === actor.id,
      to: m.structureId ? (teamName.get(m.structureId) ?? "une équipe") : "Tous",
      body: m.body,
      readBy: m.reads.filter((r) => r.userId !== m.authorId).map((r) => r.user.name),
    })),
    recipients: [
      { value: "", label: "Tous (médecin, coordination et équipes sollicitées)" },
      ...teams.map((t) => ({ value: t.structureId, label: `${t.structure.name} seulement (avec le médecin et la coordination)` })),
    ],
  };
}
