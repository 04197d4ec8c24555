import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { listAllTerritories } from "@/lib/territories/queries";
import { PageHeader } from "@/components/ui/page-header";
import { NewRequestForm } from "@/components/requests/new-request-form";

export const metadata: Metadata = { title: "Nouvelle demande d'appui" };

export default async function NewRequestPage() {
  await requirePermission("requests.file", "/demandes/nouvelle");
  // Public facts only (numbers, hours, service levels): the form announces the delays before sending.
  const territories = (await listAllTerritories()).map(({ id, name, publicPhone, openingHours, serviceLevels }) => ({
    id,
    name,
    publicPhone,
    openingHours,
    serviceLevels,
  }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/demandes" className="text-brand-700 underline">
          ← Mes demandes
        </Link>
      </p>
      <PageHeader title="Nouvelle demande d'appui">
        Une infirmière de coordination de votre territoire reprend votre demande, trouve la bonne équipe et vous tient informé·e à chaque étape. Tous les champs
        sont obligatoires, sauf les précisions.
      </PageHeader>
      <NewRequestForm territories={territories} />
    </>
  );
}
