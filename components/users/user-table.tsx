import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { formatDateTime } from "@/lib/time";
import type { UserListItem } from "@/lib/users/queries";

export function accountState(u: { active: boolean; locked: boolean; invited: boolean }): string {
  if (!u.active) return "Désactivé";
  if (u.locked) return "Bloqué (mots de passe erronés)";
  if (u.invited) return "Invité (mot de passe pas encore choisi)";
  return "Actif";
}

// The accounts an actor runs, each name opening its page. Scrolls sideways on a phone: focusable,
// so that the keyboard can scroll it too.
export function UserTable({ users }: { users: UserListItem[] }) {
  return (
    <Card as="div" padding="none" role="region" aria-label="Tableau des comptes" tabIndex={0} className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Comptes des professionnels et leurs rattachements</caption>
        <thead className="bg-slate-100">
          <tr>
            {["Nom", "E-mail", "Rôle", "Rattachements", "État", "Dernière connexion"].map((h) => (
              <th key={h} scope="col" className="p-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-200">
              <td className="p-2 font-medium">
                <Link href={`/comptes/${u.id}`} className="text-brand-700 underline">
                  {u.name}
                </Link>
              </td>
              <td className="p-2">{u.email}</td>
              <td className="p-2">{ROLE_LABELS[u.role]}</td>
              <td className="p-2">{[...u.territories, ...u.structures].join(", ") || "—"}</td>
              <td className="p-2">{accountState(u)}</td>
              <td className="p-2">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Jamais"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
