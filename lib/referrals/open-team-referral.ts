// A care team opens a referral: the minimum of the patient's record it needs, and the access
// recorded as an event with its actor.
import { prisma, type Db } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { getTeamReferral } from "@/lib/referrals/team-queries";
import { recordRequestView } from "@/lib/requests/record-view";

export async function openTeamReferral({ actor, referralId, db = prisma, now = new Date() }: { actor: Actor; referralId: string; db?: Db; now?: Date }) {
  const referral = await getTeamReferral({ actor, referralId, now, db });
  await recordRequestView({ actor, requestId: referral.request.id, patientId: referral.patient?.id ?? null, db, now });
  return referral;
}
