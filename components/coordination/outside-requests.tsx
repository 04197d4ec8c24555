import type { OutsideRequest } from "@/lib/requests/coordination-queries";
import { NEED_LABELS, requestNumberLabel } from "@/lib/labels";
import { formatDateTime } from "@/lib/time";
import { UrgencyBadge } from "@/components/requests/status-badge";
import { OutsideBadge } from "@/components/coordination/due-label";
import { AssignTerritoryForm } from "@/components/coordination/assign-territory-form";
import { Card } from "@/components/ui/card";

/**
 * The requests hors territoire waiting for a territory, as the administrator sees them: no patient,
 * no requester — the number, the commune, the needs and since when — and where to send each.
 */
export function OutsideRequests({
  requests,
  territories,
}: {
  requests: OutsideRequest[];
  territories: { id: string; name: string; departmentCode: string }[];
}) {
  if (requests.length === 0) return <p className="text-slate-700">Aucune demande hors territoire en attente.</p>;
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {requests.map((r) => {
        const label = requestNumberLabel(r.number);
        const here = territories.filter((t) => t.departmentCode === r.departmentCode);
        return (
          <li key={r.id}>
            <Card as="article" aria-labelledby={`hors-${r.id}`} className="flex flex-col gap-2">
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={`hors-${r.id}`} className="text-lg font-semibold">
                  {label}
                </h3>
                <UrgencyBadge urgency={r.urgency} />
                <OutsideBadge />
              </div>
              <p>
                {r.communeName} ({r.departmentCode}) · déposée le {formatDateTime(r.submittedAt)}
              </p>
              <p className="text-slate-700">{r.needs.map((n) => NEED_LABELS[n]).join(" · ")}</p>
              <AssignTerritoryForm
                requestId={r.id}
                version={r.version}
                numberLabel={label}
                territories={[...here, ...territories.filter((t) => t.departmentCode !== r.departmentCode)].map((t) => ({
                  id: t.id,
                  name: `${t.name} (${t.departmentCode})`,
                }))}
                defaultTerritoryId={here.length === 1 ? here[0]!.id : undefined}
              />
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
