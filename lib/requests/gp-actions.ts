"use server";

import { formAction } from "@/lib/action";
import type { ActionResult } from "@/lib/action-result";
import { fileRequest } from "@/lib/requests/file-request";
import { echoCommune, type CommuneEcho } from "@/lib/requests/commune-options";
import { ZFileRequest } from "@/lib/requests/schemas";

// What the form gets back when refused: what was typed and the commune chosen (nothing is lost).
export type RequestFormState = ActionResult<undefined, CommuneEcho> | null;

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
