// A year of demo activity for the demo territories, so that every role finds something on first
// sign-in: the GP's requests and their timelines, the nurses' queues, the teams' referrals, the
// ARS's dashboards. Played through the real use cases (file, claim, routing suggestions, orient,
// accept / decline, first contact, complete, close), back-dated with their `now`, in time order —
// so the event log, the projections and every indicator come out exactly as in production.
// Deterministic (a seeded generator): the same demo on every machine. Synthetic identities only.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ClosureOutcome, Need, PlaceOfCare, RequesterKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { fileRequest } from "@/lib/requests/file-request";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { closeRequest } from "@/lib/requests/close-request";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { declineReferral } from "@/lib/referrals/decline-referral";
import { recordFirstContact } from "@/lib/referrals/record-first-contact";
import { completeReferral } from "@/lib/referrals/complete-referral";
import { openCoordinationRequest } from "@/lib/requests/open-coordination-request";
import { recordSharingConsent } from "@/lib/requests/record-sharing-consent";
import { upsertUser } from "@/tests/factories/users";

const DAY = 86_400_000;
const HOUR = 3_600_000;

// mulberry32: small, fast, deterministic.
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let r = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  return { next, pick, weighted, between: (min: number, max: number) => min + next() * (max - min) };
}

const BIRTH_NAMES = [
  "Martin",
  "Bernard",
  "Thomas",
  "Petit",
  "Robert",
  "Richard",
  "Durand",
  "Dubois",
  "Moreau",
  "Laurent",
  "Simon",
  "Michel",
  "Lefebvre",
  "Leroy",
  "Roux",
  "David",
  "Bertrand",
  "Morel",
  "Fournier",
  "Girard",
  "Bonnet",
  "Dupont",
  "Lambert",
  "Fontaine",
  "Rousseau",
  "Vincent",
  "Muller",
  "Lefèvre",
  "Faure",
  "André",
  "Mercier",
  "Blanc",
  "Guérin",
  "Boyer",
  "Garnier",
  "Chevalier",
  "François",
  "Legrand",
  "Gauthier",
  "Garcia",
];
const FEMALE = [
  "Marie",
  "Jeanne",
  "Françoise",
  "Monique",
  "Catherine",
  "Nicole",
  "Jacqueline",
  "Anne",
  "Sylvie",
  "Martine",
  "Christiane",
  "Odette",
  "Simone",
  "Colette",
];
const MALE = ["Jean", "Pierre", "Michel", "André", "Philippe", "Jacques", "Bernard", "Alain", "Claude", "René", "Daniel", "Gérard", "Roger", "Marcel"];
const NEEDS: (readonly [Need, number])[] = [
  ["PALLIATIVE_CARE", 30],
  ["PAIN", 25],
  ["HOME_CARE", 18],
  ["PSYCHOLOGICAL_PATIENT", 10],
  ["PSYCHOLOGICAL_FAMILY", 8],
  ["NUTRITION", 8],
  ["SOCIAL", 8],
  ["OTHER_SYMPTOMS", 7],
  ["CARER_RESPITE", 5],
  ["PHYSICAL_ACTIVITY", 2],
  ["ETHICAL_REFLECTION", 2],
];
const OUTCOMES: (readonly [ClosureOutcome, number])[] = [
  ["NEEDS_MET", 60],
  ["HOSPITALISED", 12],
  ["DECEASED", 12],
  ["REDIRECTED", 8],
  ["DECLINED_BY_PATIENT", 4],
  ["UNREACHABLE", 4],
];
const CALLERS: readonly [RequesterKind, string, string][] = [
  ["OTHER_PROFESSIONAL", "Mme Claire Noël, infirmière libérale", "06 99 00 10 01"],
  ["HOSPITAL", "Service d'oncologie, CH de Verdun", "03 99 00 10 02"],
  ["PATIENT_FAMILY", "M. Luc Henry, fils", "06 99 00 10 03"],
  ["OTHER_PROFESSIONAL", "Dr Paul Simon, oncologue", "03 99 00 10 04"],
];

