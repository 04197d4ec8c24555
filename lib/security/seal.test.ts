import { describe, expect, test } from "vitest";
import { seal, unseal } from "@/lib/security/seal";

const SECRET = "a-test-secret-of-enough-length-000000";

describe("seal", () => {
  test("what is sealed comes back with the same secret, and the sealed text does not contain it", () => {
    const sealed = seal("jeton-123", SECRET);
    expect(sealed).not.toContain("jeton-123");
    expect(unseal(sealed, SECRET)).toBe("jeton-123");
  });

  test("another secret, an altered text or garbage open nothing", () => {
    const sealed = seal("jeton-123", SECRET);
    expect(unseal(sealed, `${SECRET}-other`)).toBeNull();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("jeton-999").toString("base64url");
    expect(unseal(parts.join("."), SECRET)).toBeNull();
    expect(unseal("n'importe quoi", SECRET)).toBeNull();
  });

  test("two seals of the same text differ (a fresh nonce each time)", () => {
    expect(seal("x", SECRET)).not.toBe(seal("x", SECRET));
  });
});
