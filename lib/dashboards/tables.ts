// Every table of a dashboard, described once and rendered three ways: HTML on the page, CSV in the
// export, PDF in the yearly report. Built from the aggregate Dashboard only, so no output can show
// more than the page (no identity, no free text; masked counts stay "< 5" everywhere).
import type { CsvValue } from "@/lib/dashboards/csv";
import type { ChildFigure, Count, Dashboard, DelayStats } from "@/lib/dashboards/types";
import {
  DELAY_BASIS_LABELS,
  formatCount,
  formatDecimal,
  formatHours,
  formatInteger,
  formatMonth,
  formatRate,
  isMasked,
  maskedMeaning,
} from "@/lib/dashboards/format";

// `value` is what the CSV export writes (lib/dashboards/csv: a Count keeps its mask there too).
export type Cell = { text: string; value: CsvValue; numeric: boolean; masked?: string };

export type TableSpec = {
  id: TableId;
  title: string;
  headers: string[];
  rows: Cell[][];
  note?: string;
};

export const TABLE_IDS = [
  "synthese",
  "zones",
  "mois",
  "origine",
  "canal",
  "besoin",
  "urgence",
  "issue",
  "delais",
  "orientations",
  "refus",
  "interventions",
  "interventions-structures",
  "pallia10",
  "rcp",
  "besoins-non-couverts",
  "couverture",
] as const;
export type TableId = (typeof TABLE_IDS)[number];

const text = (value: string): Cell => ({ text: value, value, numeric: false });
const count = (value: Count): Cell => ({ text: formatCount(value), value, numeric: true, masked: isMasked(value) ? maskedMeaning(value) : undefined });
const integer = (value: number): Cell => ({ text: formatInteger(value), value, numeric: true });
const decimal = (value: number): Cell => ({ text: formatDecimal(value), value: Math.round(value * 10) / 10, numeric: true });
const hours = (value: number | null): Cell => ({ text: formatHours(value), value, numeric: true });
const rate = (value: number | null): Cell => ({ text: formatRate(value), value: value === null ? null : Math.round(value * 100), numeric: true });
const yesNo = (value: boolean): Cell => text(value ? "Oui" : "Non");

function breakdown(id: TableId, title: string, keyHeader: string, rows: { label: string; count: Count }[], countHeader = "Demandes"): TableSpec {
  return { id, title, headers: [keyHeader, countHeader], rows: rows.map((r) => [text(r.label), count(r.count)]) };
}

const URGENCY_NAMES = { CRISIS: "Crise", PLANNED: "Programmée" } as const;

function delayRows(kind: string, stats: Record<"CRISIS" | "PLANNED", DelayStats>): Cell[][] {
  return (["CRISIS", "PLANNED"] as const).map((u) => [
    text(kind),
    text(URGENCY_NAMES[u]),
    count(stats[u].measured),
    hours(stats[u].medianHours),
    hours(stats[u].p90Hours),
    text(DELAY_BASIS_LABELS[stats[u].basis]),
  ]);
}

