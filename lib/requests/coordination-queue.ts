// The coordinator's queue, as pure logic (client-safe): the filters read from the URL, what is due
// next on a request and whether it is late, and the order of the queue (earliest due first).
import { z } from "zod";
import { Need, Urgency, type RequestStatus } from "@/lib/generated/prisma/enums";
import { OPEN_REQUEST_STATUSES } from "@/lib/lifecycle";
import type { DueClock } from "@/lib/requests/due-dates";

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

// ?statut=SUBMITTED&besoin=PAIN&urgence=CRISIS. A value that is not ours (a hand-edited or old
// link) is dropped rather than refused: the queue still opens, unfiltered on that field.
export const ZQueueFilters = z.object({
  status: optional(z.enum(OPEN_REQUEST_STATUSES as [RequestStatus, ...RequestStatus[]])),
  need: optional(z.enum(Need)),
  urgency: optional(z.enum(Urgency)),
  // Only the requests hors territoire (their commune in no territory), waiting to be given one.
  outside: optional(z.literal("1")),
});
export type TQueueFilters = z.infer<typeof ZQueueFilters>;

// The URL parameter of each filter (French, as users share links).
export const QUEUE_FILTER_PARAMS = { status: "statut", need: "besoin", urgency: "urgence", outside: "hors-territoire" } as const satisfies Record<
  keyof TQueueFilters,
  string
>;

export function parseQueueFilters(searchParams: Record<string, string | string[] | undefined>): TQueueFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return ZQueueFilters.parse({
    status: first(searchParams[QUEUE_FILTER_PARAMS.status]),
    need: first(searchParams[QUEUE_FILTER_PARAMS.need]),
    urgency: first(searchParams[QUEUE_FILTER_PARAMS.urgency]),
    outside: first(searchParams[QUEUE_FILTER_PARAMS.outside]),
  });
}

export type DueFields = {
  status: RequestStatus;
  triageDueAt: Date | null;
  contactDueAt: Date | null;
  firstContactAt: Date | null;
  dueClock: DueClock;
};

// What the territory promised next: a new request must be triaged by triageDueAt; after that, the
// patient must be contacted by a team by contactDueAt. Once contacted, nothing is due.
export type Due =
  | { kind: "triage" | "contact"; at: Date; overdue: boolean; clock: DueClock }
  | { kind: "contacted"; at: Date; overdue: false }
  | { kind: "none"; at: null; overdue: false };

export function dueOf(request: DueFields, now: Date): Due {
  if (request.status === "SUBMITTED") {
    return request.triageDueAt
      ? { kind: "triage", at: request.triageDueAt, overdue: request.triageDueAt.getTime() < now.getTime(), clock: request.dueClock }
      : { kind: "none", at: null, overdue: false };
  }
  if (!OPEN_REQUEST_STATUSES.includes(request.status)) return { kind: "none", at: null, overdue: false };
  if (request.firstContactAt) return { kind: "contacted", at: request.firstContactAt, overdue: false };
  return request.contactDueAt
    ? { kind: "contact", at: request.contactDueAt, overdue: request.contactDueAt.getTime() < now.getTime(), clock: request.dueClock }
    : { kind: "none", at: null, overdue: false };
}

// Queue order: what is due soonest first (overdue items are the earliest, so they come on top);
// requests already contacted, then those without a due date, last. Ties: the older number first.
// [group, time]: 0 = due (triage or first contact) by its due time, 1 = contacted by the contact's
// time, 2 = no due date. The queue's order and its pages' cursor (lib/pagination.ts).
export function queueRank(r: DueFields): [0 | 1 | 2, number] {
  const due = dueOf(r, new Date(0));
  if (due.kind === "triage" || due.kind === "contact") return [0, due.at.getTime()];
  if (due.kind === "contacted") return [1, due.at.getTime()];
  return [2, 0];
}

export function compareQueueItems(a: DueFields & { number: number }, b: DueFields & { number: number }): number {
  const [ga, ta] = queueRank(a);
  const [gb, tb] = queueRank(b);
  return ga - gb || ta - tb || a.number - b.number;
}
