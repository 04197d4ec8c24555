import { requireApiPermission } from "@/lib/auth/require-permission";
import { exportTableCsv } from "@/lib/dashboards/csv";
import { searchJournal, ZJournalFilters } from "@/lib/journal/search-journal";
import { formatDateTime, parisIsoDay } from "@/lib/time";

// The journal's search as CSV (the same filters as the page; the newest 10,000 events at most).
// An export is a search of the trail like another: it is recorded (audit.searched, exported).
const EXPORT_LIMIT = 10_000;

export async function GET(request: Request) {
  const access = await requireApiPermission(request, "audit.read");
  if ("refused" in access) return access.refused;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = ZJournalFilters.safeParse({ numero: params.numero ?? "", personne: params.personne ?? "", du: params.du ?? "", au: params.au ?? "" });
  if (!parsed.success)
    return new Response("Recherche invalide : corrigez-la sur la page du journal.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const result = await searchJournal({ actor: access.actor, filters: parsed.data, limit: EXPORT_LIMIT, exported: true });
  const csv = exportTableCsv({
    headers: ["Date et heure", "Personne", "E-mail", "Rôle", "Action", "Type d'événement", "Objet", "Identifiant de l'objet", "Demande"],
    rows: result.items.map((e) => [
      formatDateTime(e.at),
      e.actor?.name,
      e.actor?.email,
      e.actor?.role,
      e.label,
      e.type,
      e.subject.type,
      e.subject.id,
      e.subject.requestNumber,
    ]),
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="journal-maillage-${parisIsoDay()}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
