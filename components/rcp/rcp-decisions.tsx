"use client";

import Link from "next/link";
import { completeRcpDecisionAction } from "@/lib/rcp/actions";
import type { RcpTask } from "@/lib/rcp/queries";
import { requestNumberLabel } from "@/lib/labels";
import { formatCalendarDay } from "@/lib/time";
import { FormBanner, useActionForm } from "@/components/forms/action-form";
import { TitledCard } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

/**
 * « Décisions de RCP à faire »: the actions an RCP gave to the reader's structure (or to the
 * coordination), by due date, each with its request and its « Fait ». `today`: YYYY-MM-DD, Paris.
 */
export function RcpDecisions({ tasks, today }: { tasks: RcpTask[]; today: string }) {
  return (
    <TitledCard title="Décisions de RCP à faire" id="decisions-rcp">
      {tasks.length === 0 ? (
        <p className="text-slate-700">Aucune décision en attente.</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Décisions à faire">
          {tasks.map((task) => {
            const day = task.dueOn.toISOString().slice(0, 10);
            return (
              <li key={task.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 p-2">
                <span>
                  <span className="font-medium text-slate-900">{task.action}</span>
                  <span className="block text-sm text-slate-700">
                    {task.responsible} · avant le {formatCalendarDay(day)}
                    {day < today ? <strong className="text-red-700"> — en retard</strong> : null} ·{" "}
                    <Link href={task.href} className="text-brand-700 underline">
                      {requestNumberLabel(task.requestNumber)}
                    </Link>
                  </span>
                </span>
                <DoneForm decisionId={task.id} action={task.action} />
              </li>
            );
          })}
        </ul>
      )}
    </TitledCard>
  );
}

function DoneForm({ decisionId, action }: { decisionId: string; action: string }) {
  const { formElement, onSubmit, pending, state } = useActionForm(completeRcpDecisionAction);
  return (
    <form ref={formElement} onSubmit={onSubmit}>
      {state && !state.ok ? <FormBanner state={state} /> : null}
      <input type="hidden" name="decisionId" value={decisionId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Fait : ${action}`}>
        Fait
      </Button>
    </form>
  );
}
