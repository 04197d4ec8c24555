"use client";

import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { retryDeliveryAction } from "@/lib/notifications/actions";

export type DeliveryRow = {
  id: string;
  created: string;
  recipient: string;
  channel: string;
  subject: string;
  body: string | null;
  status: string;
  statusLabel: string;
  detail: string;
};

function Retry({ id }: { id: string }) {
  const { formElement, onSubmit, pending, state } = useActionForm(retryDeliveryAction);
  return (
    <form ref={formElement} onSubmit={onSubmit}>
      <FormBanner state={state} />
      <input type="hidden" name="messageId" value={id} />
      <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-slate-400 bg-white px-3 text-sm font-medium hover:bg-slate-100">
        Réessayer
      </button>
    </form>
  );
}

export function DeliveryTable({ rows }: { rows: DeliveryRow[] }) {
  return (
    <ul className="flex flex-col gap-3" data-testid="deliveries">
      {rows.map((row) => (
        <li key={row.id} className="rounded-lg border border-slate-300 bg-white p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-semibold">{row.subject}</p>
            <p className="text-sm">
              <span className={row.status === "FAILED" ? "font-semibold text-red-800" : ""}>{row.statusLabel}</span> · {row.detail}
            </p>
          </div>
          <p className="text-sm text-slate-700">
            À {row.recipient} ({row.channel}) · créé le {row.created}
          </p>
          {row.body !== null ? (
            <details className="mt-2">
              <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium text-brand-800">Texte du message</summary>
              <pre className="text-sm break-words whitespace-pre-wrap">{row.body}</pre>
            </details>
          ) : (
            <p className="mt-2 text-sm text-slate-700">
              Message sécurisé (MSSanté) : son texte peut contenir des données de santé et n&apos;est pas affiché ici.
            </p>
          )}
          {row.status === "FAILED" ? <Retry id={row.id} /> : null}
        </li>
      ))}
    </ul>
  );
}
