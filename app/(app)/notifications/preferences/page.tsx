import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { ALWAYS_IMMEDIATE, KIND_LABELS, KINDS_BY_ROLE } from "@/lib/notifications/kinds";
import { getPreferences } from "@/lib/notifications/queries";
import { PageHeader } from "@/components/ui/page-header";
import { PreferencesForm } from "@/components/notifications/preferences-form";

export const metadata: Metadata = { title: "Mes notifications par e-mail" };

export default async function PreferencesPage() {
  const actor = await requirePermission("notifications.read", "/notifications/preferences");
  const prefs = await getPreferences({ actor });
  const kinds = (KINDS_BY_ROLE[actor.role] ?? []).filter((k) => !ALWAYS_IMMEDIATE.has(k));
  return (
    <>
      <PageHeader title="Mes notifications par e-mail">
        Tout apparaît dans la cloche de l&apos;application. Choisissez, pour chaque sorte, si l&apos;e-mail part tout de suite, dans un récapitulatif quotidien
        ou pas du tout. Les demandes en crise et les retards (escalades) partent toujours tout de suite.
      </PageHeader>
      {kinds.length === 0 ? (
        <p className="text-slate-700">Votre rôle ne reçoit que les escalades, toujours envoyées tout de suite.</p>
      ) : (
        <PreferencesForm rows={kinds.map((kind) => ({ kind, label: KIND_LABELS[kind], mode: prefs[kind] ?? "IMMEDIATE" }))} />
      )}
    </>
  );
}
