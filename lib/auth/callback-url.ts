// Where to send a user after signing in: a path of this site, or nothing.
//
// Browsers read `\` as `/` in URLs and ignore tabs and line breaks, so `/\evil.example` and
// `/\t/evil.example` are `//evil.example`, another site; an encoded `%5C` or `%2F` can become one
// after a decoding somewhere down the line. So: decode until stable, refuse any backslash or
// control character, then let the URL parser resolve the path against a placeholder origin and keep
// it only if the origin did not change.
const PLACEHOLDER = "http://maillage.invalid";

export function safeCallbackPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  let decoded = raw;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return null;
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (/[\\\u0000-\u001f\u007f]/.test(decoded) || !decoded.startsWith("/") || decoded.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? null : path;
}
