// The security headers of every response, and the origin check of every state-changing request,
// applied by proxy.ts. Pure functions: unit-tested, and proxy.ts stays a few lines.

/**
 * A strict Content-Security-Policy: scripts only with this response's nonce (Next.js puts it on its
 * own scripts; 'strict-dynamic' lets them load their chunks), so no injected script and no inline
 * event handler runs. Styles may be inline (React `style` attributes, the charts' SVG): they cannot
 * run code. Nothing may frame the app (clickjacking), forms post only to us, no plugins.
 */
export function contentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build needs eval for its error overlays; never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, subdomains included: only ever sent over HTTPS (a browser ignores it over HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A request that can change something (any method but GET, HEAD, OPTIONS: server actions, sign-in,
 * sign-out, the CSV import) must say where it comes from, and come from us: browsers send `Origin`
 * with every such request, so an absent one is a forged request or a tool, never our pages. Our
 * origin is the public URL (NEXTAUTH_URL) or the host the request was addressed to.
 */
export function isAllowedOrigin({
  method,
  origin,
  host,
  publicUrl,
}: {
  method: string;
  origin: string | null;
  host: string | null;
  publicUrl: string;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin !== origin) return false; // a path or credentials smuggled in: not an Origin
  if (parsed.origin === new URL(publicUrl).origin) return true;
  return host !== null && (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.host === host.toLowerCase();
}
