import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { forPage } from "@/lib/authz/page-access";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { formatDateTime } from "@/lib/time";
import { getUser, membershipOptions } from "@/lib/users/queries";
import { Alert } from "@/components/ui/alert";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { TitledCard } from "@/components/ui/card";
import { AccountActions } from "@/components/users/account-actions";
import { AccountForm } from "@/components/users/account-form";
import { accountState } from "@/components/users/user-table";

export const metadata: Metadata = { title: "Compte" };

const ZParams = z.object({ id: z.string().min(1).max(64) });

export default async function AccountPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ invite?: string }> }) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const actor = await requirePermission("users.invite", `/comptes/${encodeURIComponent(parsed.data.id)}`);
  const user = await forPage(getUser({ actor, userId: parsed.data.id }));
  const justCreated = (await searchParams).invite === "1";
  const options = user.may.edit ? await membershipOptions({ actor }) : null;
  return (
    <>
      <BackLink href="/comptes">Comptes</BackLink>
      <PageHeader title={user.name}>
        {ROLE_LABELS[user.role]} · {user.email}
      </PageHeader>
      {justCreated ? (
        <div className="mb-4">
          <Alert tone="success">Compte créé : l&apos;invitation part par e-mail.</Alert>
        </div>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TitledCard title="État du compte" id="etat">
          <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-medium">État</dt>
            <dd>{accountState(user)}</dd>
            <dt className="font-medium">Dernière connexion</dt>
            <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Jamais"}</dd>
            {user.invited ? (
              <>
                <dt className="font-medium">Invitation</dt>
                <dd>{user.invitationExpiresAt ? `valable jusqu'au ${formatDateTime(user.invitationExpiresAt)}` : "expirée : renvoyez-la"}</dd>
              </>
            ) : null}
            <dt className="font-medium">Rattachements</dt>
            <dd>{[...user.territories, ...user.structures].join(", ") || "—"}</dd>
          </dl>
          <AccountActions userId={user.id} active={user.active} invited={user.invited} locked={user.locked} mayUnlock={user.may.unlock} />
        </TitledCard>
        {options ? (
          <TitledCard title="Rôle et rattachements" id="modifier">
            <AccountForm
              account={{
                id: user.id,
                name: user.name,
                email: user.email,
                role: user.role,
                rpps: user.rpps,
                phone: user.phone,
                territoryIds: user.territoryIds,
                structureIds: user.structureIds,
              }}
              options={options}
            />
          </TitledCard>
        ) : null}
      </div>
    </>
  );
}
