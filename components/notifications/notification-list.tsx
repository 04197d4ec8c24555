"use client";

import Link from "next/link";
import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { markReadAction } from "@/lib/notifications/actions";

export type NotificationRow = { id: string; title: string; link: string; when: string; read: boolean };

function MarkOne({ id }: { id: string }) {
  const { formElement, onSubmit, pending } = useActionForm(markReadAction);
  return (
    <form ref={formElement} onSubmit={onSubmit}>
      <input type="hidden" name="notificationId" value={id} />
      <button type="submit" disabled={pending} className="min-h-11 px-2 text-sm font-medium text-brand-800 underline disabled:text-slate-500">
        Marquer comme lue
      </button>
    </form>
  );
}

export function NotificationList({ items }: { items: NotificationRow[] }) {
  const { formElement, onSubmit, pending, state } = useActionForm(markReadAction);
  const unread = items.filter((i) => !i.read).length;
  return (
    <div className="flex flex-col gap-4">
      <FormBanner state={state} />
      {unread > 0 ? (
        <form ref={formElement} onSubmit={onSubmit}>
          <Button type="submit" variant="secondary" disabled={pending}>
            Tout marquer comme lu
          </Button>
        </form>
      ) : null}
      {items.length === 0 ? (
        <p className="text-slate-700">Aucune notification pour le moment.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white" data-testid="notification-list">
          {items.map((item) => (
            <li key={item.id} className={`flex flex-wrap items-center justify-between gap-2 p-3 ${item.read ? "" : "bg-brand-50"}`}>
              <div className="min-w-0">
                <Link href={item.link} className="font-medium text-brand-800 underline">
                  {item.read ? null : <span className="sr-only">Non lue : </span>}
                  {item.title}
                </Link>
                <p className="text-sm text-slate-700">{item.when}</p>
              </div>
              {item.read ? <span className="text-sm text-slate-600">Lue</span> : <MarkOne id={item.id} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
