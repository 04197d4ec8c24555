import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { PageHeader } from "@/components/ui/page-header";
import { PhoneIntake } from "@/components/coordination/phone-intake-form";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Enregistrer un appel" };

export default async function PhoneIntakePage() {
  await requirePermission("requests.intake", "/coordination/appel");
  return (
    <>
      <BackLink href="/coordination">File des demandes</BackLink>
      <PageHeader title="Enregistrer un appel">
        Une demande reçue par téléphone ou par messagerie sécurisée, pour un médecin, un soignant ou un proche. Le territoire et les délais viennent de la
        commune du patient.
      </PageHeader>
      <PhoneIntake />
    </>
  );
}
