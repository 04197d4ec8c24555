"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/action";
import type { ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/client-address";
import { consumeRateLimit, retryAfterLabel } from "@/lib/rate-limit";
import { fileRequest } from "@/lib/requests/file-request";
import { ZPublicContact } from "@/lib/requests/schemas";
import { echoCommune, type CommuneEcho } from "@/lib/requests/commune-options";

// Success tells nothing back but where the request went: the territory's name and number, or
// null when no territory covers the commune (recorded all the same, as an unmet need).
export type PublicContactSent = { territory: { name: string; publicPhone: string } | null };
export type PublicContactState = ActionResult<PublicContactSent, CommuneEcho> | null;

// The public form (/contact), no account. Parse → limit per client → file. Only a valid request
// counts against the allowance (formAction parses before `run`): a family correcting a field is
// not held back, and an invalid one costs the server nothing but the parsing.
export const sendPublicContactAction = formAction({
  permission: "public",
  schema: ZPublicContact,
  arrays: ["needs"],
  page: undefined,
  run: async ({ parsed }) => {
    const decision = await consumeRateLimit({ bucket: "public-contact", address: clientAddress(await headers()) });
    if (!decision.allowed) {
      throw new AppError(
        "RATE_LIMITED",
        `Plusieurs demandes viennent d'être envoyées depuis cette connexion. ${retryAfterLabel(decision.retryAfterSeconds)} Vous pouvez aussi appeler le numéro de votre territoire.`,
      );
    }
    return fileRequest({ channel: "PUBLIC", actor: null, input: parsed });
  },
  data: (filed): PublicContactSent => ({ territory: filed.territory }),
  echo: echoCommune,
});
