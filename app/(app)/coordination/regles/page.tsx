import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { formatDateTime } from "@/lib/time";
import { listRulesTerritories } from "@/lib/routing/queries";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Règles d'orientation" };

// Entry point of the rules editor: a coordinator picks one of their territories, an administrator
// any territory.
export default async function RoutingRulesHomePage() {
  const actor = await requirePermission("routing.rules.edit", "/coordination/regles");
  const territories = await listRulesTerritories({ actor });
  return (
    <>
      <PageHeader title="Règles d'orientation">
        Pour chaque besoin et chaque lieu de soins, les types de structure que Maillage suggère, du premier choix au dernier. Choisissez un territoire.
      </PageHeader>
      {territories.length === 0 ? (
        <p className="text-slate-700">Aucun territoire ne vous est rattaché : demandez à l&apos;administrateur du dispositif.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {territories.map((t) => (
            <li key={t.id}>
              <Link
                href={`/coordination/regles/${encodeURIComponent(t.slug)}`}
                className="block min-h-11 rounded-lg border border-slate-300 bg-white p-4 hover:border-brand-700"
              >
                <span className="block text-lg font-semibold text-brand-800 underline">{t.name}</span>
                <span className="block text-sm text-slate-700">
                  {t.customized && t.updatedAt ? `Règles propres au territoire, modifiées le ${formatDateTime(t.updatedAt)}` : "Règles par défaut"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
