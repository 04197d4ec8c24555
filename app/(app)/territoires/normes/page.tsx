import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { getCoverageNorms } from "@/lib/dashboards/norms";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { NormsForm } from "@/components/territories/norms-form";

export const metadata: Metadata = { title: "Normes de couverture" };

export default async function CoverageNormsPage() {
  await requirePermission("territories.manage", "/territoires/normes");
  const norms = await getCoverageNorms();
  return (
    <>
      <BackLink href="/territoires">Territoires</BackLink>
      <PageHeader title="Normes de couverture">
        Ce que les tableaux de bord de la coordination et de l&apos;ARS comparent à l&apos;offre de chaque territoire.
      </PageHeader>
      <NormsForm norms={norms} />
    </>
  );
}
