import { describe, expect, test } from "vitest";
import { compareQueueItems, dueOf, parseQueueFilters, type DueFields } from "@/lib/requests/coordination-queue";

const now = new Date("2026-03-10T10:00:00Z");
const before = new Date("2026-03-10T09:00:00Z");
const after = new Date("2026-03-10T11:00:00Z");

function req(fields: Partial<DueFields> & { number?: number }): DueFields & { number: number } {
  return { status: "TRIAGE", triageDueAt: null, contactDueAt: null, firstContactAt: null, dueClock: "OPENING_HOURS", number: 1, ...fields };
}

describe("queue filters from the URL", () => {
  test("reads the French parameters", () => {
    expect(parseQueueFilters({ statut: "TRIAGE", besoin: "PAIN", urgence: "CRISIS" })).toEqual({ status: "TRIAGE", need: "PAIN", urgency: "CRISIS" });
  });

  test("drops unknown values and closed statuses instead of failing", () => {
    expect(parseQueueFilters({ statut: "CLOSED", besoin: "NOPE", urgence: "" })).toEqual({});
    expect(parseQueueFilters({ statut: ["ORIENTED", "TRIAGE"] })).toEqual({ status: "ORIENTED" });
  });
});

describe("what is due on a request", () => {
  test("a new request is due for triage, late once the triage time has passed", () => {
    expect(dueOf(req({ status: "SUBMITTED", triageDueAt: before, contactDueAt: after }), now)).toEqual({
      kind: "triage",
      at: before,
      overdue: true,
      clock: "OPENING_HOURS",
    });
    expect(dueOf(req({ status: "SUBMITTED", triageDueAt: after }), now)).toEqual({ kind: "triage", at: after, overdue: false, clock: "OPENING_HOURS" });
  });

  test("after triage the first contact is due, and nothing once the patient has been contacted", () => {
    expect(dueOf(req({ status: "ORIENTED", triageDueAt: before, contactDueAt: before }), now)).toEqual({
      kind: "contact",
      at: before,
      overdue: true,
      clock: "OPENING_HOURS",
    });
    expect(dueOf(req({ status: "IN_CARE", contactDueAt: before, firstContactAt: before }), now)).toEqual({ kind: "contacted", at: before, overdue: false });
  });

  test("no due date (no territory) and finished requests are never late", () => {
    expect(dueOf(req({ status: "SUBMITTED" }), now)).toEqual({ kind: "none", at: null, overdue: false });
    expect(dueOf(req({ status: "CLOSED", contactDueAt: before }), now)).toEqual({ kind: "none", at: null, overdue: false });
  });
});

describe("queue order", () => {
  test("earliest due first whatever is due (triage or contact); contacted then undated last", () => {
    const items = [
      req({ number: 1 }),
      req({ number: 2, status: "IN_CARE", contactDueAt: before, firstContactAt: before }),
      req({ number: 3, status: "TRIAGE", contactDueAt: after }),
      req({ number: 4, status: "SUBMITTED", triageDueAt: before, contactDueAt: new Date("2026-03-20T00:00:00Z") }),
      req({ number: 5, status: "SUBMITTED", triageDueAt: after }),
    ];
    expect(items.sort(compareQueueItems).map((i) => i.number)).toEqual([4, 3, 5, 2, 1]);
  });
});
