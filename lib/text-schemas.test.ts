// Fuzz of every text field of every form schema: control characters (NUL first: PostgreSQL refuses
// it) never come out of a schema, and a field they make invalid is refused at that field, in French.
// Every exported Z… schema of the form modules must be listed below (or in NO_SAMPLE with a reason),
// so that a new form cannot escape the fuzz.
import { describe, expect, test } from "vitest";
import { z } from "zod";
import * as auth from "@/lib/auth/schemas";
import * as directory from "@/lib/directory/schemas";
import * as geography from "@/lib/geography/schemas";
import * as requests from "@/lib/requests/schemas";
import * as queue from "@/lib/requests/coordination-queue";
import * as communes from "@/lib/requests/commune-options";
import * as notifications from "@/lib/notifications/schemas";
import * as users from "@/lib/users/schemas";
import * as routingRules from "@/lib/routing/rules-schema";
import * as updateRules from "@/lib/routing/update-rules";
import * as messages from "@/lib/messages/schemas";
import * as territories from "@/lib/territories/schemas";
import * as screening from "@/lib/screening/schemas";
import * as rcp from "@/lib/rcp/schemas";
import { DEFAULT_ROUTING_RULES } from "@/lib/routing/default-rules";
import { cleanText, hasControlChars } from "@/lib/text-schemas";

