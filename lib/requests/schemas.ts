// Zod schemas of every input on requests, shared by the forms (client) and the server actions.
// Messages are French and attached to the field they concern.
import { z } from "zod";
import { cleanText, ZCalendarDay, ZCheckbox, ZIdentifier, ZRequiredText, ZText } from "@/lib/text-schemas";
import {
  CancelReason,
  ClosureOutcome,
  ConsentMethod,
  IdentityStatus,
  InterventionKind,
  Need,
  PlaceOfCare,
  RequesterKind,
  Sex,
  Urgency,
} from "@/lib/generated/prisma/enums";
import { checkInsMatricule } from "@/lib/patients/ins";
import { PALLIA10_OPTIONAL_FIELDS } from "@/lib/screening/schemas";

// One-line fields (names, relation) and multi-line ones (details, notes, summaries): control
// characters removed, see lib/text-schemas.ts.
const text = (max: number, label: string) => ZText({ max, label });
const longText = (max: number, label: string) => ZText({ max, label, multiline: true });
const requiredText = (max: number, required: string, label: string) => ZRequiredText({ max, label, required });
const requiredLongText = (max: number, required: string, label: string) => ZRequiredText({ max, label, required, multiline: true });

// French phone numbers: 10 digits starting with 0, or +33 followed by 9 digits; spaces, dots and
// dashes allowed. Stored as typed (trimmed).
export const ZPhone = z
  .string()
  .overwrite((v) => cleanText(v))
  .trim()
  .min(1, "Indiquez un numéro de téléphone.")
  .refine((v) => /^(?:0\d{9}|\+33\d{9})$/.test(v.replace(/[\s.-]/g, "")), "Numéro de téléphone invalide (ex. 06 12 34 56 78).");

export const ZCommuneCode = z
  .string({ error: "Choisissez la commune dans la liste." })
  .trim()
  .regex(/^(?:\d{5}|2[AB]\d{3})$/, "Choisissez la commune dans la liste.");

export const ZNeeds = z
  .array(z.enum(Need, { error: "Besoin inconnu." }), { error: "Cochez au moins un besoin." })
  .min(1, "Cochez au moins un besoin.")
  .transform((needs) => [...new Set(needs)]);

// dd/mm/yyyy is what users type; the date input sends yyyy-mm-dd. Both are accepted.
export const ZBirthDate = z
  .string({ error: "Indiquez la date de naissance." })
  .trim()
  .min(1, "Indiquez la date de naissance.")
  .transform((value, ctx) => {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : [];
    const date = y && m && d ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null;
    if (!date || date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) {
      ctx.addIssue({ code: "custom", message: "Date de naissance invalide (jj/mm/aaaa)." });
      return z.NEVER;
    }
    if (date.getTime() > Date.now() || date.getUTCFullYear() < 1900) {
      ctx.addIssue({ code: "custom", message: "La date de naissance doit être passée et postérieure à 1900." });
      return z.NEVER;
    }
    return date;
  });

export const ZPatientIdentity = z.object({
  birthName: requiredText(100, "Indiquez le nom de naissance.", "Nom de naissance"),
  firstNames: requiredText(150, "Indiquez le ou les prénoms.", "Prénoms"),
  birthDate: ZBirthDate,
  sex: z.enum(Sex, { error: "Indiquez le sexe." }),
});

const checkbox = ZCheckbox;

// The GP's web form (and the IDEC's phone intake, which adds the caller below).
export const ZFileRequest = ZPatientIdentity.extend({
  communeCode: ZCommuneCode,
  placeOfCare: z.enum(PlaceOfCare, { error: "Indiquez le lieu de prise en charge." }),
  needs: ZNeeds,
  urgency: z.enum(Urgency, { error: "Indiquez l'urgence." }),
  details: longText(4000, "Précisions").optional(),
  consentCoordination: checkbox.refine((v) => v, "Le consentement du patient à la coordination est nécessaire."),
  // PALLIA-10, optional while filing: the ten answers or none (checked by the use case with
  // ZPallia10Answers, each missing one at its question).
  ...PALLIA10_OPTIONAL_FIELDS,
});
export type TFileRequest = z.infer<typeof ZFileRequest>;

