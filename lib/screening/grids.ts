// The screening and evaluation grids of supportive care (issue 14; seed 003, « outils spécifiques
// de repérage des besoins en soins de support »). The definitions live here, in code, each with a
// version: an answer is stored with the version it was given in (screening_answer.version), so a
// later wording never changes what a past answer meant. Pure: no database, no clock.
import type { Need } from "@/lib/generated/prisma/enums";

export const SCREENING_GRIDS = ["PALLIA10", "PERFORMANCE_STATUS", "DISTRESS", "PAIN"] as const;
export type ScreeningGridId = (typeof SCREENING_GRIDS)[number];

// ── PALLIA-10 (SFAP, 2010): when to call a specialised palliative team. ──────────────────────────
export const PALLIA10_QUESTIONS = [
  "Le patient est atteint d'une maladie qui ne guérira pas, en l'état actuel des connaissances.",
  "Il existe des facteurs pronostiques péjoratifs.",
  "La maladie est rapidement évolutive.",
  "Le patient ou son entourage sont demandeurs d'une prise en charge palliative et d'un accompagnement.",
  "Il persiste des symptômes non soulagés malgré la mise en place des traitements de première intention.",
  "Vous identifiez des facteurs de vulnérabilité d'ordre psychique pour le patient et/ou son entourage.",
  "Vous identifiez des facteurs de vulnérabilité d'ordre social chez le patient et/ou l'entourage.",
  "Le patient ou l'entourage ont des difficultés d'intégration de l'information sur la maladie et/ou sur le pronostic.",
  "Vous constatez des questionnements et/ou des divergences au sein de l'équipe concernant la cohérence du projet de soins.",
  "Vous vous posez des questions sur l'attitude adaptée (refus de traitement, limitation ou arrêt de traitement, demande d'euthanasie, conflit de valeurs).",
] as const;
/** More than this many « oui » suggests calling a specialised palliative team. */
export const PALLIA10_THRESHOLD = 3;

// ── Performance status (OMS / ECOG), with the Karnofsky equivalence. ─────────────────────────────
export const PERFORMANCE_GRADES = [
  { grade: 0, label: "Activité normale, sans restriction", karnofsky: "100-90 %" },
  { grade: 1, label: "Restreint pour les efforts physiques importants, mais ambulatoire et capable d'un travail léger", karnofsky: "80-70 %" },
  { grade: 2, label: "Ambulatoire, autonome pour les soins personnels, incapable de travailler ; alité moins de la moitié du temps", karnofsky: "60-50 %" },
  { grade: 3, label: "Capable seulement de quelques soins personnels ; alité ou au fauteuil plus de la moitié du temps", karnofsky: "40-30 %" },
  { grade: 4, label: "Incapable de prendre soin de lui-même ; alité ou au fauteuil en permanence", karnofsky: "20-10 %" },
] as const;

// ── Distress thermometer (NCCN), 0-10, with its problem list. ────────────────────────────────────
/** From this score the distress is significant (NCCN): psychological support is worth proposing. */
export const DISTRESS_THRESHOLD = 4;
export const DISTRESS_PROBLEMS = {
  PRACTICAL_HOUSING: "Pratique : logement",
  PRACTICAL_MONEY: "Pratique : finances, assurances",
  PRACTICAL_WORK: "Pratique : travail, études",
  PRACTICAL_TRANSPORT: "Pratique : transport",
  PRACTICAL_CHILDCARE: "Pratique : garde des enfants",
  FAMILY_PARTNER: "Familial : relation avec le conjoint",
  FAMILY_CHILDREN: "Familial : relation avec les enfants",
  EMOTIONAL_WORRY: "Émotionnel : inquiétude, peur",
  EMOTIONAL_SADNESS: "Émotionnel : tristesse, perte d'intérêt",
  EMOTIONAL_NERVOUS: "Émotionnel : nervosité",
  SPIRITUAL: "Spirituel ou religieux",
  PHYSICAL_PAIN: "Physique : douleur",
  PHYSICAL_FATIGUE: "Physique : fatigue",
  PHYSICAL_SLEEP: "Physique : sommeil",
  PHYSICAL_EATING: "Physique : alimentation, nausées",
  PHYSICAL_BREATHING: "Physique : respiration",
  PHYSICAL_MOBILITY: "Physique : se déplacer, se laver, s'habiller",
} as const;
export type DistressProblem = keyof typeof DISTRESS_PROBLEMS;

// ── Pain: numeric scale 0-10, and DN4 for neuropathic pain. ──────────────────────────────────────
export const DN4_ITEMS = [
  "Brûlure",
  "Sensation de froid douloureux",
  "Décharges électriques",
  "Fourmillements",
  "Picotements",
  "Engourdissement",
  "Démangeaisons",
  "Hypoesthésie au tact (examen)",
  "Hypoesthésie à la piqûre (examen)",
  "Douleur provoquée ou augmentée par le frottement (examen)",
] as const;
/** From this DN4 score a neuropathic pain is likely. */
export const DN4_THRESHOLD = 4;

// What is stored (screening_answer.answers), per grid and version.
export type ScreeningAnswers =
  | { grid: "PALLIA10"; version: 1; answers: { yes: boolean[] } }
  | { grid: "PERFORMANCE_STATUS"; version: 1; answers: { grade: number; crisis: boolean } }
  | { grid: "DISTRESS"; version: 1; answers: { score: number; problems: DistressProblem[] } }
  | { grid: "PAIN"; version: 1; answers: { intensity: number; dn4: boolean[] | null } };

