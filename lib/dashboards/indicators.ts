// getDashboard: every indicator of one area over one period, for the ARS and coordination views.
// All figures come from the event log, through its projection (request_fact, referral_fact, the
// monthly cube dashboard_cell): see the migration "dashboards" and README "Dashboards".
//
// Period semantics: a request counts in the period it was submitted in (a cohort): its origin,
// channel, needs, urgency, delays, referrals and outcome so far. The active file is the exception:
// distinct patients with a request open at some time during the period. Requests cancelled as
// duplicates count nowhere.
import { prisma, replica, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { assertCan } from "@/lib/authz/permissions";
import { ClosureOutcome, DeclineReason, InterventionKind, Need, RequestChannel, RequesterKind, StructureType, Urgency } from "@/lib/generated/prisma/enums";
import { CHANNEL_LABELS, CLOSURE_OUTCOME_LABELS, DECLINE_REASON_LABELS, INTERVENTION_KIND_LABELS, NEED_LABELS, REQUESTER_KIND_LABELS } from "@/lib/labels";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import type { Area, Breakdown, ChildFigure, Count, Dashboard, DelayStats, Level, Period } from "@/lib/dashboards/types";
import { assertPeriod, monthsOf } from "@/lib/dashboards/periods";
import { childAreas, masksSmallCounts, resolveAreaPath, resolveScope, type ScopeContext } from "@/lib/dashboards/scope";
import { factAreaSql, readActiveFile, readDelays, readFamilyCounts, refreshCube, type AreaCounts, type AreaKey, type DelayRow } from "@/lib/dashboards/reads";
import { protectPath, type Protection } from "@/lib/dashboards/protect";
import { readCoverage } from "@/lib/dashboards/coverage";
import { readRcpMeetingsHeld } from "@/lib/dashboards/rcp";
import { getCoverageNorms } from "@/lib/dashboards/norms";

export { getAreaTree, type AreaNode } from "@/lib/dashboards/scope";

export const URGENCY_LABELS_SHORT: Record<Urgency, string> = { CRISIS: "Crise", PLANNED: "Programmée" };

// The largest unmet-needs-by-commune list a dashboard returns (largest counts first).
const MAX_UNMET_COMMUNES = 200;

const keyOf = (area: Area): AreaKey => `${area.level}:${area.code}`;

// The family structure of the path: France → régions in scope → the path's région's départements
// → the path's département's territories.
function familyOf(ctx: ScopeContext, path: Area[]): { childrenOf: Map<AreaKey, AreaKey[]>; territoryIds: string[] } {
  const childrenOf = new Map<AreaKey, AreaKey[]>();
  let territoryIds: string[] = [];
  for (const area of path) {
    const children = childAreas(ctx, area);
    childrenOf.set(keyOf(area), children.map(keyOf));
    if (area.level === "department") territoryIds = children.map((c) => c.code);
  }
  return { childrenOf, territoryIds };
}

function counter(area: AreaKey, counts: AreaCounts, protection: Protection | null) {
  return (name: string): Count => {
    const value = counts.get(name) ?? 0;
    const state = protection?.get(`${area}#${name}`);
    if (!protection || !state || state === "published") return { value, masked: false };
    return { value: null, masked: true, reason: state };
  };
}

const round1 = (x: number | null) => (x === null || Number.isNaN(x) ? null : Math.round(x * 10) / 10);

export async function getDashboard({
  actor,
  level,
  code,
  period,
  db = prisma,
  reads = db === prisma ? replica : db,
}: {
  actor: Actor;
  level: Level;
  code: string;
  period: Period;
  /** The primary: the cube's catch-up writes there. */
  db?: Db;
  /** Where the figures are read: the read replica when one is configured (lib/db.ts). */
  reads?: Db;
}): Promise<Dashboard> {
  assertCan(actor, "dashboards.view");
  assertPeriod(period);
  const ctx = await resolveScope(reads, actor);
  const path = resolveAreaPath(ctx, level, code);
  const area = path[path.length - 1]!;
  const { childrenOf, territoryIds } = familyOf(ctx, path);
  const targets = { regionCode: path[1]?.code ?? null, departmentCode: path[2]?.code ?? null, territoryIds, singleRegion: ctx.regionCodes.length === 1 };

  await refreshCube(db);
  const [figures, active, delays, norms] = await Promise.all([
    readFamilyCounts(reads, { scope: ctx.scope, period, targets }),
    readActiveFile(reads, { scope: ctx.scope, period, targets }),
    readDelays(reads, { scope: ctx.scope, period, area: factAreaSql(area.level, area.code) }),
    getCoverageNorms(reads),
  ]);
  for (const [key, n] of active) {
    if (!figures.has(key)) figures.set(key, new Map());
    figures.get(key)!.set("activeFile", n);
  }
  const children = childAreas(ctx, area);
  const [coverage, communeNames, meetingsHeld] = await Promise.all([
    readCoverage(reads, ctx, area.level === "territory" ? [area] : children, norms),
    communeNamesOf(reads, figures.get(keyOf(area))),
    readRcpMeetingsHeld(reads, ctx, area, period),
  ]);

  const masked = masksSmallCounts(actor);
  const protection = masked ? protectPath({ path: path.map(keyOf), childrenOf, figures }).states : null;
  const counts = figures.get(keyOf(area)) ?? new Map<string, number>();
  const count = counter(keyOf(area), counts, protection);

  const breakdown = <K extends string>(dim: string, keys: readonly K[], labels: Record<K, string>): Breakdown<K> =>
    keys.map((key) => ({ key, label: labels[key], count: count(`${dim}:${key}`) }));
  const delayStats = (measuredName: string, row: DelayRow | undefined, which: "triage" | "contact"): DelayStats => {
    const measured = count(measuredName);
    const hidden = measured.masked && measured.reason === "small";
    return {
      basis: "opening",
      measured,
      medianHours: hidden || !row ? null : round1(which === "triage" ? row.triageP50 : row.contactP50),
      p90Hours: hidden || !row ? null : round1(which === "triage" ? row.triageP90 : row.contactP90),
    };
  };
  const delayOf = (u: Urgency) => delays.find((d) => d.urgency === u);
  const urgencies = Object.values(Urgency);

  const shown = (name: string) => (counts.get(name) ?? 0) > 0 || count(name).masked;
  const referralsByStructureType = Object.values(StructureType)
    .filter((type) => shown(`refProposed:${type}`) || shown(`refAccepted:${type}`) || shown(`refDeclined:${type}`))
    .map((type) => {
      const accepted = count(`refAccepted:${type}`);
      const declined = count(`refDeclined:${type}`);
      const answered = (accepted.value ?? 0) + (declined.value ?? 0);
      return {
        type,
        label: STRUCTURE_TYPE_LABELS[type] ?? type,
        proposed: count(`refProposed:${type}`),
        accepted,
        declined,
        offSuggestion: count(`refOffSuggestion:${type}`),
        // Only from visible figures: a rate would otherwise give a masked count back.
        acceptRate: accepted.masked || declined.masked || answered === 0 ? null : Math.round(((accepted.value ?? 0) / answered) * 1000) / 1000,
      };
    });

  const unmetNeeds: Dashboard["unmetNeeds"] = [];
  for (const need of Object.values(Need)) {
    if (shown(`unmetNeed:${need}`))
      unmetNeeds.push({ need, label: NEED_LABELS[need], communeCode: null, communeName: null, count: count(`unmetNeed:${need}`) });
  }
  // Communes are listed only from 5 requests (readFamilyCounts drops the others): shown as counted.
  const communes = [...counts.entries()]
    .filter(([name]) => name.startsWith("unmetCommune:"))
    .map(([name, n]) => {
      const [need, communeCode] = name.slice("unmetCommune:".length).split("|") as [Need, string];
      return { need, label: NEED_LABELS[need], communeCode, communeName: communeNames.get(communeCode) ?? null, count: { value: n, masked: false } };
    })
    .sort((a, b) => b.count.value - a.count.value || a.communeCode.localeCompare(b.communeCode) || a.need.localeCompare(b.need))
    .slice(0, MAX_UNMET_COMMUNES);
  unmetNeeds.push(...communes);

  const childFigures: ChildFigure[] = children.map((child) => {
    const key = keyOf(child);
    const childCount = counter(key, figures.get(key) ?? new Map(), protection);
    return { area: child, requests: childCount("requests"), unmetRequests: childCount("unmet") };
  });

  return {
    area,
    period,
    children,
    totals: { requests: count("requests"), activeFile: count("activeFile"), newPatients: count("newPatients"), unmetRequests: count("unmet") },
    byOrigin: breakdown("origin", Object.values(RequesterKind), REQUESTER_KIND_LABELS),
    byChannel: breakdown("channel", Object.values(RequestChannel), CHANNEL_LABELS),
    byNeed: breakdown("need", Object.values(Need), NEED_LABELS),
    byUrgency: breakdown("urgency", urgencies, URGENCY_LABELS_SHORT),
    byOutcome: breakdown("outcome", Object.values(ClosureOutcome), CLOSURE_OUTCOME_LABELS),
    byMonth: monthsOf(period).map((month) => ({ month, count: count(`month:${month}`) })),
    timeToTriage: Object.fromEntries(urgencies.map((u) => [u, delayStats(`triaged:${u}`, delayOf(u), "triage")])) as Record<Urgency, DelayStats>,
    timeToFirstContact: Object.fromEntries(urgencies.map((u) => [u, delayStats(`contacted:${u}`, delayOf(u), "contact")])) as Record<Urgency, DelayStats>,
    referralsByStructureType,
    declineReasons: breakdown("declineReason", Object.values(DeclineReason), DECLINE_REASON_LABELS),
    interventionsByKind: breakdown("intervention", Object.values(InterventionKind), INTERVENTION_KIND_LABELS),
    interventionsByStructureType: [...Object.values(StructureType), "COORDINATION" as const]
      .filter((key) => shown(`interventionBy:${key}`))
      .map((key) => ({ key, label: key === "COORDINATION" ? "Coordination" : (STRUCTURE_TYPE_LABELS[key] ?? key), count: count(`interventionBy:${key}`) })),
    pallia10: palliaFigures(count("palliaScreened"), count("palliaPositive")),
    rcp: { meetingsHeld, requestsDiscussed: count("rcpDiscussed") },
    unmetNeeds,
    coverage,
    childFigures,
    smallCountsMasked: masked,
  };
}

// Only from visible figures: a share would otherwise give a masked count back.
function palliaFigures(screened: Count, positive: Count): Dashboard["pallia10"] {
  const share = screened.masked || positive.masked || !screened.value ? null : Math.round(((positive.value ?? 0) / screened.value) * 1000) / 1000;
  return { screened, positive, positiveShare: share };
}

async function communeNamesOf(db: Db, counts: AreaCounts | undefined): Promise<Map<string, string>> {
  const codes = [...new Set([...(counts?.keys() ?? [])].filter((n) => n.startsWith("unmetCommune:")).map((n) => n.split("|")[1]!))];
  if (codes.length === 0) return new Map();
  const rows = await db.commune.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}
