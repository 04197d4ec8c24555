// Zod schemas of every input on the directory (forms, CSV lines, server actions). Safe for the
// client. Messages are French and attached to the field they concern.
import { z } from "zod";
import { AgeGroup, CapacityStatus, Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import { ZOpeningHours, type TOpeningHours, type TWeekday } from "@/lib/geography/schemas";
import { ZCheckbox, ZIdentifier, ZOptionalText, cleanText, optionalPhone } from "@/lib/text-schemas";
import { parseDay } from "@/lib/time";
import { takeWeek, weekOrNull, weekTextFields } from "@/lib/geography/hours-text";

// ——— FINESS ———
// 9 characters: the département (2 digits, or 2A / 2B in Corsica), 6 digits, and a Luhn key
// computed on the 8 others, the Corsican letters counting as A = 1, B = 2 ("2A" → 21, "2B" → 22).
// Checked against published numbers: 010780195, 750712184, 540023264, 2A0000014, 2B0000020
// (see schemas.test.ts).
const FINESS_FORMAT = /^(?:\d{2}|2[AB])\d{7}$/;

export function normalizeFiness(raw: string): string {
  return raw.replace(/[\s.-]/g, "").toUpperCase();
}

export function isValidFinessKey(finess: string): boolean {
  if (!FINESS_FORMAT.test(finess)) return false;
  const digits = finess.replace("A", "1").replace("B", "2");
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const ZFiness = z
  .string()
  .transform(normalizeFiness)
  .check((ctx) => {
    if (!FINESS_FORMAT.test(ctx.value)) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: "Numéro FINESS : 9 caractères attendus, des chiffres (2A ou 2B en tête pour la Corse)." });
    } else if (!isValidFinessKey(ctx.value)) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: "Numéro FINESS invalide : la clé de contrôle ne correspond pas (faute de frappe ?)." });
    }
  });

// ——— Field helpers ———
// Empty text (or only spaces) means "not given": null in the database.
const blankToNull = (v: unknown) =>
  v === undefined || v === null ? null : typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v;

const optionalText = (max: number, label: string, multiline = false) => ZOptionalText({ max, label, multiline });

const COMMUNE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;
const DEPARTMENT_CODE = /^(?:\d{2}|2[AB]|97\d)$/;

// A list typed as text ("55, 54") or sent as an array (form checkboxes): trimmed, deduplicated, sorted.
const list = (item: z.ZodType<string, string>, max: number, tooMany: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? [] : typeof v === "string" ? v.split(/[\s,;|]+/) : Array.isArray(v) ? v : [v]),
    z
      .array(z.string())
      .transform((values) => [...new Set(values.map((x) => x.trim().toUpperCase()).filter(Boolean))].sort())
      .pipe(z.array(item).max(max, tooMany)),
  );

const checkbox = ZCheckbox;

const optionalDay = (label: string) =>
  z.preprocess(
    blankToNull,
    z.unknown().transform((value, ctx): Date | null => {
      if (value === null) return null;
      const date = value instanceof Date ? value : typeof value === "string" ? parseDay(value) : null;
      if (!date || Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: `${label} : date invalide (jj/mm/aaaa).` });
        return z.NEVER;
      }
      return date;
    }),
  );

// ——— Offers: which needs a structure serves, in which care setting ———
export const ZOffer = z.object({
  need: z.enum(Need, { error: "Besoin inconnu." }),
  setting: z.enum(PlaceOfCare, { error: "Lieu de prise en charge inconnu." }),
});
export type TOffer = z.infer<typeof ZOffer>;

const NEED_ORDER = Object.values(Need);
const SETTING_ORDER = Object.values(PlaceOfCare);
export function sortOffers(offers: readonly TOffer[]): TOffer[] {
  const key = (o: TOffer) => NEED_ORDER.indexOf(o.need) * 10 + SETTING_ORDER.indexOf(o.setting);
  const unique = new Map(offers.map((o) => [`${o.need}:${o.setting}`, o]));
  return [...unique.values()].sort((a, b) => key(a) - key(b));
}

