import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { listAllTerritories } from "@/lib/territories/queries";
import { PageHeader } from "@/components/ui/page-header";
import { NewRequestForm } from "@/components/requests/new-request-form";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Nouvelle demande d'appui" };

export default async function NewRequestPage() {
  await requirePermission("requests.file", "/demandes/nouvelle");
  // Public facts only (numbers, hours, service levels): the form announces the delays before sending.
  const territories = (await listAllTerritories()).map(({ id, name, publicPhone, openingHours, serviceLevels, departmentCode, closures }) => ({
    id,
    name,
    publicPhone,
    openingHours,
    serviceLevels,
    departmentCode,
    closures,
  }));
  return (
    <>
      <BackLink href="/demandes">Mes demandes</BackLink>
      <PageHeader title="Nouvelle demande d'appui">
        Une infirmière de coordination de votre territoire reprend votre demande, trouve la bonne équipe et vous tient informé·e à chaque étape. Tous les champs
        sont obligatoires, sauf les précisions.
      </PageHeader>
      <NewRequestForm territories={territories} />
    </>
  );
}
