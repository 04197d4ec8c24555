// Zod schemas of the territory editor's forms (administrators): a territory's contact sheet, hours
// and service levels; its communes; its closures. Safe for the client; French messages per field.
// The stored shapes (ZOpeningHours, ZServiceLevels) stay the single source of the rules: the form
// only turns what people type into them and puts each rule's message at the field it concerns.
import { z } from "zod";
import { WEEKDAYS, ZOpeningHours, ZServiceLevels, CRISIS_CLOCKS, type TOpeningHours, type TServiceLevels, type TWeekday } from "@/lib/geography/schemas";
import { formatDayRanges, takeWeek, weekOrNull, weekTextFields } from "@/lib/geography/hours-text";
import { ZCalendarDay, ZIdentifier, ZRequiredText, normalizePhone } from "@/lib/text-schemas";

const DEPARTMENT_CODE = /^(?:\d{2}|2[AB]|97\d)$/;
const COMMUNE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;
const EPCI_CODE = /^\d{9}$/;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

// "12" → 12; "" → undefined (the stored schema's own message says what is missing).
const hoursField = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (blank(v) ? undefined : typeof v === "string" ? Number(v.trim()) : v), schema);

const SL = ZServiceLevels.shape;
const SERVICE_LEVEL_FIELDS = ["triageHoursCrisis", "triageHoursPlanned", "firstContactHoursCrisis", "firstContactHoursPlanned", "crisisClock"] as const;

export const ZTerritoryFields = z.object({
  name: ZRequiredText({ max: 120, label: "Nom", required: "Indiquez le nom du territoire." }),
  departmentCode: z.string({ error: "Choisissez le département." }).regex(DEPARTMENT_CODE, "Choisissez le département."),
  publicPhone: z.string({ error: "Indiquez le numéro unique du territoire." }).transform((value, ctx) => {
    if (value.trim() === "") {
      ctx.addIssue({ code: "custom", message: "Indiquez le numéro unique du territoire." });
      return z.NEVER;
    }
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "Numéro unique : numéro invalide (10 chiffres, ex. 03 29 45 12 34)." });
      return z.NEVER;
    }
    return phone;
  }),
  email: z.preprocess(
    (v) => (blank(v) ? null : typeof v === "string" ? v.trim().toLowerCase() : v),
    z.email("Messagerie : adresse invalide (ex. contact@dac-exemple.fr).").max(200, "Messagerie : 200 caractères au maximum.").nullable(),
  ),
  ...weekTextFields("hours"),
  crisisClock: z.preprocess((v) => (blank(v) ? "CALENDAR" : v), z.enum(CRISIS_CLOCKS, { error: "Indiquez comment se comptent les délais de crise." })),
  ...weekTextFields("onCall"),
  triageHoursCrisis: hoursField(SL.triageHoursCrisis),
  triageHoursPlanned: hoursField(SL.triageHoursPlanned),
  firstContactHoursCrisis: hoursField(SL.firstContactHoursCrisis),
  firstContactHoursPlanned: hoursField(SL.firstContactHoursPlanned),
  referralAnswerHours: hoursField(
    z
      .number({ error: "Délai de réponse des équipes : un nombre d'heures est attendu." })
      .int({ error: "Délai de réponse des équipes : un nombre entier d'heures est attendu." })
      .min(4, { error: "Délai de réponse des équipes : au moins 4 heures." })
      .max(240, { error: "Délai de réponse des équipes : au plus 240 heures." }),
  ),
  // A checkbox: present ("on") when ticked.
  withdrawParallelReferrals: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export type TTerritoryData = {
  name: string;
  departmentCode: string;
  publicPhone: string;
  email: string | null;
  openingHours: TOpeningHours;
  serviceLevels: TServiceLevels;
  referralAnswerHours: number;
  withdrawParallelReferrals: boolean;
};

// The rules of the stored shapes, their messages put at the form's fields: a day's rule at that
// day, « open at least half a day » at the week, a service level at its number.
function toTerritory(v: z.output<typeof ZTerritoryFields>, ctx: z.RefinementCtx): TTerritoryData {
  const { days: openingDays } = takeWeek("hours", v);
  const { days: onCallDays } = takeWeek("onCall", v);
  const field = (path: readonly PropertyKey[], week: "hours" | "onCall"): string => {
    const day = path[0];
    return typeof day === "string" && (WEEKDAYS as readonly string[]).includes(day) ? `${week}_${day as TWeekday}` : week;
  };
  const opening = ZOpeningHours.safeParse(openingDays);
  if (!opening.success) for (const issue of opening.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [field(issue.path, "hours")] });
  const onCallHours = v.crisisClock === "ON_CALL" ? weekOrNull(onCallDays) : null;
  const levels = ZServiceLevels.safeParse({ ...Object.fromEntries(SERVICE_LEVEL_FIELDS.map((k) => [k, v[k]])), onCallHours });
  if (!levels.success) {
    for (const issue of levels.error.issues) {
      const [first, ...rest] = issue.path;
      ctx.addIssue({ code: "custom", message: issue.message, path: [first === "onCallHours" ? field(rest, "onCall") : String(first ?? "_form")] });
    }
  }
  if (!opening.success || !levels.success) return z.NEVER;
  return {
    name: v.name,
    departmentCode: v.departmentCode,
    publicPhone: v.publicPhone,
    email: v.email,
    openingHours: opening.data,
    serviceLevels: levels.data,
    referralAnswerHours: v.referralAnswerHours,
    withdrawParallelReferrals: v.withdrawParallelReferrals,
  };
}

