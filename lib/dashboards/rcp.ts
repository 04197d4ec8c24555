// The RCPs soins de support held in an area over a period (seed 003's indicators): meetings of its
// territories with at least one case discussed, by the meeting's date. Meetings, not patients:
// counted in full, like the coverage; the requests discussed are a cube figure (masked for the ARS).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { Area, Period } from "@/lib/dashboards/types";
import type { ScopeContext } from "@/lib/dashboards/scope";
import { areaContains } from "@/lib/dashboards/coverage";

export async function readRcpMeetingsHeld(db: Db, ctx: ScopeContext, area: Area, period: Period): Promise<number> {
  const rows = await db.$queryRaw<{ territory_id: string; department_code: string; n: number }[]>(Prisma.sql`
    SELECT m.territory_id, t.department_code, count(DISTINCT m.id)::int AS n
    FROM rcp_meeting m JOIN territory t ON t.id = m.territory_id
    WHERE m.scheduled_at >= ${period.from} AND m.scheduled_at < ${period.to}
      AND EXISTS (SELECT 1 FROM rcp_case c WHERE c.meeting_id = m.id AND c.discussed_at IS NOT NULL)
    GROUP BY 1, 2`);
  const inArea = areaContains(ctx, area);
  return rows.filter((r) => inArea(r.department_code, r.territory_id)).reduce((sum, r) => sum + r.n, 0);
}
