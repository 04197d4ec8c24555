import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Actor } from "@/lib/authz/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { forPage } from "@/lib/authz/page-access";
import { formatDateTime } from "@/lib/time";
import { getTerritoryRulesForEditor } from "@/lib/routing/queries";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { RulesEditor } from "@/components/routing/rules-editor";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Règles d'orientation" };

const ZParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9-]+$/),
});

async function load(actor: Actor, slug: string) {
  return forPage(getTerritoryRulesForEditor({ actor, slug }));
}

export default async function TerritoryRoutingRulesPage({ params }: { params: Promise<{ slug: string }> }) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const actor = await requirePermission("routing.rules.edit", `/coordination/regles/${parsed.data.slug}`);
  const { territory, rules, version, customized, repaired, updatedAt, updatedByName } = await load(actor, parsed.data.slug);
  return (
    <>
      <BackLink href="/coordination/regles">Tous les territoires</BackLink>
      <PageHeader title={`Règles d'orientation — ${territory.name}`}>
        <p>
          Pour chaque besoin et chaque lieu de soins, les types de structure suggérés, du premier choix au dernier. Une structure n&apos;est suggérée que si
          elle couvre la commune du patient et propose le besoin dans ce lieu ; une liste vide signale le besoin comme non couvert.
        </p>
        <p className="mt-2 font-medium text-slate-900">
          {customized && updatedAt
            ? `Règles propres au territoire, modifiées le ${formatDateTime(updatedAt)}${updatedByName ? ` par ${updatedByName}` : ""}.`
            : "Règles par défaut : aucune modification enregistrée pour ce territoire."}
        </p>
      </PageHeader>
      {repaired ? (
        <div className="mb-4">
          <Alert>
            Le vocabulaire a évolué depuis le dernier enregistrement : les cases nouvelles reprennent les règles par défaut. Enregistrez pour les conserver.
          </Alert>
        </div>
      ) : null}
      <RulesEditor territory={territory} rules={rules} version={version} />
    </>
  );
}