// Form checkboxes send "PAIN:HOME"; the CSV and the code send objects.
const ZOffers = z.preprocess(
  (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(
      z.preprocess((o) => {
        if (typeof o !== "string") return o;
        const [need, setting] = o.split(":");
        return { need, setting };
      }, ZOffer),
    )
    .max(200)
    .transform(sortOffers),
);

const AGE_ORDER = Object.values(AgeGroup);

// ——— A structure: everything a coordinator or an admin edits (form and CSV alike) ———
export const ZStructureFields = z.object({
  name: z.preprocess(
    (v) => blankToNull(typeof v === "string" ? cleanText(v) : v),
    z.string({ error: "Indiquez le nom de la structure." }).max(200, "Nom : 200 caractères au maximum."),
  ),
  type: z.enum(StructureType, { error: "Choisissez le type de structure." }),
  externalId: z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, "Identifiant externe : lettres, chiffres et . _ : - seulement (100 caractères au maximum), sans espace.")
      .nullable(),
  ),
  finess: z.preprocess(blankToNull, ZFiness.nullable()),
  territoryId: z.preprocess(blankToNull, ZIdentifier().nullable()),
  addressCommuneCode: z.preprocess(blankToNull, z.string().regex(COMMUNE_CODE, "Commune de l'adresse : choisissez-la dans la liste (code INSEE).").nullable()),
  address: optionalText(300, "Adresse"),
  coverageCommuneCodes: list(
    z.string().regex(COMMUNE_CODE, "Communes couvertes : codes INSEE à 5 caractères attendus (ex. 55029)."),
    5000,
    "Communes couvertes : 5 000 au plus ; couvrez plutôt un département ou un territoire.",
  ),
  coverageDepartmentCodes: list(
    z.string().regex(DEPARTMENT_CODE, "Départements couverts : codes attendus (ex. 55, 2A, 974)."),
    101,
    "Départements couverts : 101 au plus.",
  ),
  coverageTerritoryIds: z.preprocess(
    (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(ZIdentifier())
      .max(200)
      .transform((ids) => [...new Set(ids)].sort()),
  ),
  ageGroups: z.preprocess(
    (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(AgeGroup, { error: "Public inconnu." }))
      .min(1, "Cochez au moins un public (adultes, enfants).")
      .transform((groups) => [...new Set(groups)].sort((a, b) => AGE_ORDER.indexOf(a) - AGE_ORDER.indexOf(b))),
  ),
  offers: ZOffers,
  phone: optionalPhone("Ligne directe"),
  secureEmail: z.preprocess(
    (v) => (typeof blankToNull(v) === "string" ? (blankToNull(v) as string).toLowerCase() : blankToNull(v)),
    z.email("Messagerie sécurisée : adresse invalide (ex. equipe@ch-exemple.mssante.fr).").max(200).nullable(),
  ),
  openingHours: z.preprocess((v) => v ?? null, ZOpeningHours.nullable()),
  hoursNote: optionalText(300, "Précision sur les horaires"),
  onCall24h: checkbox,
  referentName: optionalText(150, "Référent"),
  referentPhone: optionalPhone("Téléphone du référent"),
  backupName: optionalText(150, "Suppléant"),
  backupPhone: optionalPhone("Téléphone du suppléant"),
  beds: z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: "Lits : un nombre entier est attendu." })
      .int("Lits : un nombre entier est attendu.")
      .min(1, "Lits : au moins 1 (laissez vide sinon).")
      .max(500, "Lits : 500 au plus.")
      .nullable(),
  ),
  capacityStatus: z.preprocess((v) => blankToNull(v) ?? "AVAILABLE", z.enum(CapacityStatus, { error: "Disponibilité inconnue." })),
  capacitySince: optionalDay("Depuis le"),
  capacityConfirmedAt: optionalDay("Confirmée le"),
  description: optionalText(2000, "Description", true),
  active: z.preprocess((v) => (v === undefined || v === null ? true : v), z.boolean()),
});

