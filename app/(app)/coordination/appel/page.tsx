import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { PageHeader } from "@/components/ui/page-header";
import { PhoneIntake } from "@/components/coordination/phone-intake-form";

export const metadata: Metadata = { title: "Enregistrer un appel" };

export default async function PhoneIntakePage() {
  await requirePermission("requests.intake", "/coordination/appel");
  return (
    <>
      <p className="mb-2">
        <Link href="/coordination" className="font-medium text-brand-700 underline">
          ← File des demandes
        </Link>
      </p>
      <PageHeader title="Enregistrer un appel">
        Une demande reçue par téléphone ou par messagerie sécurisée, pour un médecin, un soignant ou un proche. Le territoire et les délais viennent de la
        commune du patient.
      </PageHeader>
      <PhoneIntake />
    </>
  );
}