// main: the communes most requests come from (the demo GP practises in the first one); recent:
// requests of the last three days, still in the queue or with the teams.
type Plan = { coordinator: string; territorySlugs: string[]; requests: number; recent: number; main: string[]; gp: string | null };
const PLANS: Plan[] = [
  {
    coordinator: "idec.meuse@demo.maillage.fr",
    territorySlugs: ["meuse-sud", "meuse-nord"],
    requests: 140,
    recent: 10,
    main: ["55029", "55545"],
    gp: "medecin@demo.maillage.fr",
  },
  {
    coordinator: "idec.paca@demo.maillage.fr",
    territorySlugs: ["bouches-du-rhone", "alpes-maritimes"],
    requests: 60,
    recent: 5,
    main: ["13055", "06088"],
    gp: null,
  },
];

type Step = { at: number; run: () => Promise<void> };
type Filed = { id: string | null; stopped: boolean };

export async function seedDemoHistory({
  db,
  password,
  now = new Date(),
  log = () => {},
}: {
  db: PrismaClient;
  password: string;
  now?: Date;
  log?: (message: string) => void;
}): Promise<void> {
  if ((await db.request.count()) > 0) return; // once, on a database with no request yet
  const started = performance.now();
  const actorOf = async (email: string): Promise<Actor> => {
    const actor = await loadActor({ db, email });
    if (!actor) throw new Error(`Compte de démonstration inconnu ou désactivé : ${email}`);
    return actor;
  };
  // Every team answers its referrals: the demo accounts, and for a structure without one an
  // account of its own ("equipe.<key>@demo.maillage.fr", the demo password), made when first needed.
  const teams = new Map<string, Actor>();
  const members = await db.user.findMany({ where: { role: "TEAM_MEMBER", email: { endsWith: "@demo.maillage.fr" } }, select: { email: true } });
  for (const m of members) {
    const actor = await actorOf(m.email);
    for (const s of actor.structureIds) teams.set(s, actor);
  }
  const teamOf = async (structureId: string): Promise<Actor> => {
    const known = teams.get(structureId);
    if (known) return known;
    const structure = await db.structure.findUniqueOrThrow({ where: { id: structureId }, select: { name: true, externalId: true } });
    const key = (structure.externalId ?? structureId)
      .replace(/^demo-/, "")
      .replace(/[^a-z0-9.-]/gi, "-")
      .toLowerCase();
    const email = `equipe.${key}@demo.maillage.fr`;
    await upsertUser(db, { email, name: `Équipe — ${structure.name}`, role: "TEAM_MEMBER", password, structureIds: [structureId] });
    const actor = await actorOf(email);
    teams.set(structureId, actor);
    return actor;
  };
  const version = async (id: string) => (await db.request.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  const referralVersion = async (id: string) => (await db.referral.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  const rng = generator(20_261_201);
  const end = now.getTime() - 2 * HOUR;
  const start = end - 395 * DAY;
  // A weekday (Mon–Fri) between 8:00 and 18:00 in Paris, roughly (UTC+1/+2).
  const workingTime = (t: number) => {
    let d = new Date(t);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + DAY);
    d.setUTCHours(7 + Math.floor(rng.between(0, 10)), Math.floor(rng.between(0, 60)), 0, 0);
    return d.getTime();
  };
  const steps: Step[] = [];
  let stopped = 0;
  // Each step of a request runs only if the request was filed (first: the filing itself) and no
  // earlier step of it was refused.
  const step = (at: number, filed: Filed, run: () => Promise<void>, first = false) => {
    if (at >= end) return;
    steps.push({
      at,
      run: async () => {
        if (filed.stopped || (!filed.id && !first)) return;
        try {
          await run();
        } catch (error) {
          // A business rule said no (e.g. the request moved on): this request stops here, as a user would.
          if (!(error instanceof AppError)) throw error;
          filed.stopped = true;
          stopped++;
        }
      },
    });
  };

  for (const plan of PLANS) {
    const coordinator = await actorOf(plan.coordinator);
    const gp = plan.gp ? await actorOf(plan.gp) : null;
    const communes = await db.$queryRaw<{ code: string }[]>`
      SELECT c.code FROM territory_commune tc JOIN territory t ON t.id = tc.territory_id JOIN commune c ON c.code = tc.commune_code
      WHERE t.slug = ANY(${plan.territorySlugs}::text[]) ORDER BY c.population DESC, c.code LIMIT 14`;
    for (let i = 0; i < plan.requests + plan.recent; i++) {
      const filed: Filed = { id: null, stopped: false };
      // Later months busier than the first ones (the platform gets known); then the last days.
      const t0 = i < plan.requests ? workingTime(start + Math.sqrt(rng.next()) * (end - start)) : end - rng.between(0.1, 3) * DAY;
      const channel = gp && rng.next() < 0.2 ? "WEB" : rng.next() < 0.8 ? "PHONE" : "PUBLIC";
      const r = rng.next();
      const communeCode =
        channel === "WEB" ? (r < 0.7 ? plan.main[0]! : rng.pick(communes).code) : r < 0.3 ? plan.main[0]! : r < 0.55 ? plan.main[1]! : rng.pick(communes).code;
      const first = rng.weighted(NEEDS);
      const second = rng.next() < 0.35 ? rng.weighted(NEEDS) : first;
      const needs = [...new Set([first, second])];
      const urgency = rng.next() < 0.25 ? ("CRISIS" as const) : ("PLANNED" as const);
      const placeOfCare: PlaceOfCare = rng.weighted([
        ["HOME", 80],
        ["NURSING_HOME", 15],
        ["HOSPITAL", 5],
      ]);
      const female = rng.next() < 0.52;
      const identity = {
        birthName: rng.pick(BIRTH_NAMES),
        firstNames: rng.pick(female ? FEMALE : MALE),
        birthDate: new Date(Date.UTC(1930 + Math.floor(rng.between(0, 45)), Math.floor(rng.between(0, 12)), 1 + Math.floor(rng.between(0, 28)))),
        sex: female ? ("FEMALE" as const) : ("MALE" as const),
      };
      const caller = rng.pick(CALLERS);
      step(
        t0,
        filed,
        async () => {
          const common = { communeCode, needs, consentCoordination: true as const };
          const patient = { ...identity, ...common, placeOfCare, urgency, details: "Données de démonstration." };
          const result =
            channel === "WEB"
              ? await fileRequest({ db, channel: "WEB", actor: gp!, input: patient, now: new Date(t0) })
              : channel === "PHONE"
                ? await fileRequest({
                    db,
                    channel: "PHONE",
                    actor: coordinator,
                    input: { ...patient, channel: "PHONE", requesterKind: caller[0], requesterName: caller[1], requesterPhone: caller[2] },
                    now: new Date(t0),
                  })
                : await fileRequest({
                    db,
                    channel: "PUBLIC",
                    actor: null,
                    input: {
                      ...common,
                      requesterName: "Mme Élise Robin",
                      requesterPhone: "06 99 00 10 05",
                      requesterRelation: "fille",
                      details: "Données de démonstration.",
                    },
                    now: new Date(t0),
                  });
          filed.id = result.id;
        },
        true,
      );
      // Triage within the day mostly; a crisis faster.
      const waiting = i >= plan.requests && rng.next() < 0.35; // just arrived: nobody has claimed it yet
      const tClaim = waiting ? Infinity : t0 + (urgency === "CRISIS" ? rng.between(0.3, 3) : rng.between(1, 20)) * HOUR;
      step(tClaim, filed, () => claimRequest({ db, actor: coordinator, requestId: filed.id!, now: new Date(tClaim) }).then(() => undefined));
      // Orientation from the routing suggestions: the first candidate of each need (at most two teams).
      const tOrient = tClaim + rng.between(0.2, 2) * HOUR;
      const referralIds: string[] = [];
      step(tOrient, filed, async () => {
        // The nurse opens the request: its routing, with the needs nobody serves recorded.
        const { suggestions } = await openCoordinationRequest({ db, actor: coordinator, requestId: filed.id!, now: new Date(tOrient) });
        const chosen = [...new Set(suggestions.needs.map((n) => n.candidates[0]?.structureId).filter((id): id is string => Boolean(id)))].slice(0, 2);
        if (chosen.length === 0) return; // an unmet need, flagged by the suggestions: the nurse looks elsewhere
        // A family's call: the nurse called back and recorded the patient's consent to sharing.
        if (channel === "PUBLIC") {
          await recordSharingConsent({
            db,
            actor: coordinator,
            input: {
              requestId: filed.id!,
              version: await version(filed.id!),
              structureId: "ALL",
              granted: "yes",
              method: "REPRESENTATIVE",
              representativeName: "Mme Élise Robin, fille",
            },
            now: new Date(tOrient),
          });
        }
        await orientRequest({
          db,
          actor: coordinator,
          input: { requestId: filed.id!, version: await version(filed.id!), structureIds: chosen },
          now: new Date(tOrient),
        });
        const referrals = await db.referral.findMany({ where: { requestId: filed.id! }, select: { id: true } });
        referralIds.push(...referrals.map((r) => r.id));
      });
      const tAnswer = tOrient + rng.between(1, 30) * HOUR;
      const accepted = rng.next() < 0.82;
      const declineReason = rng.weighted([
        ["FULL", 3],
        ["OUTSIDE_AREA", 1],
        ["NOT_OUR_SERVICE", 2],
      ] as const);
      const tContact = tAnswer + rng.between(0.5, 4) * DAY;
      const tComplete = tContact + rng.between(7, 35) * DAY;
      const answered: { id: string; team: Actor }[] = [];
      step(tAnswer, filed, async () => {
        for (const referralId of referralIds) {
          const referral = await db.referral.findUniqueOrThrow({ where: { id: referralId }, select: { structureId: true, version: true } });
          const team = await teamOf(referral.structureId);
          if (accepted) {
            await acceptReferral({ db, actor: team, input: { referralId, version: referral.version }, now: new Date(tAnswer) });
            answered.push({ id: referralId, team });
          } else {
            await declineReferral({ db, actor: team, input: { referralId, version: referral.version, reason: declineReason }, now: new Date(tAnswer) });
          }
        }
      });
      step(tContact, filed, async () => {
        const day = new Date(tContact).toISOString().slice(0, 10);
        for (const { id, team } of answered)
          await recordFirstContact({
            db,
            actor: team,
            input: { referralId: id, version: await referralVersion(id), contactDate: day },
            now: new Date(tContact),
          });
      });
      step(tComplete, filed, async () => {
        for (const { id, team } of answered) {
          await completeReferral({
            db,
            actor: team,
            input: { referralId: id, version: await referralVersion(id), feedback: "Intervention terminée, patient revu à domicile (démonstration)." },
            now: new Date(tComplete),
          });
        }
      });
      // Closed with an outcome and a summary for the GP, a few weeks on.
      const tClose = tComplete + rng.between(0.5, 5) * DAY;
      const outcome = rng.weighted(OUTCOMES);
      step(tClose, filed, async () => {
        await closeRequest({
          db,
          actor: coordinator,
          input: { requestId: filed.id!, version: await version(filed.id!), outcome, summary: "Synthèse de démonstration pour le médecin traitant." },
          now: new Date(tClose),
        });
      });
    }
  }

  steps.sort((a, b) => a.at - b.at);
  for (const s of steps) await s.run();
  const requests = await db.request.count();
  log(
    `Historique de démonstration : ${requests} demandes sur 13 mois (${stopped} arrêtées en chemin), en ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
