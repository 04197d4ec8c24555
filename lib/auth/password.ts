import { hash, verify } from "@node-rs/argon2";

// Argon2id with the library's defaults (OWASP-recommended memory-hard settings).
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false; // malformed hash: never a match
  }
}

// Verifying against this when the e-mail is unknown keeps the response time the same, so timing
// does not tell which addresses have an account.
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hash("maillage-dummy-password-for-constant-time");
  return dummyHash;
}
