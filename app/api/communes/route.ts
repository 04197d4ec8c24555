import { clientAddress } from "@/lib/client-address";
import { consumeRateLimit, retryAfterLabel } from "@/lib/rate-limit";
import { searchCommuneOptions, ZCommuneQuery } from "@/lib/requests/commune-options";
import { fieldErrors } from "@/lib/action-result";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

// Commune autocomplete of the request forms, open to visitors without an account (the public
// form uses it): GET /api/communes?q=bar-le → { communes: [{ code, name, postalCodes,
// departmentCode, territory: { id, name } | null }] }. Parse, limit per client, answer.
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = ZCommuneQuery.safeParse({ q: params.get("q") ?? "", limit: params.get("limit") ?? undefined });
  if (!parsed.success) {
    return Response.json({ error: "Recherche invalide.", fieldErrors: fieldErrors(parsed.error) }, { status: 400, headers: NO_STORE });
  }
  const decision = await consumeRateLimit({ bucket: "communes", address: clientAddress(request.headers) });
  if (!decision.allowed) {
    return Response.json(
      { error: `Trop de recherches en peu de temps. ${retryAfterLabel(decision.retryAfterSeconds)}` },
      { status: 429, headers: { ...NO_STORE, "Retry-After": String(decision.retryAfterSeconds) } },
    );
  }
  const communes = await searchCommuneOptions({ query: parsed.data.q, limit: parsed.data.limit });
  return Response.json({ communes }, { headers: NO_STORE });
}
