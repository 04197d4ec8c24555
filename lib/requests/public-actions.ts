"use server";

import { headers } from "next/headers";
import { formDataToObject, runAction, echoFormValues } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/client-address";
import { consumeRateLimit, retryAfterLabel } from "@/lib/rate-limit";
import { fileRequest } from "@/lib/requests/file-request";
import { findCommuneOption } from "@/lib/requests/commune-options";
import { ZPublicContact } from "@/lib/requests/schemas";
import type { RequestFormState } from "@/lib/requests/gp-actions";

// Success tells nothing back but where the request went: the territory's name and number, or
// null when no territory covers the commune (recorded all the same, as an unmet need).
export type PublicContactState = RequestFormState | { ok: true; territory: { name: string; publicPhone: string } | null };

// The public form (/contact), no account. Parse → limit per client → file. Only a valid request
// counts against the allowance: a family correcting a field is not held back, and an invalid one
// costs the server nothing but the parsing.
export async function sendPublicContactAction(_previous: PublicContactState, form: FormData): Promise<PublicContactState> {
  const values = formDataToObject(form, ["needs"]);
  const result = await runAction(async () => {
    const input = ZPublicContact.parse(values);
    const decision = await consumeRateLimit({ bucket: "public-contact", address: clientAddress(await headers()) });
    if (!decision.allowed) {
      throw new AppError(
        "RATE_LIMITED",
        `Plusieurs demandes viennent d'être envoyées depuis cette connexion. ${retryAfterLabel(decision.retryAfterSeconds)} Vous pouvez aussi appeler le numéro de votre territoire.`,
      );
    }
    return { data: await fileRequest({ channel: "PUBLIC", actor: null, input }) };
  });
  if (!result.ok) {
    return {
      ok: false,
      code: result.code,
      message: result.message,
      fieldErrors: result.fieldErrors,
      values: echoFormValues(values),
      commune: await findCommuneOption({ code: values.communeCode }),
    };
  }
  return { ok: true, territory: result.data.territory };
}
