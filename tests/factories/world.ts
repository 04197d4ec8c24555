// A small, realistic world for integration tests: the demo territories on the real communes, a few
// structures, and one account per role with its memberships. Returns Actors ready for use cases.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz/actor";
import type { Role } from "@/lib/authz/permissions";
import type { StructureType } from "@/lib/generated/prisma/enums";
import type { TFileRequest, TPublicContact } from "@/lib/requests/schemas";
import { fileRequest } from "@/lib/requests/file-request";
import { claimRequest } from "@/lib/requests/claim-request";
import { orientRequest } from "@/lib/requests/orient-request";
import { acceptReferral } from "@/lib/referrals/accept-referral";
import { departmentsOfTerritories } from "@/lib/geography/queries";
import { loadTerritories } from "@/tests/factories/geography";
import { upsertUser } from "@/tests/factories/users";

export const BAR_LE_DUC = "55029"; // Meuse Sud
export const VERDUN = "55545"; // Meuse Nord
export const PARIS = "75056"; // no demo territory

export type World = {
  territories: Record<string, string>;
  structures: { emsp: string; had: string; ssiadVerdun: string; resp13: string };
  gp: Actor;
  otherGp: Actor;
  idec: Actor; // Meuse Nord + Meuse Sud
  otherIdec: Actor; // Meuse Sud too (for concurrent claims)
  pacaIdec: Actor; // Bouches-du-Rhône
  emsp: Actor; // team member of the EMSP (Meuse Sud)
  had: Actor; // team member of the HAD (Meuse Sud)
  ars: Actor;
  admin: Actor;
};

async function structure(db: PrismaClient, name: string, type: StructureType, territoryId: string): Promise<string> {
  return (await db.structure.create({ data: { name, type, territoryId, phone: "03 53 01 55 99" }, select: { id: true } })).id;
}

async function account(db: PrismaClient, email: string, name: string, role: Role, territoryIds: string[] = [], structureIds: string[] = []): Promise<Actor> {
  const { id } = await upsertUser(db, { email, name, role, password: "Test-password-1", territoryIds, structureIds });
  return { id, email, name, role, territoryIds, departmentCodes: await departmentsOfTerritories(db, territoryIds), structureIds };
}

// Call after truncateAll(db).
export async function createWorld(db: PrismaClient): Promise<World> {
  const territories = await loadTerritories(db);
  const t = (slug: string) => territories[slug]!;
  const structures = {
    emsp: await structure(db, "EMSP de Bar-le-Duc", "EMSP", t("meuse-sud")),
    had: await structure(db, "HAD Meuse", "HAD", t("meuse-sud")),
    ssiadVerdun: await structure(db, "SSIAD du Verdunois", "SSIAD", t("meuse-nord")),
    resp13: await structure(db, "RESP 13", "PALLIATIVE_NETWORK", t("bouches-du-rhone")),
  };
  return {
    territories,
    structures,
    gp: await account(db, "gp@test.fr", "Dr Claire Martin", "GP"),
    otherGp: await account(db, "gp2@test.fr", "Dr Paul Henry", "GP"),
    idec: await account(db, "idec@test.fr", "Sophie Lambert", "COORDINATOR", [t("meuse-nord"), t("meuse-sud")]),
    otherIdec: await account(db, "idec2@test.fr", "Luc Girard", "COORDINATOR", [t("meuse-sud")]),
    pacaIdec: await account(db, "idec.paca@test.fr", "Karim Benali", "COORDINATOR", [t("bouches-du-rhone")]),
    emsp: await account(db, "emsp@test.fr", "Dr Anne Royer", "TEAM_MEMBER", [], [structures.emsp]),
    had: await account(db, "had@test.fr", "Julien Petit", "TEAM_MEMBER", [], [structures.had]),
    ars: await account(db, "ars@test.fr", "Hélène Dubois", "ARS", [t("meuse-nord"), t("meuse-sud")]),
    admin: await account(db, "admin@test.fr", "Marc Lefèvre", "ADMIN"),
  };
}

export const PATIENT: TFileRequest = {
  birthName: "Durand",
  firstNames: "Jeanne",
  birthDate: new Date("1946-05-12T00:00:00Z"),
  sex: "FEMALE",
  communeCode: BAR_LE_DUC,
  placeOfCare: "HOME",
  needs: ["PAIN", "PALLIATIVE_CARE"],
  urgency: "CRISIS",
  details: "Douleurs mal contrôlées malgré morphine orale.",
  consentCoordination: true,
};

// A request filed by the world's GP (Bar-le-Duc, crisis, pain + palliative care by default).
export function fileTestRequest(db: PrismaClient, world: World, input: Partial<TFileRequest> = {}, now?: Date) {
  return fileRequest({ db, channel: "WEB", actor: world.gp, input: { ...PATIENT, ...input }, now });
}

// A family's call for help through the public form (Bar-le-Duc, palliative care by default): a
// request with no patient and no sharing consent yet.
export const PUBLIC_CONTACT: TPublicContact = {
  requesterName: "Paul Durand",
  requesterPhone: "06 12 34 56 78",
  requesterRelation: "fils",
  communeCode: BAR_LE_DUC,
  needs: ["PALLIATIVE_CARE"],
  consentCoordination: true,
};

export function filePublicTestRequest(db: PrismaClient, input: Partial<TPublicContact> = {}, now?: Date) {
  return fileRequest({ db, channel: "PUBLIC", actor: null, input: { ...PUBLIC_CONTACT, ...input }, now });
}

// A GP's request of Meuse Sud (consent to sharing attested at filing), claimed by the coordinator a
// minute after `now` and oriented to the EMSP and the HAD a minute later; the teams in `accepted`
// accept a minute after that. Returns the request and its two referrals.
export async function orientedToBothTestRequest(
  db: PrismaClient,
  world: World,
  { now = new Date(), accepted = [] }: { now?: Date; accepted?: ("emsp" | "had")[] } = {},
): Promise<{ requestId: string; referrals: { emsp: string; had: string } }> {
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const { id: requestId } = await fileTestRequest(db, world, {}, now);
  await claimRequest({ db, actor: world.idec, requestId, now: at(1) });
  const { version } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } });
  await orientRequest({ db, actor: world.idec, input: { requestId, version, structureIds: [world.structures.emsp, world.structures.had] }, now: at(2) });
  const referralTo = (structureId: string) => db.referral.findFirstOrThrow({ where: { requestId, structureId }, select: { id: true, version: true } });
  const referrals = { emsp: await referralTo(world.structures.emsp), had: await referralTo(world.structures.had) };
  for (const team of accepted) {
    await acceptReferral({ db, actor: world[team], input: { referralId: referrals[team].id, version: referrals[team].version }, now: at(3) });
  }
  return { requestId, referrals: { emsp: referrals.emsp.id, had: referrals.had.id } };
}
