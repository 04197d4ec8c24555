// The audit trail, searched by an administrator (/admin/journal and its CSV export): by request
// number, by person, by period; newest first, by pages. Every search is itself an event
// (audit.searched): who looked at the trail, for what.
import { z } from "zod";
import { prisma, type Db } from "@/lib/db";
import { recordEvent } from "@/lib/audit";
import type { Actor } from "@/lib/authz/actor";
import { assertCan, ROLE_LABELS, isRole } from "@/lib/authz/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestNumberLabel } from "@/lib/labels";
import { decodeCursor, keysetAfter, pageOf, type Page } from "@/lib/pagination";
import { addDays, parisDayStart } from "@/lib/time";
import { eventLabel } from "@/lib/journal/labels";

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date invalide (jj/mm/aaaa).")
  .optional()
  .or(z.literal("").transform(() => undefined));

// The journal's search form (GET: its values are in the URL). French, at each field.
export const ZJournalFilters = z
  .object({
    numero: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase().replace(/^DA-?/, ""))
      .pipe(z.union([z.literal(""), z.string().regex(/^\d{1,9}$/, "Numéro de demande invalide (ex. DA-000123).")]))
      .transform((v) => (v ? Number(v) : undefined))
      .optional(),
    personne: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.union([z.literal(""), z.email("Adresse e-mail invalide.")]))
      .transform((v) => v || undefined)
      .optional(),
    du: isoDay,
    au: isoDay,
  })
  .refine((f) => !f.du || !f.au || f.du <= f.au, { path: ["au"], message: "La fin de la période doit suivre son début." });
export type TJournalFilters = z.output<typeof ZJournalFilters>;

export type JournalEntry = {
  id: string;
  at: Date;
  type: string;
  label: string;
  actor: { name: string; email: string; role: string } | null;
  subject: { type: string | null; id: string | null; requestNumber: string | null };
  /** The request the event is about, for a link: only for events filed under a request. */
  requestId: string | null;
};

export const JOURNAL_PAGE = 50;
const ZJournalCursor = z.tuple([z.number().int(), z.string().regex(/^\d+$/)]);

export async function searchJournal({
  actor,
  filters,
  cursor,
  limit = JOURNAL_PAGE,
  exported = false,
  db = prisma,
  now = new Date(),
}: {
  actor: Actor;
  filters: TJournalFilters;
  cursor?: string;
  limit?: number;
  exported?: boolean;
  db?: Db;
  now?: Date;
}): Promise<Page<JournalEntry> & { unknown: "request" | "person" | null }> {
  assertCan(actor, "audit.read");
  const [request, person] = await Promise.all([
    filters.numero !== undefined ? db.request.findUnique({ where: { number: filters.numero }, select: { id: true } }) : null,
    filters.personne ? db.user.findUnique({ where: { email: filters.personne }, select: { id: true } }) : null,
  ]);
  const unknown = filters.numero !== undefined && !request ? "request" : filters.personne && !person ? "person" : null;

  let page: Page<JournalEntry> = { items: [], next: null };
  if (!unknown) {
    const after = decodeCursor(cursor, ZJournalCursor);
    const where: Prisma.EventWhereInput = {
      AND: [
        request ? { subjectType: "request", subjectId: request.id } : {},
        person ? { actorId: person.id } : {},
        filters.du ? { at: { gte: parisDayStart(filters.du) } } : {},
        filters.au ? { at: { lt: parisDayStart(addDays(filters.au, 1)) } } : {},
        after
          ? keysetAfter<Prisma.EventWhereInput>([
              { field: "at", value: new Date(after[0]), desc: true },
              { field: "id", value: BigInt(after[1]), desc: true },
            ])
          : {},
      ],
    };
    const rows = await db.event.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1 });
    const shown = rows.slice(0, limit);
    const actorIds = [...new Set(shown.map((r) => r.actorId).filter((v): v is string => v !== null))];
    const requestIds = [...new Set(shown.filter((r) => r.subjectType === "request" && r.subjectId).map((r) => r.subjectId!))];
    const [users, requests] = await Promise.all([
      db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true, role: true } }),
      db.request.findMany({ where: { id: { in: requestIds } }, select: { id: true, number: true } }),
    ]);
    const userById = new Map(users.map((u) => [u.id, u]));
    const numberById = new Map(requests.map((r) => [r.id, requestNumberLabel(r.number)]));
    page = pageOf(
      rows.map((r) => {
        const user = r.actorId ? userById.get(r.actorId) : undefined;
        const isRequest = r.subjectType === "request" && r.subjectId !== null;
        return {
          id: r.id.toString(),
          at: r.at,
          type: r.type,
          label: eventLabel(r.type),
          actor: user ? { name: user.name, email: user.email, role: isRole(user.role) ? ROLE_LABELS[user.role] : user.role } : null,
          subject: { type: r.subjectType, id: r.subjectId, requestNumber: isRequest ? (numberById.get(r.subjectId!) ?? null) : null },
          requestId: isRequest ? r.subjectId : null,
        };
      }),
      limit,
      (e) => [e.at.getTime(), e.id],
    );
  }

  await db.$transaction((tx) =>
    recordEvent(
      tx,
      actor.id,
      {
        type: "audit.searched",
        subjectType: "user",
        subjectId: actor.id,
        data: {
          requestNumber: filters.numero ?? null,
          actorId: person?.id ?? null,
          from: filters.du ?? null,
          to: filters.au ?? null,
          exported,
          shown: page.items.length,
        },
      },
      now,
    ),
  );
  return { ...page, unknown };
}
