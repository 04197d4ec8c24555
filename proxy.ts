import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, isAllowedOrigin } from "@/lib/security/headers";

// Runs before every route (Next.js 16's Proxy, formerly middleware): refuses state-changing
// requests that do not come from our pages, and gives every response its Content-Security-Policy
// with a fresh nonce, which Next.js reads from the request's copy of the header to put on its own
// scripts (every page is rendered per request: app/layout.tsx). The other headers: next.config.ts.
export function proxy(request: NextRequest) {
  const config = env();
  const https = new URL(config.NEXTAUTH_URL).protocol === "https:";
  if (!isAllowedOrigin({ method: request.method, origin: request.headers.get("origin"), host: request.headers.get("host"), publicUrl: config.NEXTAUTH_URL })) {
    return new NextResponse("Requête refusée : elle ne vient pas d'une page de Maillage.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const csp = contentSecurityPolicy({ nonce, dev: config.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but the build's static files (their headers come from next.config.ts).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