export const CURRENT_VERSION: Record<ScreeningGridId, number> = { PALLIA10: 1, PERFORMANCE_STATUS: 1, DISTRESS: 1, PAIN: 1 };

export type GridInfo = { title: string; short: string; source: string };
export const GRID_INFO: Record<ScreeningGridId, GridInfo> = {
  PALLIA10: {
    title: "PALLIA-10 — repérage du patient relevant de soins palliatifs",
    short: "PALLIA-10",
    source: "SFAP, 2010. Plus de 3 réponses « oui » doivent inciter à faire appel à une équipe spécialisée en soins palliatifs.",
  },
  PERFORMANCE_STATUS: {
    title: "Indice de performance OMS / ECOG (équivalence Karnofsky)",
    short: "Indice OMS",
    source: "OMS / ECOG (Oken, 1982), équivalence avec l'indice de Karnofsky. 3 ou 4 : autonomie très réduite.",
  },
  DISTRESS: {
    title: "Thermomètre de la détresse et liste de problèmes",
    short: "Thermomètre de la détresse",
    source: "NCCN (version française). Un score de 4 ou plus signale une détresse significative.",
  },
  PAIN: {
    title: "Douleur : échelle numérique et DN4",
    short: "Douleur",
    source:
      "Échelle numérique (0 = pas de douleur, 10 = douleur maximale imaginable) ; DN4 (Bouhassira, 2005), 4 ou plus sur 10 : douleur neuropathique probable.",
  },
};

/** The grid's headline score (stored in screening_answer.score, shown with its meaning). */
export function scoreOf(a: ScreeningAnswers): number {
  switch (a.grid) {
    case "PALLIA10":
      return a.answers.yes.filter(Boolean).length;
    case "PERFORMANCE_STATUS":
      return a.answers.grade;
    case "DISTRESS":
      return a.answers.score;
    case "PAIN":
      return a.answers.intensity;
  }
}

export function dn4Score(dn4: readonly boolean[] | null): number | null {
  return dn4 === null ? null : dn4.filter(Boolean).length;
}

/** PALLIA-10 applies only when question 1 is « oui » (an incurable disease); then > 3 « oui » is positive. */
export function palliativeScreeningPositive(a: ScreeningAnswers): boolean {
  return a.grid === "PALLIA10" && a.answers.yes[0] === true && scoreOf(a) > PALLIA10_THRESHOLD;
}

/** The result in words, as shown next to the score in the timeline and on the request page. */
export function describeResult(a: ScreeningAnswers): string {
  switch (a.grid) {
    case "PALLIA10": {
      const n = scoreOf(a);
      const count = `${n} réponse${n > 1 ? "s" : ""} « oui » sur 10`;
      if (!a.answers.yes[0]) return `PALLIA-10 : ${count} — question 1 « non » : la grille ne s'applique pas (maladie curable)`;
      return n > PALLIA10_THRESHOLD
        ? `PALLIA-10 : ${count} — plus de 3 : faire appel à une équipe spécialisée en soins palliatifs`
        : `PALLIA-10 : ${count} — 3 ou moins : pas d'indication d'équipe spécialisée à ce stade`;
    }
    case "PERFORMANCE_STATUS": {
      const g = PERFORMANCE_GRADES[a.answers.grade]!;
      return `Indice OMS ${g.grade} (Karnofsky ${g.karnofsky}) : ${g.label.charAt(0).toLowerCase()}${g.label.slice(1)}${a.answers.crisis ? " — situation de crise signalée" : ""}`;
    }
    case "DISTRESS": {
      const problems = a.answers.problems.length;
      return `Thermomètre de la détresse : ${a.answers.score}/10${a.answers.score >= DISTRESS_THRESHOLD ? " — détresse significative (4 ou plus)" : ""}${problems ? ` ; ${problems} problème${problems > 1 ? "s" : ""} signalé${problems > 1 ? "s" : ""}` : ""}`;
    }
    case "PAIN": {
      const dn4 = dn4Score(a.answers.dn4);
      const neuropathic = dn4 === null ? "" : ` ; DN4 ${dn4}/10${dn4 >= DN4_THRESHOLD ? " — douleur neuropathique probable" : ""}`;
      return `Douleur : ${a.answers.intensity}/10 à l'échelle numérique${neuropathic}`;
    }
  }
}

/**
 * What the grids suggest to the coordinator — proposals she confirms, never silent changes:
 * psychological support when the distress is significant; the crisis delays when the patient is
 * bedridden (OMS 3-4) and a crisis is reported. `current`: the latest answer of each grid.
 */
export type GridSuggestion = { kind: "need"; need: Need; reason: string } | { kind: "crisis"; reason: string };
export function gridSuggestions(current: readonly ScreeningAnswers[], request: { needs: readonly Need[]; urgency: "CRISIS" | "PLANNED" }): GridSuggestion[] {
  const out: GridSuggestion[] = [];
  for (const a of current) {
    if (a.grid === "DISTRESS" && a.answers.score >= DISTRESS_THRESHOLD && !request.needs.includes("PSYCHOLOGICAL_PATIENT")) {
      out.push({ kind: "need", need: "PSYCHOLOGICAL_PATIENT", reason: `thermomètre de la détresse à ${a.answers.score}/10 (4 ou plus)` });
    }
    if (a.grid === "PERFORMANCE_STATUS" && a.answers.grade >= 3 && a.answers.crisis && request.urgency !== "CRISIS") {
      out.push({ kind: "crisis", reason: `indice OMS ${a.answers.grade} avec une situation de crise signalée` });
    }
  }
  return out;
}
