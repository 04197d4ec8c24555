"use server";

import { formAction } from "@/lib/action";
import type { ActionResult } from "@/lib/action-result";
import { fileRequest } from "@/lib/requests/file-request";
import { findCommuneOption, type CommuneOption } from "@/lib/requests/commune-options";
import { ZFileRequest } from "@/lib/requests/schemas";

// What the request forms need back when refused, besides what was typed: the commune they had
// chosen, as the autocomplete shows it — nothing is lost.
export type CommuneEcho = { commune: CommuneOption | null };
export type RequestFormState = ActionResult<undefined, CommuneEcho> | null;

export const echoCommune = async (raw: Record<string, unknown>): Promise<CommuneEcho> => ({ commune: await findCommuneOption({ code: raw.communeCode }) });

// The GP's new request form. On success, the request's page with its confirmation.
export const fileGpRequestAction = formAction({
  permission: "requests.file",
  schema: ZFileRequest,
  arrays: ["needs"],
  page: () => "/demandes/nouvelle",
  run: ({ actor, parsed }) => fileRequest({ channel: "WEB", actor, input: parsed }),
  redirectTo: (filed) => `/demandes/${filed.id}?envoyee=1`,
  echo: echoCommune,
});
