import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/**
 * A page's read with the domain's refusals as Next's own pages: absent or outside the actor's
 * scope → 404 (the same answer: we never tell which), refused by role → 403, a malformed address
 * (a read's INVALID_INPUT comes from the URL) → 404. Anything else is a real error (error.tsx).
 *
 *   const request = await forPage(openMyRequest({ actor, requestId }));
 */
export async function forPage<T>(read: Promise<T>): Promise<T> {
  return read.catch(pageError);
}

export function pageError(error: unknown): never {
  if (error instanceof AppError) {
    if (error.code === "FORBIDDEN") forbidden();
    if (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT") notFound();
  }
  throw error;
}
