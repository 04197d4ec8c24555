import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { listUsers } from "@/lib/users/queries";
import { listAllTerritories } from "@/lib/territories/queries";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { formatDateTime } from "@/lib/time";
import { PageHeader } from "@/components/ui/page-header";
import { TerritoryList } from "@/components/territories/territory-card";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHomePage() {
  const actor = await requirePermission("home.admin", "/admin");
  const [users, territories] = await Promise.all([listUsers({ actor }), listAllTerritories()]);
  return (
    <>
      <PageHeader title="Administration du dispositif">
        {territories.length} territoires, {users.length} comptes.
      </PageHeader>
      <section aria-labelledby="comptes" className="mb-8">
        <h2 id="comptes" className="mb-3 text-xl font-semibold">
          Comptes
        </h2>
        {/* Scrolls sideways on a phone: focusable, so that the keyboard can scroll it too. */}
        <Card as="div" padding="none" role="region" aria-label="Tableau des comptes" tabIndex={0} className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Comptes des professionnels et leurs rattachements</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">
                  Nom
                </th>
                <th scope="col" className="p-2">
                  E-mail
                </th>
                <th scope="col" className="p-2">
                  Rôle
                </th>
                <th scope="col" className="p-2">
                  Rattachements
                </th>
                <th scope="col" className="p-2">
                  État
                </th>
                <th scope="col" className="p-2">
                  Dernière connexion
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-t border-slate-200">
                  <td className="p-2 font-medium">{u.name}</td>
                  <td className="p-2">{u.email}</td>
                  <td className="p-2">{ROLE_LABELS[u.role]}</td>
                  <td className="p-2">{[...u.territories, ...u.structures].join(", ") || "—"}</td>
                  <td className="p-2">{!u.active ? "Désactivé" : u.locked ? "Bloqué (mots de passe erronés)" : "Actif"}</td>
                  <td className="p-2">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Jamais"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </section>
      <section aria-labelledby="territoires">
        <h2 id="territoires" className="mb-3 text-xl font-semibold">
          Territoires
        </h2>
        <TerritoryList territories={territories} showSize headingLevel={3} empty="Aucun territoire." />
      </section>
    </>
  );
}
