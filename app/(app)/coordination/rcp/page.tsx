import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { listOpenRcpDecisions, listRcpMeetings, rcpSchedulingChoices } from "@/lib/rcp/queries";
import { formatDateTime, parisIsoDay } from "@/lib/time";
import { rcpMeetingPath } from "@/lib/paths";
import { PageHeader } from "@/components/ui/page-header";
import { TitledCard } from "@/components/ui/card";
import { ScheduleRcpForm } from "@/components/rcp/schedule-rcp-form";
import { RcpDecisions } from "@/components/rcp/rcp-decisions";

export const metadata: Metadata = { title: "RCP soins de support" };

// The coordination's supportive-care RCPs: the meetings of her territories, the form to schedule
// one, and the decisions given to the coordination still to do.
export default async function RcpMeetingsPage() {
  const actor = await requirePermission("rcp.manage", "/coordination/rcp");
  const [meetings, choices, tasks] = await Promise.all([listRcpMeetings({ actor }), rcpSchedulingChoices({ actor }), listOpenRcpDecisions({ actor })]);
  const today = parisIsoDay();
  return (
    <>
      <PageHeader title="RCP soins de support">
        Les réunions de concertation pluriprofessionnelle du territoire : ordre du jour, discussion, décisions et fiche de synthèse envoyée au médecin et aux
        équipes.
      </PageHeader>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="reunions-titre">
            <h2 id="reunions-titre" className="mb-3 text-xl font-semibold">
              Réunions
            </h2>
            {meetings.length === 0 ? (
              <p className="text-slate-700">Aucune RCP programmée.</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {meetings.map((m) => (
                  <li key={m.id}>
                    <Link href={rcpMeetingPath(m.id)} className="block min-h-11 rounded-lg border border-slate-300 bg-white p-3 hover:border-brand-700">
                      <span className="block font-semibold text-brand-800 underline">RCP du {formatDateTime(m.scheduledAt)}</span>
                      <span className="block text-sm text-slate-700">
                        {m.territoryName} · {m.place ?? "visioconférence"} · {m.cases} dossier{m.cases > 1 ? "s" : ""} à l&apos;ordre du jour, {m.discussed}{" "}
                        discuté{m.discussed > 1 ? "s" : ""}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <RcpDecisions tasks={tasks} today={today} />
        </div>
        <TitledCard title="Programmer une RCP" id="programmer-rcp">
          <ScheduleRcpForm territories={choices.territories} structures={choices.structures} today={today} />
        </TitledCard>
      </div>
    </>
  );
}
