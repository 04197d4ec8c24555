import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { env } from "@/lib/env";
import { OUTBOX_STATUS_LABELS as STATUS_LABELS, type OutboxStatus } from "@/lib/notifications/kinds";
import { listDeliveries } from "@/lib/notifications/queries";
import { ZDeliveryFilter } from "@/lib/notifications/schemas";
import { formatDateTime } from "@/lib/time";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { DeliveryTable } from "@/components/notifications/delivery-table";

export const metadata: Metadata = { title: "Envois" };

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("notifications.deliveries", "/admin/envois");
  const { statut } = ZDeliveryFilter.parse(await searchParams);
  const { items, counts } = await listDeliveries({ actor, status: statut });
  const smtp = Boolean(env().SMTP_URL);
  return (
    <>
      <PageHeader title="Envois des notifications">Les e-mails que Maillage envoie, du plus récent au plus ancien (100 au plus).</PageHeader>
      {smtp ? null : (
        <div className="mb-4">
          <Alert tone="info">
            Aucun serveur SMTP n&apos;est configuré (SMTP_URL) : les messages sont conservés ici, tels qu&apos;ils partiraient, sans être envoyés.
          </Alert>
        </div>
      )}
      <nav aria-label="Filtrer par statut" className="mb-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              href="/admin/envois"
              aria-current={statut ? undefined : "page"}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-3 text-sm"
            >
              Tous
            </Link>
          </li>
          {(Object.keys(STATUS_LABELS) as OutboxStatus[]).map((s) => (
            <li key={s}>
              <Link
                href={`/admin/envois?statut=${s}`}
                aria-current={statut === s ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-md border px-3 text-sm ${statut === s ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-400 bg-white"}`}
              >
                {STATUS_LABELS[s]} ({counts[s] ?? 0})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p className="text-slate-700">Aucun message.</p>
      ) : (
        <DeliveryTable
          rows={items.map((m) => ({
            id: m.id,
            created: formatDateTime(m.createdAt),
            recipient: m.recipient,
            channel: m.channel === "MSSANTE" ? "MSSanté" : "e-mail",
            subject: m.subject,
            body: m.body,
            status: m.status,
            statusLabel: STATUS_LABELS[m.status],
            detail:
              m.status === "SENT" && m.sentAt
                ? `le ${formatDateTime(m.sentAt)}`
                : m.status === "FAILED"
                  ? `${m.attempts} tentative${m.attempts > 1 ? "s" : ""} : ${m.lastError ?? "erreur inconnue"}`
                  : m.status === "PENDING" && m.attempts > 0
                    ? `${m.attempts} échec${m.attempts > 1 ? "s" : ""} (${m.lastError ?? ""}), nouvel essai le ${formatDateTime(m.nextAttemptAt)}`
                    : `${m.attempts} tentative${m.attempts > 1 ? "s" : ""}`,
          }))}
        />
      )}
    </>
  );
}
