import { describe, expect, it } from "vitest";
import { describeResult, gridSuggestions, palliativeScreeningPositive, scoreOf, type ScreeningAnswers } from "@/lib/screening/grids";
import { z } from "zod";
import { PALLIA10_OPTIONAL_FIELDS, ZPallia10Answers, ZRecordScreening } from "@/lib/screening/schemas";

const pallia = (yes: number, q1 = true): ScreeningAnswers => ({
  grid: "PALLIA10",
  version: 1,
  answers: { yes: Array.from({ length: 10 }, (_, i) => (i === 0 ? q1 : i < yes)) },
});
const form = (fields: Record<string, unknown>) => ZRecordScreening.safeParse({ requestId: "r1", ...fields });

describe("PALLIA-10", () => {
  it("counts the « oui »; more than 3 with question 1 « oui » calls for a specialised team", () => {
    expect(scoreOf(pallia(5))).toBe(5);
    expect(palliativeScreeningPositive(pallia(5))).toBe(true);
    expect(palliativeScreeningPositive(pallia(4))).toBe(true);
    expect(palliativeScreeningPositive(pallia(3))).toBe(false);
    expect(describeResult(pallia(5))).toBe("PALLIA-10 : 5 réponses « oui » sur 10 — plus de 3 : faire appel à une équipe spécialisée en soins palliatifs");
    expect(describeResult(pallia(3))).toContain("3 ou moins");
  });

  it("does not apply when question 1 is « non » (a curable disease), whatever the rest", () => {
    const curable = pallia(8, false);
    expect(scoreOf(curable)).toBe(7);
    expect(palliativeScreeningPositive(curable)).toBe(false);
    expect(describeResult(curable)).toContain("la grille ne s'applique pas");
  });

  it("the filing form keeps the answers as sent, for the use case to read them again", () => {
    const sent = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q${i + 1}`, i < 4 ? "yes" : "no"]));
    const parsed = z.object(PALLIA10_OPTIONAL_FIELDS).parse(sent);
    expect(ZPallia10Answers.parse(parsed)).toEqual(pallia(4));
    expect(z.object(PALLIA10_OPTIONAL_FIELDS).parse({})).toEqual({});
  });

  it("the form needs each of the ten answers, at its field", () => {
    const fields: Record<string, string> = { grid: "PALLIA10" };
    for (let i = 1; i <= 10; i++) fields[`q${i}`] = i <= 5 ? "yes" : "no";
    const ok = form(fields);
    expect(ok.success && ok.data.answers).toEqual(pallia(5));
    const missing = form({ ...fields, q7: undefined });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["q7", "Répondez à la question 7 (oui ou non)."]]);
  });
});

describe("the other grids", () => {
  it("performance status with its Karnofsky equivalence; distress with its problems; pain with DN4", () => {
    const ps = form({ grid: "PERFORMANCE_STATUS", grade: "3", crisis: "on" });
    expect(ps.success && describeResult(ps.data.answers)).toBe(
      "Indice OMS 3 (Karnofsky 40-30 %) : capable seulement de quelques soins personnels ; alité ou au fauteuil plus de la moitié du temps — situation de crise signalée",
    );
    const distress = form({ grid: "DISTRESS", thermometer: "6", problems: ["EMOTIONAL_WORRY", "PHYSICAL_SLEEP", "EMOTIONAL_WORRY"] });
    expect(distress.success && distress.data.answers).toEqual({
      grid: "DISTRESS",
      version: 1,
      answers: { score: 6, problems: ["EMOTIONAL_WORRY", "PHYSICAL_SLEEP"] },
    });
    expect(distress.success && describeResult(distress.data.answers)).toBe(
      "Thermomètre de la détresse : 6/10 — détresse significative (4 ou plus) ; 2 problèmes signalés",
    );
    const pain = form({ grid: "PAIN", intensity: "7", dn4Done: "on", dn4: ["0", "2", "3", "5"] });
    expect(pain.success && describeResult(pain.data.answers)).toBe("Douleur : 7/10 à l'échelle numérique ; DN4 4/10 — douleur neuropathique probable");
    const noDn4 = form({ grid: "PAIN", intensity: "2" });
    expect(noDn4.success && describeResult(noDn4.data.answers)).toBe("Douleur : 2/10 à l'échelle numérique");
  });

  it("out-of-range scores are refused at their field, in French", () => {
    const issues = (fields: Record<string, unknown>) => form(fields).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ grid: "PERFORMANCE_STATUS", grade: "5" })).toEqual([["grade", "Choisissez l'indice OMS du patient (0 à 4)."]]);
    expect(issues({ grid: "DISTRESS", thermometer: "" })).toEqual([["thermometer", "Indiquez le score du thermomètre (0 à 10)."]]);
    expect(issues({ grid: "PAIN", intensity: "3.5" })).toEqual([["intensity", "Indiquez l'intensité de la douleur (0 à 10)."]]);
    expect(form({ grid: "AUTRE" }).success).toBe(false);
  });

  it("suggestions: psychological support from a distress of 4 or more, the crisis delays from OMS 3-4 with a crisis", () => {
    const distress: ScreeningAnswers = { grid: "DISTRESS", version: 1, answers: { score: 4, problems: [] } };
    const bedridden: ScreeningAnswers = { grid: "PERFORMANCE_STATUS", version: 1, answers: { grade: 4, crisis: true } };
    expect(gridSuggestions([distress, bedridden], { needs: ["PAIN"], urgency: "PLANNED" })).toEqual([
      { kind: "need", need: "PSYCHOLOGICAL_PATIENT", reason: "thermomètre de la détresse à 4/10 (4 ou plus)" },
      { kind: "crisis", reason: "indice OMS 4 avec une situation de crise signalée" },
    ]);
    // Nothing to suggest when it is already so, or below the thresholds.
    expect(gridSuggestions([distress, bedridden], { needs: ["PSYCHOLOGICAL_PATIENT"], urgency: "CRISIS" })).toEqual([]);
    expect(
      gridSuggestions(
        [
          { ...distress, answers: { score: 3, problems: [] } },
          { ...bedridden, answers: { grade: 2, crisis: true } },
        ],
        { needs: [], urgency: "PLANNED" },
      ),
    ).toEqual([]);
  });
});
