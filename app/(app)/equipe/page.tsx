import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { listActorStructures } from "@/lib/directory/queries";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { listTeamInbox } from "@/lib/referrals/team-queries";
import { cursorParam, pageHref } from "@/lib/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { InboxSection } from "@/components/referrals/team-inbox";
import { listOpenRcpDecisions } from "@/lib/rcp/queries";
import { parisIsoDay } from "@/lib/time";
import { RcpDecisions } from "@/components/rcp/rcp-decisions";

export const metadata: Metadata = { title: "Mon équipe" };

export default async function TeamHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("home.team", "/equipe");
  const now = new Date();
  const params = await searchParams;
  const cursor = cursorParam(params);
  const [inbox, structures, rcpTasks] = await Promise.all([listTeamInbox({ actor, now, cursor }), listActorStructures(actor), listOpenRcpDecisions({ actor })]);
  const showStructure = structures.length > 1;
  return (
    <>
      <PageHeader title="Mon équipe">
        Bonjour {actor.name}.{" "}
        {inbox.new.length === 0
          ? "Aucune nouvelle orientation n'attend votre réponse."
          : inbox.new.length === 1
            ? "Une nouvelle orientation attend votre réponse."
            : `${inbox.new.length} nouvelles orientations attendent votre réponse.`}
      </PageHeader>
      <InboxSection
        id="nouvelles"
        title="Nouvelles orientations"
        items={inbox.new}
        empty="Aucune orientation en attente de réponse."
        now={now}
        showStructure={showStructure}
        when="proposed"
      />
      {rcpTasks.length > 0 ? <RcpDecisions tasks={rcpTasks} today={parisIsoDay(now)} /> : null}
      <InboxSection
        id="en-cours"
        title="Prises en charge en cours"
        items={inbox.active}
        count={inbox.activeCount}
        empty={cursor ? "Aucune autre prise en charge en cours." : "Aucune prise en charge en cours."}
        now={now}
        showStructure={showStructure}
        when="proposed"
      >
        <Pager
          label="Pages des prises en charge"
          firstHref={cursor ? pageHref("/equipe", params, null) : null}
          nextHref={inbox.activeNext ? pageHref("/equipe", params, inbox.activeNext) : null}
        />
      </InboxSection>
      <InboxSection
        id="terminees"
        title="Terminées ou refusées (30 derniers jours)"
        items={inbox.done}
        empty="Rien ces 30 derniers jours."
        now={now}
        showStructure={showStructure}
        when="updated"
      />
      <section aria-labelledby="mes-structures" className="border-t border-slate-300 pt-4">
        <h2 id="mes-structures" className="mb-2 text-lg font-semibold">
          Mes structures
        </h2>
        {structures.length === 0 ? (
          <p>Vous n&apos;êtes rattaché·e à aucune structure : contactez l&apos;administrateur.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm text-slate-800">
            {structures.map((s) => (
              <li key={s.id}>
                <span className="font-semibold">{s.name}</span> — {STRUCTURE_TYPE_LABELS[s.type] ?? s.type}
                {s.territoryName ? ` · ${s.territoryName}` : ""}
                {s.phone ? ` · ligne directe ${s.phone}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