// A request taken by phone (or secure mail) by a coordinator, for a GP or a family.
export const ZPhoneIntake = ZFileRequest.extend({
  channel: z.enum(["PHONE", "MAIL"], { error: "Indiquez le canal." }),
  requesterKind: z.enum(RequesterKind, { error: "Indiquez qui appelle." }),
  requesterName: requiredText(150, "Indiquez le nom de l'appelant.", "Nom de l'appelant"),
  requesterPhone: ZPhone,
  requesterRelation: text(100, "Lien avec le patient").optional(),
});
export type TPhoneIntake = z.infer<typeof ZPhoneIntake>;

// The public form: patients, families and carers, no account.
export const ZPublicContact = z.object({
  requesterName: requiredText(150, "Indiquez votre nom.", "Nom"),
  requesterPhone: ZPhone,
  requesterRelation: requiredText(100, "Indiquez votre lien avec la personne malade.", "Lien"),
  communeCode: ZCommuneCode,
  needs: ZNeeds,
  details: longText(2000, "Message").optional(),
  consentCoordination: checkbox.refine((v) => v, "Votre accord est nécessaire pour que l'équipe de coordination vous rappelle."),
});
export type TPublicContact = z.infer<typeof ZPublicContact>;

// Optimistic concurrency: every change carries the version the user saw.
const ZVersion = z.coerce.number({ error: "Version manquante." }).int().min(0);
const ZId = ZIdentifier();

export const ZRequestId = z.object({ requestId: ZId });
export const ZRequestRef = ZRequestId.extend({ version: ZVersion });

export const ZAddNote = ZRequestRef.extend({ body: requiredLongText(4000, "Écrivez la note.", "Note") });

export const ZOrientRequest = ZRequestRef.extend({
  structureIds: z.array(ZId, { error: "Choisissez au moins une structure." }).min(1, "Choisissez au moins une structure.").max(10),
  note: longText(2000, "Message aux équipes").optional(),
  // Required by the server when a chosen structure is outside the routing's top suggestions
  // (lib/routing/suggestion-rank.ts); stored on those referrals. Empty = not given.
  overrideReason: longText(1000, "Motif du choix hors suggestions").optional(),
});

// One click on a routing suggestion: one structure (its name only for the confirmation).
export const ZOrientToSuggestion = ZRequestRef.extend({
  structureId: ZId,
  structureName: text(300, "Structure").optional(),
  overrideReason: ZOrientRequest.shape.overrideReason,
});

export const ZCancelRequest = ZRequestRef.extend({
  reason: z.enum(CancelReason, { error: "Indiquez le motif d'annulation." }),
  details: requiredLongText(1000, "Précisez le motif (ex. numéro de la demande en double).", "Précisions"),
});

export const ZCloseRequest = ZRequestRef.extend({
  outcome: z.enum(ClosureOutcome, { error: "Indiquez l'issue de la demande." }),
  summary: requiredLongText(4000, "Rédigez la synthèse pour le médecin.", "Synthèse"),
});

export const ZReopenRequest = ZRequestRef.extend({ reason: requiredLongText(1000, "Indiquez pourquoi la demande est rouverte.", "Motif") });

// A request hors territoire given to a territory (the coordinators of its département, the administrators).
export const ZAssignTerritory = ZRequestRef.extend({
  territoryId: ZIdentifier({ missing: "Choisissez le territoire." }),
});

// Team side.
export const ZReferralRef = z.object({ referralId: ZId, version: ZVersion });

// Parallel referrals: once a team accepted, the coordinator withdraws the other proposed ones.
export const ZWithdrawParallelReferrals = ZRequestRef.extend({
  referralIds: z.array(ZId, { error: "Cochez au moins une orientation à retirer." }).min(1, "Cochez au moins une orientation à retirer.").max(10),
});

export const ZDeclineReferral = ZReferralRef.extend({
  reason: z.enum(["OUTSIDE_AREA", "NOT_OUR_SERVICE", "FULL", "PATIENT_REFUSED", "OTHER"], { error: "Indiquez le motif du refus." }),
  details: longText(1000, "Précisions").optional(),
}).refine((v) => v.reason !== "OTHER" || Boolean(v.details), { path: ["details"], message: "Précisez le motif du refus." });

