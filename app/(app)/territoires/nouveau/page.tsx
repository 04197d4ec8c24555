import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { listDepartmentOptions } from "@/lib/territories/editor-queries";
import { territoryFieldValues } from "@/lib/territories/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { TerritoryForm } from "@/components/territories/territory-form";

export const metadata: Metadata = { title: "Nouveau territoire" };

export default async function NewTerritoryPage() {
  await requirePermission("territories.manage", "/territoires/nouveau");
  const departments = await listDepartmentOptions({ territoryId: null });
  return (
    <>
      <BackLink href="/territoires">Territoires</BackLink>
      <PageHeader title="Nouveau territoire">Son numéro unique, ses horaires et ses délais ; ses communes s&apos;ajoutent ensuite, sur sa page.</PageHeader>
      <TerritoryForm values={territoryFieldValues(null)} departments={departments} />
    </>
  );
}
