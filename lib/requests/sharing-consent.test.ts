import { describe, expect, test } from "vitest";
import { sharingAllowed, sharingDecisionFor } from "@/lib/requests/sharing-consent";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 9, minute));

describe("sharing consent", () => {
  test("no decision at all: sharing is not allowed", () => {
    expect(sharingAllowed([], "had")).toBe(false);
  });

  test("a consent for all the structures solicited allows each of them", () => {
    const decisions = [{ structureId: null, granted: true, recordedAt: at(0) }];
    expect(sharingAllowed(decisions, "had")).toBe(true);
    expect(sharingAllowed(decisions, "emsp")).toBe(true);
  });

  test("a consent for one structure allows that one only", () => {
    const decisions = [{ structureId: "emsp", granted: true, recordedAt: at(0) }];
    expect(sharingAllowed(decisions, "emsp")).toBe(true);
    expect(sharingAllowed(decisions, "had")).toBe(false);
  });

  test("a later refusal for one structure withdraws it from a consent given for all", () => {
    const decisions = [
      { structureId: null, granted: true, recordedAt: at(0) },
      { structureId: "had", granted: false, recordedAt: at(5) },
    ];
    expect(sharingAllowed(decisions, "had")).toBe(false);
    expect(sharingAllowed(decisions, "emsp")).toBe(true);
  });

  test("the latest decision wins: a refusal for all, then a consent for one structure", () => {
    const decisions = [
      { structureId: "had", granted: true, recordedAt: at(0) },
      { structureId: null, granted: false, recordedAt: at(5) },
      { structureId: "emsp", granted: true, recordedAt: at(10) },
    ];
    expect(sharingAllowed(decisions, "had")).toBe(false);
    expect(sharingAllowed(decisions, "emsp")).toBe(true);
    expect(sharingDecisionFor(decisions, "had")?.recordedAt).toEqual(at(5));
  });

  test("at the same instant, the decision naming the structure prevails over the one for all", () => {
    const decisions = [
      { structureId: "had", granted: false, recordedAt: at(0) },
      { structureId: null, granted: true, recordedAt: at(0) },
    ];
    expect(sharingAllowed(decisions, "had")).toBe(false);
  });
});
