import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { listNotifications } from "@/lib/notifications/queries";
import { formatDateTime } from "@/lib/time";
import { PageHeader } from "@/components/ui/page-header";
import { NotificationList } from "@/components/notifications/notification-list";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requirePermission("notifications.read", "/notifications");
  const items = await listNotifications({ actor });
  return (
    <>
      <PageHeader title="Notifications">
        Ce qui s&apos;est passé sur les demandes qui vous concernent, la plus récente en premier.{" "}
        <Link href="/notifications/preferences" className="font-medium text-brand-800 underline">
          Choisir ce que je reçois par e-mail
        </Link>
      </PageHeader>
      <NotificationList items={items.map((i) => ({ id: i.id, title: i.title, link: i.link, when: formatDateTime(i.createdAt), read: i.read }))} />
    </>
  );
}
