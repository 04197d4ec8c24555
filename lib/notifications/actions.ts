"use server";

// Server actions of the notification centre, the preferences and the delivery view (lib/action.ts).
import { formAction } from "@/lib/action";
import { markRead } from "@/lib/notifications/mark-read";
import { retryDelivery } from "@/lib/notifications/retry-delivery";
import { ZMarkRead, ZPreferences, ZRetryDelivery } from "@/lib/notifications/schemas";
import { setPreferences } from "@/lib/notifications/set-preferences";

export const markReadAction = formAction({
  permission: "notifications.read",
  schema: ZMarkRead,
  page: () => "/notifications",
  run: ({ actor, input }) => markRead({ actor, input }),
  // The bell is in the layout of every page.
  revalidate: () => ["/", "/notifications"],
  message: (count, { notificationId }) =>
    notificationId
      ? "Notification marquée comme lue."
      : count === 0
        ? "Tout était déjà lu."
        : `${count} notification${count > 1 ? "s" : ""} marquée${count > 1 ? "s" : ""} comme lue${count > 1 ? "s" : ""}.`,
});

export const setPreferencesAction = formAction({
  permission: "notifications.read",
  schema: ZPreferences,
  page: () => "/notifications/preferences",
  run: ({ actor, input }) => setPreferences({ actor, input }),
  revalidate: () => ["/notifications/preferences"],
  message: "Préférences enregistrées.",
});

export const retryDeliveryAction = formAction({
  permission: "notifications.deliveries",
  schema: ZRetryDelivery,
  page: () => "/admin/envois",
  run: ({ actor, input }) => retryDelivery({ actor, input }),
  revalidate: () => ["/admin/envois"],
  message: "Message remis en file d'envoi.",
});
