import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

// Forms of the notification centre, the preferences and the delivery view (safe for the client).
const ZNumericId = z.string({ error: "Identifiant manquant." }).regex(/^\d{1,18}$/, "Identifiant invalide.");

/** One notification marked as read, or all of them (no id). */
export const ZMarkRead = z.object({
  notificationId: z
    .string({ error: "Identifiant invalide." })
    .regex(/^(\d{1,18})?$/, "Identifiant invalide.")
    .optional()
    .transform((v) => v || undefined),
});
export type TMarkRead = z.infer<typeof ZMarkRead>;

export const ZRetryDelivery = z.object({ messageId: ZNumericId });

const ZMode = z.enum(["IMMEDIATE", "DIGEST", "APP_ONLY"], { error: "Choisissez : tout de suite, dans le récapitulatif ou dans l'application seulement." });

/** The preference form: one field per kind (`mode_REQUEST_CLAIMED`…), the kinds not shown are absent. */
export const ZPreferences = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [`mode_${k}`, ZMode.optional()])) as Record<
    `mode_${(typeof NOTIFICATION_KINDS)[number]}`,
    z.ZodOptional<typeof ZMode>
  >,
);
export type TPreferences = z.infer<typeof ZPreferences>;

/** /admin/envois?statut=FAILED */
export const ZDeliveryFilter = z.object({
  statut: z.enum(["PENDING", "SENDING", "SENT", "FAILED", "KEPT"], { error: "Statut inconnu." }).optional().catch(undefined),
});