const PATIENT = { birthName: "Durand", firstNames: "Jeanne", birthDate: "1950-03-12", sex: "FEMALE" };
const REQUEST = {
  ...PATIENT,
  communeCode: "55029",
  placeOfCare: "HOME",
  needs: ["PAIN"],
  urgency: "CRISIS",
  details: "Douleur non contrôlée",
  consentCoordination: "on",
};
const REQUEST_REF = { requestId: "req_1", version: "0" };
const REFERRAL_REF = { referralId: "ref_1", version: "0" };
const HOURS = { hours_mon: "08:30-12:00, 13:30-17:30", hours_tue: "", hours_wed: "", hours_thu: "", hours_fri: "", hours_sat: "", hours_sun: "" };
const TERRITORY = {
  name: "Meuse Argonne",
  departmentCode: "55",
  publicPhone: "03 53 01 55 77",
  email: "contact@dac-exemple.fr",
  ...HOURS,
  crisisClock: "CALENDAR",
  triageHoursCrisis: "4",
  triageHoursPlanned: "24",
  firstContactHoursCrisis: "24",
  firstContactHoursPlanned: "72",
  referralAnswerHours: "48",
};
const STRUCTURE = {
  name: "EMSP Bar-le-Duc",
  type: "EMSP",
  externalId: "emsp-bld",
  finess: "550000012",
  territoryId: "ter_1",
  addressCommuneCode: "55029",
  address: "1 boulevard d'Argonne",
  coverageCommuneCodes: "55029, 55545",
  coverageDepartmentCodes: "55",
  coverageTerritoryIds: ["ter_1"],
  ageGroups: ["ADULT"],
  offers: ["PAIN:HOME"],
  phone: "03 53 01 55 31",
  secureEmail: "emsp@ch-bld.mssante.fr",
  hoursNote: "Astreinte le week-end",
  onCall24h: "on",
  referentName: "Dr Martin",
  referentPhone: "03 53 01 55 32",
  backupName: "Mme Petit",
  backupPhone: "03 53 01 55 33",
  beds: "",
  capacityStatus: "AVAILABLE",
  capacitySince: "",
  description: "Équipe mobile\nSoins palliatifs",
};
const WEEK = { mon: [["08:00", "20:00"]], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

// A valid input of each form schema, as its form (or route, or CSV line) sends it.
const SAMPLES: Record<string, { schema: z.ZodType; sample: Record<string, unknown> }> = {
  ZSignIn: { schema: auth.ZSignIn, sample: { email: "medecin@demo.maillage.fr", password: "Maillage-demo-2026" } },
  ZNewPassword: { schema: auth.ZNewPassword, sample: { password: "girafe-pendule-orage-31", confirmation: "girafe-pendule-orage-31" } },
  ZAcceptInvitation: {
    schema: auth.ZAcceptInvitation,
    sample: { token: "Ab3_x-9", password: "girafe-pendule-orage-31", confirmation: "girafe-pendule-orage-31" },
  },
  ZForgotPassword: { schema: auth.ZForgotPassword, sample: { email: "medecin@demo.maillage.fr" } },
  ZCreateUser: {
    schema: users.ZCreateUser,
    sample: {
      name: "Anne Quelvennec",
      email: "anne@exemple.fr",
      role: "TEAM_MEMBER",
      rpps: "10000000009",
      phone: "03 29 45 12 34",
      structureIds: ["str_1"],
      territoryIds: [],
    },
  },
  ZUpdateUser: {
    schema: users.ZUpdateUser,
    sample: { userId: "usr_1", name: "Anne Quelvennec", role: "COORDINATOR", rpps: "", phone: "", territoryIds: ["ter_1"], structureIds: [] },
  },
  ZUserId: { schema: users.ZUserId, sample: { userId: "usr_1" } },
  ZSetUserActive: { schema: users.ZSetUserActive, sample: { userId: "usr_1", active: "false" } },
  ZProfile: { schema: users.ZProfile, sample: { name: "Dr Claire Martin", phone: "06 12 34 56 78" } },
  ZChangePassword: {
    schema: users.ZChangePassword,
    sample: { currentPassword: "Maillage-demo-2026", password: "girafe-pendule-orage-31", confirmation: "girafe-pendule-orage-31" },
  },
  ZPatientIdentity: { schema: requests.ZPatientIdentity, sample: PATIENT },
  ZFileRequest: { schema: requests.ZFileRequest, sample: REQUEST },
  ZPhoneIntake: {
    schema: requests.ZPhoneIntake,
    sample: {
      ...REQUEST,
      channel: "PHONE",
      requesterKind: "GP",
      requesterName: "Dr Leroy",
      requesterPhone: "06 12 34 56 78",
      requesterRelation: "médecin traitant",
    },
  },
  ZPublicContact: {
    schema: requests.ZPublicContact,
    sample: {
      requesterName: "Paul Durand",
      requesterPhone: "06 12 34 56 78",
      requesterRelation: "fils",
      communeCode: "55029",
      needs: ["CARER_RESPITE"],
      details: "Ma mère est épuisée.",
      consentCoordination: "on",
    },
  },
  ZRequestId: { schema: requests.ZRequestId, sample: { requestId: REQUEST_REF.requestId } },
  ZRequestRef: { schema: requests.ZRequestRef, sample: REQUEST_REF },
  ZOrientToSuggestion: {
    schema: requests.ZOrientToSuggestion,
    sample: { ...REQUEST_REF, structureId: "str1", structureName: "EMSP Bar-le-Duc", overrideReason: "Connue du patient." },
  },
  ZAddNote: { schema: requests.ZAddNote, sample: { ...REQUEST_REF, body: "Appel du médecin." } },
  ZOrientRequest: {
    schema: requests.ZOrientRequest,
    sample: { ...REQUEST_REF, structureIds: ["str_1"], note: "Merci de rappeler la fille.", overrideReason: "Équipe déjà connue du patient" },
  },
  ZCancelRequest: { schema: requests.ZCancelRequest, sample: { ...REQUEST_REF, reason: "DUPLICATE", details: "Doublon de DA-000042" } },
  ZCloseRequest: { schema: requests.ZCloseRequest, sample: { ...REQUEST_REF, outcome: "NEEDS_MET", summary: "EMSP passée deux fois." } },
  ZReopenRequest: { schema: requests.ZReopenRequest, sample: { ...REQUEST_REF, reason: "Aggravation" } },
  ZAssignTerritory: { schema: requests.ZAssignTerritory, sample: { ...REQUEST_REF, territoryId: "cmiterritory0001" } },
  ZRequalifyRequest: {
    schema: requests.ZRequalifyRequest,
    sample: { ...REQUEST_REF, urgency: "PLANNED", placeOfCare: "HOME", needs: ["PAIN"], reason: "Appel de la famille : douleur contrôlée." },
  },
  ZRecordSharingConsent: {
    schema: requests.ZRecordSharingConsent,
    sample: { ...REQUEST_REF, structureId: "ALL", granted: "yes", method: "REPRESENTATIVE", representativeName: "Sa fille", note: "Au téléphone." },
  },
  ZIdentifyPatient: {
    schema: requests.ZIdentifyPatient,
    sample: {
      ...REQUEST_REF,
      birthName: "Durand",
      firstNames: "Jeanne",
      birthDate: "12/05/1946",
      sex: "FEMALE",
      birthPlaceCode: "55029",
      bornAbroad: "",
      insMatricule: "",
      insKind: "",
      identityStatus: "PROVISIONAL",
      decision: "search",
      linkPatientId: "",
    },
  },
  ZMergePatient: { schema: requests.ZMergePatient, sample: { ...REQUEST_REF, duplicateId: "pat_1" } },
  ZRecordIntervention: {
    schema: requests.ZRecordIntervention,
    sample: { referralId: "ref_1", kind: "HOME_VISIT", day: "2026-12-02", minutes: "45", note: "Pompe PCA posée, famille rassurée." },
  },
  ZScheduleRcp: {
    schema: rcp.ZScheduleRcp,
    sample: {
      territoryId: "ter_1",
      day: "2026-12-10",
      time: "14:00",
      place: "CH de Bar-le-Duc, salle 2",
      videoUrl: "",
      structureIds: ["str_1"],
      invitedOthers: "Dr Martin",
    },
  },
  ZAddRcpCase: { schema: rcp.ZAddRcpCase, sample: { meetingId: "rcp_1", requestId: "req_1", question: "Relais HAD ou maintien EMSP ?" } },
  ZRecordRcpCase: {
    schema: rcp.ZRecordRcpCase,
    sample: {
      caseId: "case_1",
      participants: "Dr Royer (EMSP), Mme Lambert (IDEC)",
      summary: "Douleur contrôlée ; épuisement de l'aidant.",
      nextReviewOn: "2026-12-17",
      action1: "Visite à domicile",
      who1: "COORDINATION",
      due1: "2026-12-08",
    },
  },
  ZCompleteRcpDecision: { schema: rcp.ZCompleteRcpDecision, sample: { decisionId: "dec_1" } },
  ZRecordScreening: {
    schema: screening.ZRecordScreening,
    sample: { requestId: "req_1", grid: "DISTRESS", thermometer: "5", problems: ["EMOTIONAL_WORRY", "PHYSICAL_SLEEP"] },
  },
  ZAddCareContact: {
    schema: requests.ZAddCareContact,
    sample: { requestId: "req_1", role: "CARER", name: "Paul Durand (fils)", phone: "06 12 34 56 78", note: "Après 18 h" },
  },
  ZRemoveCareContact: { schema: requests.ZRemoveCareContact, sample: { requestId: "req_1", contactId: "cc_1" } },
  ZWithdrawParallelReferrals: { schema: requests.ZWithdrawParallelReferrals, sample: { ...REQUEST_REF, referralIds: ["ref_1"] } },
  ZPostMessage: { schema: messages.ZPostMessage, sample: { requestId: "req_1", to: "", body: "Le patient peut-il être vu avant vendredi ?\nMerci." } },
  ZCreateTerritory: { schema: territories.ZCreateTerritory, sample: TERRITORY },
  ZUpdateTerritory: { schema: territories.ZUpdateTerritory, sample: { ...TERRITORY, territoryId: "ter_1" } },
  ZChangeTerritoryCommunes: {
    schema: territories.ZChangeTerritoryCommunes,
    sample: { territoryId: "ter_1", operation: "add", pick: "commune", pickCommune: "55029", move: "on" },
  },
  ZAddTerritoryClosure: { schema: territories.ZAddTerritoryClosure, sample: { territoryId: "ter_1", day: "24/12/2027", label: "Pont de Noël" } },
  ZRemoveTerritoryClosure: { schema: territories.ZRemoveTerritoryClosure, sample: { territoryId: "ter_1", day: "2027-12-24" } },
  ZReportPatientEvent: {
    schema: requests.ZReportPatientEvent,
    sample: { requestId: "cmirequest0001", kind: "HOSPITALISED", day: "2026-12-02", place: "CH de Verdun" },
  },
  ZReferralRef: { schema: requests.ZReferralRef, sample: REFERRAL_REF },
  ZDeclineReferral: { schema: requests.ZDeclineReferral, sample: { ...REFERRAL_REF, reason: "OTHER", details: "Équipe en sous-effectif" } },
  ZRecordFirstContact: { schema: requests.ZRecordFirstContact, sample: { ...REFERRAL_REF, contactDate: "2026-11-23" } },
  ZReferralNote: { schema: requests.ZReferralNote, sample: { ...REFERRAL_REF, kind: "FEEDBACK", body: "Vue à domicile." } },
  ZCompleteReferral: { schema: requests.ZCompleteReferral, sample: { ...REFERRAL_REF, feedback: "Antalgie adaptée." } },
  ZStructureFields: { schema: directory.ZStructureFields, sample: { ...STRUCTURE, openingHours: WEEK } },
  ZStructure: { schema: directory.ZStructure, sample: { ...STRUCTURE, openingHours: WEEK } },
  ZCreateStructureForm: { schema: directory.ZCreateStructureForm, sample: { ...STRUCTURE, ...HOURS } },
  ZUpdateStructureForm: { schema: directory.ZUpdateStructureForm, sample: { ...STRUCTURE, ...HOURS, structureId: "str_1", version: "3" } },
  ZUpdateContactsForm: {
    schema: directory.ZUpdateContactsForm,
    sample: {
      phone: STRUCTURE.phone,
      secureEmail: STRUCTURE.secureEmail,
      hoursNote: STRUCTURE.hoursNote,
      onCall24h: "on",
      referentName: "Dr Martin",
      referentPhone: STRUCTURE.referentPhone,
      backupName: "Mme Petit",
      backupPhone: STRUCTURE.backupPhone,
      ...HOURS,
      structureId: "str_1",
      version: "3",
    },
  },
  ZUpdateCapacity: { schema: directory.ZUpdateCapacity, sample: { structureId: "str_1", version: "3", capacityStatus: "FULL", capacitySince: "2026-11-20" } },
  ZStructureRef: { schema: directory.ZStructureRef, sample: { structureId: "str_1", version: "3" } },
  ZDirectorySearchParams: {
    schema: directory.ZDirectorySearchParams,
    sample: { commune: "55029", besoin: "PAIN", type: "EMSP", lieu: "HOME", apres: "EMSP Bar-le-Duc|str_1", inactives: "1" },
  },
  ZOffer: { schema: directory.ZOffer, sample: { need: "PAIN", setting: "HOME" } },
  ZQueueFilters: { schema: queue.ZQueueFilters, sample: { status: "SUBMITTED", need: "PAIN", urgency: "CRISIS" } },
  ZCommuneQuery: { schema: communes.ZCommuneQuery, sample: { q: "bar-le", limit: "8" } },
  ZUpdateRoutingRules: { schema: updateRules.ZUpdateRoutingRules, sample: { territoryId: "ter_1", version: "0", rules: DEFAULT_ROUTING_RULES } },
  ZMarkRead: { schema: notifications.ZMarkRead, sample: { notificationId: "42" } },
  ZRetryDelivery: { schema: notifications.ZRetryDelivery, sample: { messageId: "42" } },
  ZPreferences: { schema: notifications.ZPreferences, sample: { mode_REQUEST_CLAIMED: "DIGEST", mode_FIRST_CONTACT: "APP_ONLY" } },
  ZDeliveryFilter: { schema: notifications.ZDeliveryFilter, sample: { statut: "FAILED" } },
  ZServiceLevels: {
    schema: geography.ZServiceLevels,
    sample: { triageHoursCrisis: 2, triageHoursPlanned: 24, firstContactHoursCrisis: 24, firstContactHoursPlanned: 120 },
  },
};

// Exported schemas that are not a form: why they need no sample.
const NO_SAMPLE: Record<string, string> = {
  ZPallia10Answers: "the q1…q10 of ZRecordScreening and of the filing forms (yes / no only, no text)",
  ZPhone: "a field of ZPhoneIntake and ZPublicContact",
  ZCommuneCode: "a field of the request forms",
  ZNeeds: "a field of the request forms",
  ZBirthDate: "a field of ZPatientIdentity",
  ZFiness: "a field of the structure forms",
  ZCommuneOption: "an output (what the autocomplete sends), not an input",
  ZOpeningHours: "a field of ZStructureFields (the forms send one text per day)",
  ZRoutingRules: "enums only, a field of ZUpdateRoutingRules",
  ZTerritoryFields: "the fields of ZCreateTerritory and ZUpdateTerritory",
};

// Passed on as typed, on purpose.
const AS_TYPED: Record<string, string> = {
  "ZSignIn.password": "a secret, compared with its hash and never stored nor shown: changing it would lock the person out",
  "ZNewPassword.password": "a new secret, hashed and never shown: what is typed is what must be typed at sign-in",
  "ZNewPassword.confirmation": "compared with the password as typed",
  "ZAcceptInvitation.password": "as ZNewPassword.password",
  "ZAcceptInvitation.confirmation": "as ZNewPassword.confirmation",
  "ZChangePassword.password": "as ZNewPassword.password",
  "ZChangePassword.confirmation": "as ZNewPassword.confirmation",
  "ZChangePassword.currentPassword": "as ZSignIn.password",
};

const MODULES = {
  auth,
  directory,
  geography,
  requests,
  queue,
  communes,
  routingRules,
  updateRules,
  notifications,
  users,
  messages,
  territories,
  screening,
  rcp,
};

// What a person may be left with: the French messages of our schemas, never zod's English defaults.
const FRENCH = /[a-zàâçéèêëîïôûùœ]/i;
const ZOD_DEFAULT = /^(Invalid|Expected|Too (big|small)|Unrecognized)/;
const INJECTIONS = ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u000b", "\u000c"];

type Path = (string | number)[];

// Every string in a sample, with its path (arrays and nested objects included).
function strings(value: unknown, path: Path = []): { path: Path; value: string }[] {
  if (typeof value === "string") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

function withValue(sample: unknown, path: Path, replacement: string): unknown {
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path.at(-1)!] = replacement;
  return copy;
}

function controlCharsIn(output: unknown): string[] {
  return strings(output)
    .filter((s) => hasControlChars(s.value))
    .map((s) => s.path.join("."));
}

describe("cleanText", () => {
  test("removes control characters, keeps line breaks in multi-line text and makes them spaces on one line", () => {
    expect(cleanText("Du\u0000rand\u0007")).toBe("Durand");
    expect(cleanText("ligne 1\nligne 2\u000bligne 3", { multiline: true })).toBe("ligne 1\nligne 2\nligne 3");
    expect(cleanText("ligne 1\nligne 2\u000bligne 3")).toBe("ligne 1 ligne 2 ligne 3");
    expect(cleanText("\u00e9t\u00e9 \u2014 Œ")).toBe("été — Œ");
  });
});

describe("every form schema has a sample, and every sample is valid", () => {
  const exported = Object.values(MODULES).flatMap((m) =>
    Object.entries(m)
      .filter(([name, value]) => /^Z[A-Z]/.test(name) && value instanceof z.ZodType)
      .map(([name]) => name),
  );
  test.each(exported)("%s is fuzzed or says why not", (name) => {
    expect(SAMPLES[name] ?? NO_SAMPLE[name], `${name}: add a sample to SAMPLES`).toBeDefined();
  });
  test.each(Object.entries(SAMPLES))("%s accepts its sample", (_name, { schema, sample }) => {
    const result = schema.safeParse(sample);
    expect(result.error?.issues ?? []).toEqual([]);
  });
});

describe("control characters in every text field", () => {
  const cases = Object.entries(SAMPLES).flatMap(([name, { schema, sample }]) =>
    strings(sample)
      .filter(({ path }) => !AS_TYPED[`${name}.${path.join(".")}`])
      .flatMap(({ path, value }) =>
        INJECTIONS.map((bad) => ({ name, schema, sample, path, value, bad, label: `${name}.${path.join(".")} ← ${JSON.stringify(bad)}` })),
      ),
  );

  test.each(cases)("$label: never passed on; refused at the field, in French, when it makes the value invalid", ({ schema, sample, path, value, bad }) => {
    const middle = Math.floor(value.length / 2);
    for (const input of [`${bad}${value}`, `${value.slice(0, middle)}${bad}${value.slice(middle)}`, `${value}${bad}`]) {
      const result = schema.safeParse(withValue(sample, path, input));
      if (result.success) {
        expect(controlCharsIn(result.data), `${JSON.stringify(input)} came out`).toEqual([]);
      } else {
        const issues = result.error.issues;
        expect(
          issues.some((i) => String(i.path[0]) === String(path[0])),
          `${JSON.stringify(input)}: refused elsewhere than at ${path.join(".")}: ${JSON.stringify(issues)}`,
        ).toBe(true);
        for (const issue of issues) {
          expect(issue.message, `message at ${issue.path.join(".")}`).toMatch(FRENCH);
          expect(issue.message, `zod's default message at ${issue.path.join(".")}`).not.toMatch(ZOD_DEFAULT);
        }
      }
    }
  });

  test("the text typed around the control characters is kept, not dropped", () => {
    const parsed = requests.ZFileRequest.parse({ ...REQUEST, birthName: "Du\u0000rand", details: "Douleur\u0000\nmorphine" });
    expect(parsed.birthName).toBe("Durand");
    expect(parsed.details).toBe("Douleur\nmorphine");
    const structure = directory.ZUpdateStructureForm.parse({
      ...STRUCTURE,
      ...HOURS,
      structureId: "str_1",
      version: "3",
      name: "EMSP\u0000 Bar",
      description: "a\u0000b",
    });
    expect([structure.name, structure.description]).toEqual(["EMSP Bar", "ab"]);
  });

  test("a required field made only of control characters gets its own French message", () => {
    const result = requests.ZPublicContact.safeParse({ ...SAMPLES.ZPublicContact!.sample, requesterName: "\u0000\u0000" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["requesterName", "Indiquez votre nom."]]);
  });

  test("an identifier with a control character is refused (never typed by a person)", () => {
    expect(requests.ZAddNote.safeParse({ ...REQUEST_REF, requestId: "req\u00001", body: "x" }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual(
      [["requestId", "Identifiant invalide."]],
    );
  });
});
