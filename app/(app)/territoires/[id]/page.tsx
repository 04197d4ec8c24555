import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { getTerritoryEditor, listDepartmentOptions, listEpciOptions } from "@/lib/territories/editor-queries";
import { upcomingPublicHolidays } from "@/lib/territories/holidays";
import { territoryFieldValues } from "@/lib/territories/schemas";
import { parisIsoDay } from "@/lib/time";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { Alert } from "@/components/ui/alert";
import { TerritoryForm } from "@/components/territories/territory-form";
import { CommunesPanel } from "@/components/territories/communes-panel";
import { ClosuresPanel } from "@/components/territories/closures-panel";

export const metadata: Metadata = { title: "Territoire" };

const ZParams = z.object({ id: z.string().min(1).max(64) });

// The territory editor (administrators): its communes, its days off, its contact sheet and delays.
export default async function TerritoryEditorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ enregistre?: string }>;
}) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  await requirePermission("territories.manage", `/territoires/${encodeURIComponent(id)}`);
  const territory = await getTerritoryEditor({ territoryId: id });
  if (!territory) notFound();
  const departments = await listDepartmentOptions({ territoryId: territory.id });
  // The intercommunalités of the territory's département and of the départements it reaches.
  const reached = [...new Set([territory.departmentCode, ...departments.filter((d) => d.here > 0).map((d) => d.code)])];
  const epcis = await listEpciOptions({ territoryId: territory.id, departmentCodes: reached });
  const justCreated = (await searchParams).enregistre === "cree";
  return (
    <>
      <BackLink href="/territoires">Territoires</BackLink>
      <PageHeader title={territory.name}>
        {territory.departmentName} ({territory.departmentCode}) — numéro unique {territory.publicPhone}
      </PageHeader>
      <div className="flex flex-col gap-10">
        {justCreated ? (
          <Alert tone="success">Territoire créé. Ajoutez maintenant ses communes : les demandes y arrivent selon la commune du patient.</Alert>
        ) : null}
        <CommunesPanel territoryId={territory.id} communes={territory.communes} departments={departments} epcis={epcis} />
        <ClosuresPanel territoryId={territory.id} closures={territory.closures} holidays={upcomingPublicHolidays(territory.departmentCode, parisIsoDay())} />
        <section aria-labelledby="fiche" className="flex flex-col gap-4">
          <h2 id="fiche" className="text-xl font-semibold">
            Fiche, horaires et délais
          </h2>
          <TerritoryForm territoryId={territory.id} values={territoryFieldValues(territory)} departments={departments} />
        </section>
      </div>
    </>
  );
}
