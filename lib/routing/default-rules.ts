// Routing rules a new territory starts with; its coordinators and admins then edit them.
// Reading key: for a need (row) and the place where the patient is cared for (column), the structure
// types that serve it, the territory's first choice first. Sources: ../shared/docs/domain.md (seeds
// 000-004) and the French graduated organisation of palliative care (EMSP advises everywhere, LISP
// then USP for the most complex cases, HAD for hospital-level care at home and in EHPAD).
//
// Two cross-cutting choices:
// - ERRSPP (regional paediatric palliative team) is listed last wherever it can help: for a child
//   the ranking puts teams dedicated to children first anyway (rank-structures.ts), and for an adult
//   it is excluded by age, so listing it last keeps the adults' "1er choix / 2e choix" readable.
// - OTHER (foyer, residence, prison...) follows the home: the teams that go to patients' homes are
//   the ones that go there.
import type { Need, PlaceOfCare, StructureType } from "@/lib/generated/prisma/enums";
import type { RoutingRules } from "@/lib/routing/types";

type Row = Record<PlaceOfCare, StructureType[]>;

const row = (home: StructureType[], nursingHome: StructureType[], hospital: StructureType[], other: StructureType[] = home): Row => ({
  HOME: home,
  NURSING_HOME: nursingHome,
  HOSPITAL: hospital,
  OTHER: other,
});

const rules: Record<Need, Row> = {
  // Pain: the pain consultation (structure douleur) first, it also sees patients living at home or
  // in EHPAD; the mobile palliative team for pain in a palliative context; at home the network
  // coordinates the GP and nurses; HAD when the treatment needs hospital-level care (PCA pump).
  PAIN: row(
    ["PAIN_CLINIC", "EMSP", "PALLIATIVE_NETWORK", "HAD", "ERRSPP"],
    // In EHPAD the EMSP comes to the residents; the consultation needs a trip; HAD may intervene in EHPAD.
    ["EMSP", "PAIN_CLINIC", "HAD", "ERRSPP"],
    // In a ward: the hospital's pain team, then the EMSP.
    ["PAIN_CLINIC", "EMSP", "ERRSPP"],
  ),
  // Other symptoms (dyspnoea, nausea, wounds, confusion): palliative expertise; the day hospital
  // adjusts treatments for patients who can travel.
  OTHER_SYMPTOMS: row(
    ["EMSP", "PALLIATIVE_NETWORK", "HAD", "PALLIATIVE_DAY_HOSPITAL", "ERRSPP"],
    ["EMSP", "HAD", "ERRSPP"],
    // The EMSP advises the ward; the USP takes the most complex cases.
    ["EMSP", "USP", "ERRSPP"],
  ),
  // Palliative care at home: the territorial team (EMSP/ETSP) or the palliative network, then HAD
  // when hospital-level care is needed at home, the day hospital, and the USP when staying at home
  // is no longer possible (most complex cases).
  PALLIATIVE_CARE: row(
    ["EMSP", "PALLIATIVE_NETWORK", "HAD", "PALLIATIVE_DAY_HOSPITAL", "USP", "ERRSPP"],
    ["EMSP", "HAD", "PALLIATIVE_NETWORK", "ERRSPP"],
    // In hospital: the EMSP in the ward, then a transfer to identified beds (LISP) or a USP.
    ["EMSP", "LISP", "USP", "ERRSPP"],
    ["EMSP", "PALLIATIVE_NETWORK", "HAD", "ERRSPP"],
  ),
  // Psychological support: a psychologist, or the mobile team's psychologist; networks often
  // employ one. In a ward the EMSP's psychologist comes first.
  PSYCHOLOGICAL_PATIENT: row(["PSYCHOLOGIST", "EMSP", "PALLIATIVE_NETWORK", "ERRSPP"], ["PSYCHOLOGIST", "EMSP", "ERRSPP"], ["EMSP", "PSYCHOLOGIST", "ERRSPP"]),
  // The family too; volunteers' associations run support and bereavement groups.
  PSYCHOLOGICAL_FAMILY: row(
    ["PSYCHOLOGIST", "EMSP", "PALLIATIVE_NETWORK", "VOLUNTEERS", "ERRSPP"],
    ["PSYCHOLOGIST", "EMSP", "VOLUNTEERS", "ERRSPP"],
    ["EMSP", "PSYCHOLOGIST", "VOLUNTEERS", "ERRSPP"],
  ),
  // Nutrition: a dietician; health networks (oncology) offer dietetic follow-up; HAD runs
  // artificial (enteral / parenteral) nutrition at home.
  NUTRITION: row(["DIETICIAN", "HEALTH_NETWORK", "HAD"], ["DIETICIAN"], ["DIETICIAN"]),
  // Social situation (rights, benefits, housing, isolation): a social worker; health and palliative
  // networks have one; in hospital the EMSP includes a social worker.
  SOCIAL: row(["SOCIAL_WORKER", "HEALTH_NETWORK", "PALLIATIVE_NETWORK"], ["SOCIAL_WORKER"], ["SOCIAL_WORKER", "EMSP"]),
  // Physical activity / rehabilitation: physiotherapists; networks run adapted physical activity.
  PHYSICAL_ACTIVITY: row(["PHYSIOTHERAPIST", "HEALTH_NETWORK"], ["PHYSIOTHERAPIST"], ["PHYSIOTHERAPIST"]),
  // Home-care organisation (nursing, hygiene, equipment): SSIAD on prescription, HAD when the care
  // is hospital-level, the CPTS to find community nurses.
  HOME_CARE: row(
    ["SSIAD", "HAD", "CPTS"],
    // An EHPAD has its own nurses and an SSIAD may not work there; only HAD comes in.
    ["HAD"],
    // In a ward the nursing is the ward's: preparing the return home is a request whose place of
    // care is the home. Empty = "no one", so a misfiled request shows up as unmet, not misrouted.
    [],
  ),
  // Respite for carers: respite stays in a USP or identified beds, volunteers' presence at home,
  // networks that organise respite solutions.
  CARER_RESPITE: row(["USP", "LISP", "VOLUNTEERS", "HEALTH_NETWORK"], ["VOLUNTEERS"], ["VOLUNTEERS"]),
  // Ethical reflection on a complex situation (stopping treatment, sedation, refusal of care): the
  // palliative team and network, which hold collegial discussions.
  ETHICAL_REFLECTION: row(["EMSP", "PALLIATIVE_NETWORK", "ERRSPP"], ["EMSP", "PALLIATIVE_NETWORK", "ERRSPP"], ["EMSP", "ERRSPP"]),
};

// Frozen: every territory starts from a copy (structuredClone), never edits the shared table.
export const DEFAULT_ROUTING_RULES: RoutingRules = Object.freeze(
  Object.fromEntries(
    Object.entries(rules).map(([need, settings]) => [
      need,
      Object.freeze(Object.fromEntries(Object.entries(settings).map(([setting, types]) => [setting, Object.freeze([...types])]))),
    ]),
  ),
) as RoutingRules;
