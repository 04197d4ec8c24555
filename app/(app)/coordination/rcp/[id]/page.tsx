import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { forPage } from "@/lib/authz/page-access";
import { getRcpMeeting } from "@/lib/rcp/queries";
import { requestNumberLabel } from "@/lib/labels";
import { coordinationRequestPath, rcpMeetingPath, rcpSheetPath } from "@/lib/paths";
import { formatCalendarDay, formatDateTime } from "@/lib/time";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { TitledCard } from "@/components/ui/card";
import { AddRcpCaseForm, RecordRcpCaseForm } from "@/components/rcp/rcp-case-forms";

export const metadata: Metadata = { title: "RCP soins de support" };

const ZParams = z.object({ id: z.string().min(1).max(64) });

// One RCP: who is invited, its agenda, and for each case the record of the discussion — then its
// summary, its decisions and the synthesis sheet sent to the GP and the teams.
export default async function RcpMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const actor = await requirePermission("rcp.manage", rcpMeetingPath(parsed.data.id));
  const meeting = await forPage(getRcpMeeting({ actor, meetingId: parsed.data.id }));
  const held = meeting.scheduledAt <= new Date();
  return (
    <>
      <BackLink href="/coordination/rcp">RCP soins de support</BackLink>
      <PageHeader title={`RCP du ${formatDateTime(meeting.scheduledAt)}`}>
        {meeting.territory.name}
        {meeting.place ? ` · ${meeting.place}` : ""}
        {meeting.videoUrl ? (
          <>
            {" · "}
            <a href={meeting.videoUrl} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
              lien de visioconférence
            </a>
          </>
        ) : null}
      </PageHeader>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <section aria-labelledby="ordre-du-jour-titre" className="flex flex-col gap-4">
          <h2 id="ordre-du-jour-titre" className="text-xl font-semibold">
            Ordre du jour
          </h2>
          {meeting.cases.length === 0 ? <p className="text-slate-700">Aucune demande inscrite pour l&apos;instant.</p> : null}
          {meeting.cases.map((c) => {
            const label = `${requestNumberLabel(c.request.number)} — ${c.patientName}`;
            return (
              <TitledCard key={c.id} level={3} title={label} id={`dossier-${c.id}`}>
                <div className="flex flex-col gap-3">
                  <p>
                    <span className="font-medium">Question : </span>
                    {c.question}
                  </p>
                  <p>
                    <a href={coordinationRequestPath(c.request.id)} className="text-brand-700 underline">
                      Ouvrir la demande
                    </a>
                  </p>
                  {c.discussedAt ? (
                    <>
                      <p>
                        <span className="font-medium">Participants : </span>
                        {c.participants}
                      </p>
                      <p className="whitespace-pre-line">{c.summary}</p>
                      {c.decisions.length > 0 ? (
                        <ul className="list-disc pl-5" aria-label={`Décisions : ${label}`}>
                          {c.decisions.map((d) => (
                            <li key={d.id}>
                              {d.action} — {d.responsibleStructure?.name ?? "Coordination"}, avant le {formatCalendarDay(d.dueOn)}
                              {d.doneAt ? " (fait)" : ""}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {c.nextReviewOn ? <p>Prochaine réévaluation : {formatCalendarDay(c.nextReviewOn)}</p> : null}
                      <p>
                        <a href={rcpSheetPath(c.id)} className="font-medium text-brand-700 underline">
                          Fiche de synthèse (PDF)
                        </a>
                      </p>
                    </>
                  ) : held ? (
                    <RecordRcpCaseForm caseId={c.id} meetingId={meeting.id} label={label} responsibles={c.responsibles} />
                  ) : (
                    <p className="text-slate-700">La discussion s&apos;enregistre une fois la RCP tenue.</p>
                  )}
                </div>
              </TitledCard>
            );
          })}
        </section>
        <div className="flex flex-col gap-4">
          <TitledCard level={2} title="Inscrire une demande" id="inscrire-demande">
            <AddRcpCaseForm meetingId={meeting.id} candidates={meeting.candidates} />
          </TitledCard>
          <TitledCard level={2} title="Invités" id="invites">
            <ul className="list-disc pl-5">
              {meeting.invited.map((s) => (
                <li key={s.id}>{s.name}</li>
              ))}
              {meeting.invitedOthers ? <li className="whitespace-pre-line">{meeting.invitedOthers}</li> : null}
            </ul>
            {meeting.invited.length === 0 && !meeting.invitedOthers ? <p className="text-slate-700">Personne d&apos;invité.</p> : null}
          </TitledCard>
        </div>
      </div>
    </>
  );
}
