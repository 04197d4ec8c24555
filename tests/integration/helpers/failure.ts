import { ZodError } from "zod";

// How a use case's promise ends, as the tests compare it: "ok", or the error's code ("ZOD" for the
// schema's own refusal) with the French messages per field (the first of each field for zod).
export function failure(promise: Promise<unknown>): Promise<{ code: string; fields: Record<string, string[]> }> {
  return promise.then(
    () => ({ code: "ok", fields: {} }),
    (e: { code?: string; fieldErrors?: Record<string, string[]>; issues?: { path: PropertyKey[]; message: string }[] }) =>
      e instanceof ZodError
        ? { code: "ZOD", fields: Object.fromEntries(e.issues.map((i) => [String(i.path[0]), [i.message]])) }
        : { code: e.code ?? String(e), fields: e.fieldErrors ?? {} },
  );
}