/** Creating a territory (its communes come next, on its page). */
export const ZCreateTerritory = ZTerritoryFields.transform(toTerritory);
export type TCreateTerritoryInput = z.input<typeof ZCreateTerritory>;

/** Editing one: the same fields, for the territory named. */
export const ZUpdateTerritory = ZTerritoryFields.extend({ territoryId: ZIdentifier() }).transform((v, ctx) => ({
  territoryId: v.territoryId,
  ...toTerritory(v, ctx),
}));
export type TUpdateTerritoryInput = z.input<typeof ZUpdateTerritory>;

// ——— Communes: a whole département, an EPCI (intercommunalité) or one commune, added or removed ———
export const COMMUNE_PICKS = ["department", "epci", "commune"] as const;

export const ZChangeTerritoryCommunes = z
  .object({
    territoryId: ZIdentifier(),
    operation: z.enum(["add", "remove"], { error: "Choisissez : ajouter ou retirer." }),
    pick: z.enum(COMMUNE_PICKS, { error: "Choisissez ce que vous ajoutez : un département, une intercommunalité ou une commune." }),
    pickDepartment: z.preprocess((v) => (blank(v) ? null : v), z.string().regex(DEPARTMENT_CODE, "Département inconnu.").nullable()),
    pickEpci: z.preprocess((v) => (blank(v) ? null : v), z.string().regex(EPCI_CODE, "Intercommunalité inconnue : choisissez-la dans la liste.").nullable()),
    pickCommune: z.preprocess((v) => (blank(v) ? null : v), z.string().regex(COMMUNE_CODE, "Commune inconnue : choisissez-la dans la liste.").nullable()),
    // Communes already in another territory are moved only when asked (a commune is in one at a time).
    move: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  })
  .check((ctx) => {
    const v = ctx.value;
    const missing = (path: string, message: string) => ctx.issues.push({ code: "custom", input: v, path: [path], message });
    if (v.pick === "department" && !v.pickDepartment) missing("pickDepartment", "Choisissez le département.");
    if (v.pick === "epci" && !v.pickEpci) missing("pickEpci", "Choisissez l'intercommunalité.");
    if (v.pick === "commune" && !v.pickCommune) missing("pickCommune", "Choisissez la commune dans la liste.");
  });
export type TChangeTerritoryCommunes = z.input<typeof ZChangeTerritoryCommunes>;

// ——— Closures: days the coordination is closed besides public holidays ———
export const ZAddTerritoryClosure = z.object({
  territoryId: ZIdentifier(),
  day: ZCalendarDay("Jour de fermeture"),
  label: ZRequiredText({ max: 100, label: "Motif", required: "Indiquez le motif (ex. pont, séminaire d'équipe)." }),
});
export const ZRemoveTerritoryClosure = z.object({ territoryId: ZIdentifier(), day: ZCalendarDay("Jour de fermeture") });

// ——— What the forms show: a territory as the text people edit (the inverse of the parse above) ———
type TerritoryShown = {
  name: string;
  departmentCode: string;
  publicPhone: string;
  email: string | null;
  openingHours: Partial<Record<TWeekday, readonly (readonly [string, string])[]>>;
  serviceLevels: Omit<TServiceLevels, "onCallHours"> & { onCallHours: Partial<Record<TWeekday, readonly (readonly [string, string])[]>> | null };
  referralAnswerHours: number;
  withdrawParallelReferrals: boolean;
};

/** The values of the territory form for a territory (or the usual defaults for a new one). */
export function territoryFieldValues(territory: TerritoryShown | null): Record<string, string> {
  const t = territory ?? NEW_TERRITORY;
  const week = (prefix: string, hours: TerritoryShown["openingHours"] | null) =>
    Object.fromEntries(WEEKDAYS.map((day) => [`${prefix}_${day}`, formatDayRanges(hours?.[day])]));
  const sl = t.serviceLevels;
  return {
    name: t.name,
    departmentCode: t.departmentCode,
    publicPhone: t.publicPhone,
    email: t.email ?? "",
    ...week("hours", t.openingHours),
    crisisClock: sl.crisisClock,
    ...week("onCall", sl.onCallHours),
    triageHoursCrisis: String(sl.triageHoursCrisis),
    triageHoursPlanned: String(sl.triageHoursPlanned),
    firstContactHoursCrisis: String(sl.firstContactHoursCrisis),
    firstContactHoursPlanned: String(sl.firstContactHoursPlanned),
    referralAnswerHours: String(t.referralAnswerHours),
    withdrawParallelReferrals: t.withdrawParallelReferrals ? "on" : "",
  };
}

// A new territory starts from the usual week of a coordination (weekdays, office hours) and the
// database's default service levels; the administrator changes what differs.
const OFFICE_DAY = [
  ["09:00", "12:30"],
  ["13:30", "17:30"],
] as const;
const NEW_TERRITORY: TerritoryShown = {
  name: "",
  departmentCode: "",
  publicPhone: "",
  email: null,
  openingHours: { mon: OFFICE_DAY, tue: OFFICE_DAY, wed: OFFICE_DAY, thu: OFFICE_DAY, fri: OFFICE_DAY, sat: [], sun: [] },
  serviceLevels: {
    triageHoursCrisis: 4,
    triageHoursPlanned: 24,
    firstContactHoursCrisis: 48,
    firstContactHoursPlanned: 120,
    crisisClock: "CALENDAR",
    onCallHours: null,
  },
  referralAnswerHours: 48,
  withdrawParallelReferrals: false,
};
