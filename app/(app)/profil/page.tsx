import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { getProfile } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/page-header";
import { TitledCard } from "@/components/ui/card";
import { ChangePasswordForm, ProfileForm } from "@/components/users/profile-forms";

export const metadata: Metadata = { title: "Mon profil" };

export default async function ProfilePage() {
  const actor = await requirePermission("profile.edit", "/profil");
  const profile = await getProfile({ actor });
  return (
    <>
      <PageHeader title="Mon profil">
        {ROLE_LABELS[profile.role]} · {profile.email}
        {profile.rpps ? ` · RPPS ${profile.rpps}` : ""}
      </PageHeader>
      <div className="grid gap-4 md:grid-cols-2">
        <TitledCard title="Mes coordonnées" id="coordonnees">
          <ProfileForm name={profile.name} phone={profile.phone} />
        </TitledCard>
        <TitledCard title="Mot de passe" id="mot-de-passe">
          <p className="mb-3 text-slate-700">Vos autres sessions ouvertes (un autre navigateur, un autre appareil) seront fermées.</p>
          <ChangePasswordForm email={profile.email} />
        </TitledCard>
      </div>
      <p className="mt-6">
        <Link href="/notifications/preferences" className="font-medium text-brand-700 underline">
          Mes préférences de notification
        </Link>
      </p>
    </>
  );
}