export const ZRecordFirstContact = ZReferralRef.extend({
  contactDate: z
    .string({ error: "Indiquez la date du premier contact." })
    .min(1, "Indiquez la date du premier contact.")
    .transform((value, ctx) => {
      const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(Number.NaN);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: "Date invalide." });
        return z.NEVER;
      }
      return date;
    }),
});

export const ZReferralNote = ZReferralRef.extend({
  kind: z.enum(["INTERVENTION", "FEEDBACK"], { error: "Indiquez le type de note." }),
  body: requiredLongText(4000, "Écrivez la note.", "Note"),
});

export const ZCompleteReferral = ZReferralRef.extend({ feedback: requiredLongText(4000, "Rédigez un retour pour le médecin.", "Retour") });

// What happens to the patient during care (a team in charge or a coordinator): hospitalised (where,
// since), back home, moved to a nursing home (where), deceased (the date). On the request's page
// (requestId) or the team's referral page (referralId).
export const PATIENT_EVENT_KINDS = ["HOSPITALISED", "BACK_HOME", "NURSING_HOME", "DECEASED"] as const;
export const ZReportPatientEvent = z
  .object({
    requestId: ZId.optional(),
    referralId: ZId.optional(),
    kind: z.enum(PATIENT_EVENT_KINDS, { error: "Indiquez ce qui s'est passé." }),
    day: ZCalendarDay("Date"),
    place: text(200, "Lieu").optional(),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (!v.requestId && !v.referralId) ctx.issues.push({ code: "custom", input: v, path: ["requestId"], message: "Demande manquante." });
    if ((v.kind === "HOSPITALISED" || v.kind === "NURSING_HOME") && !v.place?.trim())
      ctx.issues.push({
        code: "custom",
        input: v,
        path: ["place"],
        message: v.kind === "HOSPITALISED" ? "Indiquez l'établissement (ex. CH de Verdun, service)." : "Indiquez l'établissement (ex. EHPAD Les Tilleuls).",
      });
  });
export type TReportPatientEvent = z.input<typeof ZReportPatientEvent>;

// An intervention a team (on its referral) or the coordination (on the request) records.
export const ZRecordIntervention = z
  .object({
    requestId: ZId.optional(),
    referralId: ZId.optional(),
    kind: z.enum(InterventionKind, { error: "Indiquez le type d'intervention." }),
    day: ZCalendarDay("Date"),
    minutes: z.preprocess(
      (v) => (v === "" || v === undefined || v === null ? undefined : Number(v)),
      z
        .number({ error: "Indiquez la durée en minutes." })
        .int("Indiquez la durée en minutes entières.")
        .min(1, "Indiquez la durée en minutes (au moins 1).")
        .max(720, "Une durée de plus de 12 heures : enregistrez plusieurs interventions."),
    ),
    note: longText(1000, "Précisions").optional(),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (!v.requestId && !v.referralId) ctx.issues.push({ code: "custom", input: v, path: ["requestId"], message: "Demande manquante." });
  });
export type TRecordIntervention = z.input<typeof ZRecordIntervention>;

// The coordinator corrects what the request says — urgency, place of care, needs — with the reason.
export const ZRequalifyRequest = ZRequestRef.extend({
  urgency: z.enum(Urgency, { error: "Indiquez l'urgence." }),
  placeOfCare: z.enum(PlaceOfCare, { error: "Indiquez le lieu de prise en charge." }),
  needs: ZNeeds,
  reason: requiredLongText(1000, "Indiquez pourquoi (ex. appel de la famille : douleur contrôlée depuis hier).", "Motif"),
});

