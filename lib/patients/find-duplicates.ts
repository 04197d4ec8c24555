// Possible duplicates of a patient before one is created or linked: the same INS, or the same
// birth date with a close name (PostgreSQL pg_trgm on the normalised names of the identity key),
// or a close name, the same sex and the same year of birth (a day and a month swapped). Only
// patients the coordinator may already see — with a request in her scope — are proposed: a search
// never reveals a patient of another care circle.
import type { Db, Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/actor";
import { requestScope } from "@/lib/authz/scopes";
import type { IdentityStatus, Sex } from "@/lib/generated/prisma/enums";
import { normalizeIdentityPart } from "@/lib/patients/identity";

export type DuplicateCandidate = {
  id: string;
  birthName: string;
  firstNames: string;
  birthDate: Date;
  sex: Sex;
  birthPlace: string | null;
  identityStatus: IdentityStatus;
  sameIns: boolean;
  /** Name similarity, 0 to 1. */
  score: number;
  requestCount: number;
};

export const DUPLICATE_MIN_SIMILARITY = 0.3;
const SAME_YEAR_MIN_SIMILARITY = 0.6;

export async function findPossibleDuplicates(
  db: Db | Tx,
  actor: Actor,
  traits: { birthName: string; firstNames: string; birthDate: Date; sex: Sex; ins?: string | null },
  { excludeId = null, limit = 5 }: { excludeId?: string | null; limit?: number } = {},
): Promise<DuplicateCandidate[]> {
  const name = `${normalizeIdentityPart(traits.birthName)} ${normalizeIdentityPart(traits.firstNames)}`;
  const year = traits.birthDate.getUTCFullYear();
  const ins = traits.ins || null;
  // The identity key starts with the normalised birth name and first names ("DURAND|JEANNE|…").
  const rows = await db.$queryRaw<{ id: string; score: number; same_ins: boolean }[]>`
    SELECT id,
           similarity(split_part(identity_key, '|', 1) || ' ' || split_part(identity_key, '|', 2), ${name})::float8 AS score,
           COALESCE(ins = ${ins}, false) AS same_ins
    FROM patient
    WHERE merged_into_id IS NULL
      AND id IS DISTINCT FROM ${excludeId}
      AND (
        (${ins}::text IS NOT NULL AND ins = ${ins})
        OR (birth_date = ${traits.birthDate}::date
            AND similarity(split_part(identity_key, '|', 1) || ' ' || split_part(identity_key, '|', 2), ${name}) >= ${DUPLICATE_MIN_SIMILARITY})
        OR (birth_date >= make_date(${year}::int, 1, 1) AND birth_date < make_date(${year + 1}::int, 1, 1) AND sex::text = ${traits.sex}
            AND similarity(split_part(identity_key, '|', 1) || ' ' || split_part(identity_key, '|', 2), ${name}) >= ${SAME_YEAR_MIN_SIMILARITY})
      )
    ORDER BY same_ins DESC, score DESC
    LIMIT 50`;
  if (rows.length === 0) return [];
  const visible = await db.patient.findMany({
    where: { id: { in: rows.map((r) => r.id) }, requests: { some: requestScope(actor) } },
    select: {
      id: true,
      birthName: true,
      firstNames: true,
      birthDate: true,
      sex: true,
      identityStatus: true,
      bornAbroad: true,
      birthPlace: { select: { name: true, departmentCode: true } },
      _count: { select: { requests: true } },
    },
  });
  const byId = new Map(visible.map((p) => [p.id, p]));
  return rows
    .flatMap((r) => {
      const p = byId.get(r.id);
      if (!p) return [];
      return [
        {
          id: p.id,
          birthName: p.birthName,
          firstNames: p.firstNames,
          birthDate: p.birthDate,
          sex: p.sex,
          birthPlace: p.bornAbroad ? "À l'étranger" : p.birthPlace ? `${p.birthPlace.name} (${p.birthPlace.departmentCode})` : null,
          identityStatus: p.identityStatus,
          sameIns: r.same_ins,
          score: Math.round(r.score * 100) / 100,
          requestCount: p._count.requests,
        },
      ];
    })
    .slice(0, limit);
}
