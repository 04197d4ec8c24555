import type { Metadata } from "next";
import { requirePermission } from "@/lib/authz/require-permission";
import { listActorStructures } from "@/lib/directory/queries";
import { STRUCTURE_TYPE_LABELS } from "@/lib/directory/labels";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Mon équipe" };

export default async function TeamHomePage() {
  const actor = await requirePermission("home.team", "/equipe");
  const structures = await listActorStructures(actor);
  return (
    <>
      <PageHeader title="Mon équipe">Bonjour {actor.name}. Les orientations adressées à votre structure arriveront ici.</PageHeader>
      <section aria-labelledby="mes-structures">
        <h2 id="mes-structures" className="mb-3 text-xl font-semibold">
          Mes structures
        </h2>
        {structures.length === 0 ? (
          <p>Vous n&apos;êtes rattaché·e à aucune structure : contactez l&apos;administrateur.</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {structures.map((s) => (
              <li key={s.id} className="rounded-lg border border-slate-300 bg-white p-4">
                <p className="font-semibold">{s.name}</p>
                <p className="text-sm text-slate-700">
                  {STRUCTURE_TYPE_LABELS[s.type] ?? s.type}
                  {s.territoryName ? ` · ${s.territoryName}` : ""}
                </p>
                {s.phone ? <p className="mt-1 text-sm">Ligne directe : {s.phone}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
