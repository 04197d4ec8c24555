"use server";

import { redirect } from "next/navigation";
import { formDataToObject, runAction, echoFormValues } from "@/lib/action-result";
import { requirePermission } from "@/lib/auth/require-permission";
import { fileRequest } from "@/lib/requests/file-request";
import { findCommuneOption, type CommuneOption } from "@/lib/requests/commune-options";
import { ZFileRequest } from "@/lib/requests/schemas";

// What the request forms' actions hand back (useActionState): null before the first try, else an
// error with everything the person typed, to fill the form again — nothing is lost.
export type RequestFormState = {
  ok: false;
  message: string;
  code?: string;
  fieldErrors?: Record<string, string[]>;
  values: Record<string, string | string[]>;
  commune: CommuneOption | null; // the commune they had chosen, as the autocomplete shows it
} | null;

// The GP's new request form (useActionState). Parse → authorise → file; on success, the request's
// page with its confirmation. On failure the form comes back with every value typed and, per
// field, what to correct.
export async function fileGpRequestAction(_previous: RequestFormState, form: FormData): Promise<RequestFormState> {
  const actor = await requirePermission("requests.file", "/demandes/nouvelle");
  const values = formDataToObject(form, ["needs"]);
  const result = await runAction(async () => ({ data: await fileRequest({ channel: "WEB", actor, input: ZFileRequest.parse(values) }) }));
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      fieldErrors: result.fieldErrors,
      values: echoFormValues(values),
      commune: await findCommuneOption({ code: values.communeCode }),
    };
  }
  redirect(`/demandes/${result.data.id}?envoyee=1`);
}