// A consent to sharing with one structure (or all those the coordination solicits), or a refusal —
// a withdrawal is a refusal recorded after a consent.
// The consent's object (`structureId`): "COORDINATION" = the coordination of the patient's care
// itself; "ALL" = sharing with every structure the coordination solicits; else one structure.
export const COORDINATION_CONSENT = "COORDINATION";
export const ZRecordSharingConsent = ZRequestRef.extend({
  structureId: z.preprocess((v) => (v === "ALL" ? null : v), ZIdentifier({ missing: "Choisissez l'objet du consentement." }).nullable()),
  granted: z.enum(["yes", "no"], { error: "Indiquez si le patient consent ou refuse." }).transform((v) => v === "yes"),
  method: z.enum(ConsentMethod, { error: "Indiquez comment le patient s'est exprimé." }),
  representativeName: text(150, "Représentant").optional(),
  note: longText(1000, "Précisions").optional(),
})
  .check((ctx) => {
    const v = ctx.value;
    if (v.method === "REPRESENTATIVE" && !v.representativeName?.trim())
      ctx.issues.push({
        code: "custom",
        input: v,
        path: ["representativeName"],
        message: "Indiquez qui a parlé pour le patient (ex. sa personne de confiance).",
      });
  })
  .transform(({ structureId, ...v }) =>
    structureId === COORDINATION_CONSENT ? { ...v, purpose: "COORDINATION" as const, structureId: null } : { ...v, purpose: "SHARING" as const, structureId },
  );
export type TRecordSharingConsent = z.input<typeof ZRecordSharingConsent>;

// The coordinator identifies the patient of a request (public form, phone) or corrects it: the
// strict traits of the INS, the birth place, the INS itself and the identity status. `decision`:
// "search" first (possible duplicates are proposed), then "link" to one of them or "create".
export const ZIdentifyPatient = ZRequestRef.extend({
  ...ZPatientIdentity.shape,
  bornAbroad: checkbox,
  birthPlaceCode: z.preprocess((v) => (v === "" ? undefined : v), ZCommuneCode.optional()),
  insMatricule: text(30, "Matricule INS").optional(),
  insKind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["NIR", "NIA"], { error: "Indiquez s'il s'agit d'un NIR ou d'un NIA." }).optional()),
  identityStatus: z.enum(IdentityStatus, { error: "Indiquez le statut de l'identité." }),
  decision: z.preprocess(
    (v) => (v === "" || v === undefined ? "search" : v),
    z.enum(["search", "link", "create"], { error: "Choisissez comment enregistrer l'identité." }),
  ),
  linkPatientId: z.preprocess((v) => (v === "" ? undefined : v), ZId.optional()),
}).check((ctx) => {
  const v = ctx.value;
  const issue = (path: string, message: string) => ctx.issues.push({ code: "custom", input: v, path: [path], message });
  if (!v.bornAbroad && !v.birthPlaceCode) issue("birthPlaceCode", "Indiquez la commune de naissance, ou cochez « Né(e) à l'étranger ».");
  const matricule = v.insMatricule?.trim();
  if (matricule) {
    const checked = checkInsMatricule(matricule, { sex: v.sex, birthDate: v.birthDate });
    if (!checked.ok) issue("insMatricule", checked.message);
    if (!v.insKind) issue("insKind", "Indiquez s'il s'agit d'un NIR ou d'un NIA.");
  } else if (v.identityStatus === "RECOVERED" || v.identityStatus === "QUALIFIED") {
    issue("insMatricule", "Une identité récupérée ou qualifiée a son INS : saisissez le matricule (téléservice INSi).");
  }
  if (v.decision === "link" && !v.linkPatientId) issue("linkPatientId", "Choisissez le patient auquel rattacher la demande.");
});
export type TIdentifyPatient = z.input<typeof ZIdentifyPatient>;

// Two records of the same person: the duplicate's requests join the request's patient.
export const ZMergePatient = ZRequestRef.extend({ duplicateId: ZId });

// The patient's care circle: the carer, the trusted person, their own professionals.
export const CARE_CONTACT_ROLES = ["CARER", "TRUSTED_PERSON", "GP", "HOME_NURSE", "PHARMACIST", "PHYSIOTHERAPIST", "OTHER_PROFESSIONAL"] as const;
export const ZAddCareContact = ZRequestId.extend({
  role: z.enum(CARE_CONTACT_ROLES, { error: "Indiquez qui est cette personne pour le patient." }),
  name: requiredText(150, "Indiquez le nom.", "Nom"),
  phone: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), ZPhone.optional()),
  note: text(200, "Précisions").optional(),
});
export type TAddCareContact = z.input<typeof ZAddCareContact>;
export const ZRemoveCareContact = ZRequestId.extend({ contactId: ZId });
