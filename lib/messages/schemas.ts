// The conversation on a request: a message to everyone of its circle, or to one team (with the GP
// and the coordination). Safe for the client; French messages per field.
import { z } from "zod";
import { ZIdentifier, ZRequiredText } from "@/lib/text-schemas";

export const MESSAGE_MAX = 10_000;

export const ZPostMessage = z.object({
  requestId: ZIdentifier(),
  // "" or absent: everyone; else the structure the message is addressed to.
  to: z
    .preprocess((v) => (v === "" || v === "ALL" || v === undefined || v === null ? null : v), ZIdentifier({ missing: "Choisissez à qui écrire." }).nullable())
    .optional()
    .transform((v) => v ?? null),
  body: ZRequiredText({ max: MESSAGE_MAX, label: "Message", required: "Écrivez votre message.", multiline: true }),
});
export type TPostMessage = z.input<typeof ZPostMessage>;