export function dashboardTables(d: Dashboard): TableSpec[] {
  const zones: ChildFigure[] = d.childFigures ?? [];
  const tables: TableSpec[] = [
    {
      id: "synthese",
      title: "Chiffres clés",
      headers: ["Indicateur", "Valeur"],
      rows: [
        [text("Demandes reçues"), count(d.totals.requests)],
        [text("File active (patients suivis)"), count(d.totals.activeFile)],
        [text("Nouveaux patients"), count(d.totals.newPatients)],
        [text("Demandes avec un besoin non couvert"), count(d.totals.unmetRequests)],
      ],
    },
  ];
  if (zones.length > 0) {
    tables.push({
      id: "zones",
      title: "Demandes par zone",
      headers: ["Zone", "Demandes", "Demandes avec un besoin non couvert"],
      rows: zones.map((z) => [text(z.area.name), count(z.requests), count(z.unmetRequests)]),
    });
  }
  tables.push(
    { id: "mois", title: "Demandes par mois", headers: ["Mois", "Demandes"], rows: d.byMonth.map((m) => [text(formatMonth(m.month)), count(m.count)]) },
    breakdown("origine", "Demandes par origine", "Origine", d.byOrigin),
    breakdown("canal", "Demandes par canal", "Canal", d.byChannel),
    breakdown("besoin", "Demandes par besoin", "Besoin", d.byNeed),
    breakdown("urgence", "Demandes par urgence", "Urgence", d.byUrgency),
    breakdown("issue", "Demandes clôturées par issue", "Issue", d.byOutcome, "Demandes clôturées"),
    {
      id: "delais",
      title: "Délais de réponse (en heures)",
      headers: ["Délai", "Urgence", "Demandes mesurées", "Médiane (h)", "90e centile (h)", "Décompte"],
      rows: [...delayRows("Jusqu'à la prise en charge", d.timeToTriage), ...delayRows("Jusqu'au premier contact", d.timeToFirstContact)],
      note: "Médiane : la moitié des demandes ont eu une réponse plus rapide. 90e centile : 9 demandes sur 10 ont eu une réponse plus rapide.",
    },
    {
      id: "orientations",
      title: "Orientations par type de structure",
      headers: ["Type de structure", "Proposées", "Acceptées", "Refusées", "Taux d'acceptation (%)", "Hors suggestions"],
      rows: d.referralsByStructureType.map((r) => [
        text(r.label),
        count(r.proposed),
        count(r.accepted),
        count(r.declined),
        rate(r.acceptRate),
        count(r.offSuggestion),
      ]),
      note: "Hors suggestions : structures choisies par la coordination en dehors des propositions de l'annuaire, avec sa raison.",
    },
    breakdown("refus", "Motifs de refus des orientations", "Motif", d.declineReasons, "Orientations refusées"),
    {
      ...breakdown("interventions", "Interventions par type", "Type d'intervention", d.interventionsByKind, "Interventions"),
      note: "Interventions enregistrées par les équipes et la coordination, comptées avec les demandes de la période.",
    },
    {
      id: "interventions-structures",
      title: "Interventions par type de structure",
      headers: ["Réalisées par", "Interventions"],
      rows: d.interventionsByStructureType.map((r) => [text(r.label), count(r.count)]),
    },
    {
      id: "pallia10",
      title: "Repérage PALLIA-10",
      headers: ["Indicateur", "Valeur"],
      rows: [
        [text("Demandes avec un PALLIA-10"), count(d.pallia10.screened)],
        [text("dont plus de 3 « oui » (équipe spécialisée indiquée)"), count(d.pallia10.positive)],
        [text("Part des PALLIA-10 positifs (%)"), rate(d.pallia10.positiveShare)],
      ],
      note: "PALLIA-10 (SFAP) : le dernier rempli pour chaque demande, par le médecin au dépôt ou par la coordination.",
    },
    {
      id: "rcp",
      title: "RCP soins de support",
      headers: ["Indicateur", "Valeur"],
      rows: [
        [text("RCP tenues (au moins un dossier discuté)"), integer(d.rcp.meetingsHeld)],
        [text("Demandes de la période discutées en RCP"), count(d.rcp.requestsDiscussed)],
      ],
    },
    {
      id: "besoins-non-couverts",
      title: "Besoins non couverts",
      headers: ["Besoin", "Commune", "Code commune", "Demandes"],
      rows: d.unmetNeeds.map((u) => [text(u.label), text(u.communeName ?? "Toutes communes"), text(u.communeCode ?? ""), count(u.count)]),
      note: "Besoins pour lesquels aucune structure de l'annuaire ne pouvait intervenir au moment de l'orientation.",
    },
    {
      id: "couverture",
      title: "Couverture au regard des normes nationales",
      headers: [
        "Zone",
        "Population",
        "Équipes mobiles de soins palliatifs",
        "Équipes pour 200 000 hab.",
        "Norme (pour 200 000 hab.)",
        "Norme atteinte (équipes)",
        "Lits identifiés de soins palliatifs",
        "Lits pour 100 000 hab.",
        "Norme (pour 100 000 hab.)",
        "Norme atteinte (lits)",
        "USP",
        "Territoires dotés d'une USP",
        "Norme atteinte (1 USP par territoire)",
        "Réseaux de soins palliatifs",
        "Territoires dotés d'un réseau",
        "Norme atteinte (1 réseau par territoire)",
      ],
      rows: d.coverage.map((c) => [
        text(c.area.name),
        integer(c.population),
        integer(c.mobileTeams),
        decimal(c.mobileTeamsPer200k),
        decimal(c.mobileTeamsNorm),
        yesNo(c.meetsMobileTeamNorm),
        integer(c.palliativeBeds),
        decimal(c.palliativeBedsPer100k),
        decimal(c.palliativeBedsNorm),
        yesNo(c.meetsBedNorm),
        integer(c.usps),
        text(`${formatInteger(c.territoriesWithUsp)} sur ${formatInteger(c.territories)}`),
        yesNo(c.meetsUspNorm),
        integer(c.palliativeNetworks),
        text(`${formatInteger(c.territoriesWithNetwork)} sur ${formatInteger(c.territories)}`),
        yesNo(c.meetsNetworkNorm),
      ]),
    },
  );
  return tables;
}

export function tableById(tables: TableSpec[], id: string): TableSpec | undefined {
  return tables.find((t) => t.id === id);
}
