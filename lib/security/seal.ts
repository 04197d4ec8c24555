import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Sealing a short secret (an account link's token) that must wait in the database until a worker
// sends it: AES-256-GCM under a key derived from NEXTAUTH_SECRET, so that a copy of the database
// alone opens nothing. Changing NEXTAUTH_SECRET makes what is sealed unreadable (send a new link).

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "maillage", "outbox-secret", 32));
}

export function seal(plain: string, secret = env().NEXTAUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The sealed text, or null when it was sealed under another secret or altered. */
export function unseal(sealed: string, secret = env().NEXTAUTH_SECRET): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
