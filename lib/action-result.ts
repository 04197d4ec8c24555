import { z } from "zod";
import { toAppError } from "@/lib/errors";

// What a server action returns to its form (useActionState): success with its data, or a French
// message, per-field errors and the form's own text (so that nothing typed is lost). Unexpected
// errors are logged by id only, never with input. Actions are written with formAction (lib/action.ts).
// `echo` (E): what a refused form needs besides its own text to show itself again, e.g. the
// commune chosen, as its autocomplete shows it (formAction's `echo`).
export type ActionResult<T = undefined, E = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string; values?: Record<string, string | string[]>; echo?: E };

export async function runAction<T>(fn: () => Promise<{ data: T; message?: string }>): Promise<ActionResult<T>> {
  try {
    const { data, message } = await fn();
    return { ok: true, data, message };
  } catch (error) {
    // next/navigation's redirect(), notFound() and forbidden() work by throwing: let them through.
    if (isNextControlFlow(error)) throw error;
    if (error instanceof z.ZodError) {
      return { ok: false, code: "INVALID_INPUT", message: "Certains champs sont à corriger.", fieldErrors: fieldErrors(error) };
    }
    const appError = toAppError(error);
    if (appError.code === "UNAVAILABLE") console.error("action failed", { name: (error as Error)?.name, code: (error as { code?: unknown })?.code });
    return { ok: false, code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors };
  }
}

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

// FormData → plain object for zod: repeated keys (checkboxes) become arrays.
export function formDataToObject(form: FormData, arrayKeys: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrayKeys.includes(key) ? values : values[0];
  }
  for (const key of arrayKeys) out[key] ??= [];
  return out;
}

// What a refused form gets back so that nothing typed is lost: only the form's own text (strings
// and lists of strings), never anything the server computed — nor a password, which the page would
// otherwise hold in its HTML (the person types it again).
export function echoFormValues(values: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    if (/password/i.test(key)) continue;
    if (typeof value === "string") out[key] = value;
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === "string");
  }
  return out;
}
