import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { exportStructuresCsv } from "@/lib/directory/export-structures-csv";
import { parisIsoDay } from "@/lib/time";

export const dynamic = "force-dynamic";

// GET /api/annuaire/export → the directory as CSV (the import's format), for coordinators (their
// territories) and admins (all). Authorised here: route handlers do not go through layouts.
export async function GET() {
  const actor = await getCurrentUser();
  if (!actor) return Response.json({ error: "Connectez-vous pour exporter l'annuaire." }, { status: 401 });
  if (!can(actor, "directory.import")) return Response.json({ error: "Vous n'avez pas accès à cette fonction." }, { status: 403 });
  const csv = await exportStructuresCsv({ actor });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="annuaire-${parisIsoDay(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
