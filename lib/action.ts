// The one way to write a server action for a form (useActionState): a schema, a use case and one
// `formAction({...})`. In order: sign-in and permission (else the sign-in page / 403), the form
// parsed with the use case's zod schema at the boundary (French errors per field, the use case is
// not called), the use case, AppError → French message and field errors, paths refreshed, then
// the success message, the data for the form, or a redirect.
//
//   export const closeRequestAction = formAction({
//     permission: "requests.coordinate",
//     schema: ZCloseRequest,
//     page: (input) => requestPath(input.requestId),
//     run: ({ actor, input }) => closeRequest({ actor, input }),
//     revalidate: (input) => ["/coordination", requestPath(input.requestId)],
//     message: "Demande clôturée : le médecin peut lire la synthèse.",
//   });
//
// A public form (no account: the family's /contact) says `permission: "public"`; its use case gets
// `actor: null` and does its own limiting.
//
// The use case parses its input again: it is the trust boundary for every caller (forms, the demo
// history, tests, partners' API), and parsing a valid input twice gives the same value.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { echoFormValues, formDataToObject, runAction, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/authz/actor";
import type { Permission } from "@/lib/authz/permissions";
import { requirePermission } from "@/lib/auth/require-permission";

type Raw = Record<string, unknown>;

type Who = Permission | "public";

export type FormActionOptions<S extends z.ZodType, R, D, E, P extends Who> = {
  permission: P;
  /** The use case's own schema: what the form must satisfy before the use case runs. */
  schema: S;
  /** Fields sent several times (checkboxes): always arrays, even when none is ticked. */
  arrays?: readonly string[];
  /** The form's page, to come back to after signing in; from the raw form (it may not parse). */
  page: P extends "public" ? undefined | ((raw: Raw) => string) : (raw: Raw) => string;
  run: (context: { actor: P extends "public" ? null : Actor; input: z.input<S>; parsed: z.output<S> }) => Promise<R>;
  /** Pages whose data the change alters (a route pattern with its type: ["/equipe/orientations/[id]", "page"]). */
  revalidate?: (parsed: z.output<S>, result: R) => (string | [string, "page" | "layout"])[];
  /** What the person reads on success; may depend on what the use case did. */
  message?: string | ((result: R, parsed: z.output<S>) => string);
  /** What the form receives on success (nothing by default). */
  data?: (result: R, parsed: z.output<S>) => D;
  /** Where to go on success instead of staying on the form. */
  redirectTo?: (result: R, parsed: z.output<S>) => string;
  /** On refusal, what the form needs besides its own text to show itself again. */
  echo?: (raw: Raw) => Promise<E>;
};

export type FormAction<D = undefined, E = undefined> = (previous: ActionResult<D, E> | null, form: FormData) => Promise<ActionResult<D, E>>;

export function formAction<S extends z.ZodType, R, D = undefined, E = undefined, P extends Who = Permission>(
  options: FormActionOptions<S, R, D, E, P>,
): FormAction<D, E> {
  return async (_previous, form) => {
    const raw = formDataToObject(form, [...(options.arrays ?? [])]);
    const actor = (options.permission === "public" ? null : await requirePermission(options.permission, options.page!(raw))) as P extends "public"
      ? null
      : Actor;
    let target: string | null = null;
    const result: ActionResult<D, E> = await runAction<D>(async () => {
      // Throws a ZodError (→ French errors per field) before the use case is called.
      const parsed = options.schema.parse(raw);
      // `raw` has just been parsed by `schema`: it is a valid input of it.
      const out = await options.run({ actor, input: raw as z.input<S>, parsed });
      for (const path of options.revalidate?.(parsed, out) ?? []) {
        if (typeof path === "string") revalidatePath(path);
        else revalidatePath(path[0], path[1]);
      }
      if (options.redirectTo) target = options.redirectTo(out, parsed);
      const message = typeof options.message === "function" ? options.message(out, parsed) : options.message;
      return { data: options.data ? options.data(out, parsed) : (undefined as D), message };
    });
    if (!result.ok) return { ...result, values: echoFormValues(raw), ...(options.echo ? { echo: await options.echo(raw) } : {}) };
    // redirect() throws: outside runAction, which would otherwise let it through anyway.
    if (target) redirect(target);
    return result;
  };
}
