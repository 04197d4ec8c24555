import { requireApiPermission } from "@/lib/auth/require-permission";
import { exportStructuresCsv } from "@/lib/directory/export-structures-csv";
import { parisIsoDay } from "@/lib/time";

export const dynamic = "force-dynamic";

// GET /api/annuaire/export → the directory as CSV (the import's format), for coordinators (their
// territories) and admins (all). Authorised here: route handlers do not go through layouts.
export async function GET(request: Request) {
  const { actor, refused } = await requireApiPermission(request, "directory.import");
  if (refused) return refused;
  const csv = await exportStructuresCsv({ actor });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="annuaire-${parisIsoDay(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
