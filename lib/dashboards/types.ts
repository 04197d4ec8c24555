// The contract between the indicators (lib/dashboards/*, computed in SQL from the event log) and
// the ARS / coordinator views (app/(app)/ars, components/dashboards). Aggregates only: no patient
// identifier and no free text ever appears in these types. Counts below the small-count threshold
// are already masked here (null + `masked: true`), never in the UI alone.
import type {
  ClosureOutcome,
  DeclineReason,
  InterventionKind,
  Need,
  RequestChannel,
  RequesterKind,
  StructureType,
  Urgency,
} from "@/lib/generated/prisma/enums";

export type Level = "country" | "region" | "department" | "territory";

export type Area = { level: Level; code: string; name: string };

export type Period = { from: Date; to: Date }; // [from, to), Europe/Paris days

// A count as shown: the value, or masked ("< 5") when it counts fewer than 5 patients or could be
// recovered by subtraction (complementary masking).
export type Count = {
  value: number | null;
  masked: boolean;
  // Why it is masked: "small" = it counts 1 to 4 patients ("< 5"); "secondary" = it counts 5 or more
  // but is masked so that a small one cannot be recovered by subtraction (show it as "s", not "< 5").
  reason?: "small" | "secondary";
};

export type Breakdown<K extends string> = { key: K; label: string; count: Count }[];

export type DelayStats = {
  // In hours; "opening" = counted in the territory's opening hours, "calendar" = wall-clock hours.
  basis: "opening" | "calendar";
  measured: Count; // how many requests the figures are computed on
  medianHours: number | null; // null when masked or nothing measured
  p90Hours: number | null;
};

export type Dashboard = {
  area: Area;
  period: Period;
  children: Area[]; // for the drill-down (régions → départements → territories)
  totals: { requests: Count; activeFile: Count; newPatients: Count; unmetRequests: Count };
  byOrigin: Breakdown<RequesterKind>;
  byChannel: Breakdown<RequestChannel>;
  byNeed: Breakdown<Need>;
  byUrgency: Breakdown<Urgency>;
  byOutcome: Breakdown<ClosureOutcome>;
  byMonth: { month: string; count: Count }[]; // "2026-01"
  timeToTriage: Record<Urgency, DelayStats>;
  timeToFirstContact: Record<Urgency, DelayStats>;
  // offSuggestion: proposed outside the routing's suggestions (the coordinator's override, with her reason).
  referralsByStructureType: {
    type: StructureType;
    label: string;
    proposed: Count;
    accepted: Count;
    declined: Count;
    offSuggestion: Count;
    acceptRate: number | null;
  }[];
  declineReasons: Breakdown<DeclineReason>;
  // What the teams did (lib/requests/record-intervention.ts), counted in the requests' cells.
  interventionsByKind: Breakdown<InterventionKind>;
  // Per type of structure, and "COORDINATION" for the coordination's own.
  interventionsByStructureType: { key: StructureType | "COORDINATION"; label: string; count: Count }[];
  // Requests with a PALLIA-10, the positive ones (more than 3 « oui »), and their share (null when masked).
  pallia10: { screened: Count; positive: Count; positiveShare: number | null };
  // RCPs soins de support held in the period (meetings: not masked) and the requests of the period discussed there.
  rcp: { meetingsHeld: number; requestsDiscussed: Count };
  unmetNeeds: { need: Need; label: string; communeCode: string | null; communeName: string | null; count: Count }[];
  // Per child area (or the area itself at territory level): coverage against the national norms.
  coverage: CoverageRow[];
  // Per child area (same order as `children`): figures for the map and its table, masked
  // consistently with the children's own dashboards.
  childFigures?: ChildFigure[];
  // False for a coordinator (exact figures of their own territories), true for the ARS and admins.
  smallCountsMasked?: boolean;
};

export type ChildFigure = { area: Area; requests: Count; unmetRequests: Count };

export type CoverageRow = {
  area: Area;
  population: number;
  mobileTeams: number; // EMSP / territorial palliative teams
  mobileTeamsPer200k: number;
  mobileTeamsNorm: number; // e.g. 1 per 200,000 (configurable)
  palliativeBeds: number; // identified palliative beds (LISP)
  palliativeBedsPer100k: number;
  palliativeBedsNorm: number; // e.g. 5 per 100,000 (configurable)
  meetsMobileTeamNorm: boolean;
  meetsBedNorm: boolean;
  // Seed 004: a palliative care unit (USP) and a palliative network in every territory.
  usps: number;
  palliativeNetworks: number;
  territories: number; // territories of the area (1 for a territory)
  territoriesWithUsp: number;
  territoriesWithNetwork: number;
  meetsUspNorm: boolean;
  meetsNetworkNorm: boolean;
};