const COVERAGE_KEYS = ["coverageCommuneCodes", "coverageDepartmentCodes", "coverageTerritoryIds"] as const;
const coverageRequired = (v: Partial<Record<(typeof COVERAGE_KEYS)[number], unknown>>) => COVERAGE_KEYS.some((k) => Array.isArray(v[k]) && v[k].length > 0);
// Checked even when other fields are wrong (zod skips refinements after an issue by default), so
// that the person sees every mistake at once; only skipped when a coverage list is itself wrong.
const COVERAGE_CHECK = {
  path: ["coverage"],
  message: "Indiquez la zone couverte : des communes, des départements ou des territoires.",
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((i) => (COVERAGE_KEYS as readonly PropertyKey[]).includes(i.path?.[0] ?? "")),
};

/** A whole structure (creation, full edit, CSV line). */
export const ZStructure = ZStructureFields.refine(coverageRequired, COVERAGE_CHECK);
export type TStructureInput = z.input<typeof ZStructure>;
export type TStructureData = z.infer<typeof ZStructure>;

// ——— The forms ———
// Opening hours come as one text field per day ("hours_mon": "08:30-12:00, 13:30-17:30"); each day's
// mistakes are shown at its field.
const hourFields = weekTextFields("hours");

function withHours<T extends Record<string, unknown>>(value: T): Omit<T, `hours_${TWeekday}`> & { openingHours: TOpeningHours | null } {
  const { rest, days } = takeWeek("hours", value);
  return { ...rest, openingHours: weekOrNull(days) };
}

// Optimistic concurrency: every change carries the version the user saw.
const ZVersion = z.coerce.number({ error: "Version manquante." }).int().min(0);
const ZId = ZIdentifier();

/** The creation form. */
export const ZCreateStructureForm = ZStructureFields.omit({ openingHours: true, active: true, capacityConfirmedAt: true })
  .extend(hourFields)
  .refine(coverageRequired, COVERAGE_CHECK)
  .transform(withHours);

/** The full edit form (coordinators, admins). Capacity has its own form (it confirms the date). */
export const ZUpdateStructureForm = ZStructureFields.omit({
  openingHours: true,
  active: true,
  capacityStatus: true,
  capacitySince: true,
  capacityConfirmedAt: true,
})
  .extend(hourFields)
  .extend({ structureId: ZId, version: ZVersion })
  .refine(coverageRequired, COVERAGE_CHECK)
  .transform(withHours);

/** What a team member may change on their own structure: how to reach them. */
export const CONTACT_FIELDS = [
  "phone",
  "secureEmail",
  "openingHours",
  "hoursNote",
  "onCall24h",
  "referentName",
  "referentPhone",
  "backupName",
  "backupPhone",
] as const;

export const ZUpdateContactsForm = ZStructureFields.pick({
  phone: true,
  secureEmail: true,
  hoursNote: true,
  onCall24h: true,
  referentName: true,
  referentPhone: true,
  backupName: true,
  backupPhone: true,
})
  .extend(hourFields)
  .extend({ structureId: ZId, version: ZVersion })
  .transform(withHours);

/** Capacity: the status, since when (defaults to today when it changes); saving confirms it today. */
export const ZUpdateCapacity = z.object({
  structureId: ZId,
  version: ZVersion,
  capacityStatus: z.enum(CapacityStatus, { error: "Choisissez la disponibilité." }),
  capacitySince: optionalDay("Depuis le"),
});

export const ZStructureRef = z.object({ structureId: ZId, version: ZVersion });

// ——— The search page's address (/annuaire?commune=55029&besoin=PAIN…) ———
// Unknown values are dropped (an old bookmark still opens the page), never an error.
const optionalParam = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
export const ZDirectorySearchParams = z.object({
  commune: optionalParam(z.string().regex(COMMUNE_CODE)),
  besoin: optionalParam(z.enum(Need)),
  type: optionalParam(z.enum(StructureType)),
  lieu: optionalParam(z.enum(PlaceOfCare)),
  apres: optionalParam(
    z
      .string()
      .max(500)
      .refine((v) => cleanText(v) === v),
  ),
  inactives: optionalParam(z.literal("1")),
});
