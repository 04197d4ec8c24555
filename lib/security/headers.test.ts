import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, isAllowedOrigin } from "@/lib/security/headers";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("contentSecurityPolicy", () => {
  test("scripts only with the nonce, no inline handlers, no framing, no plugins", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: false }));
    expect(csp["script-src"]).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp["script-src"]).not.toContain("unsafe");
    expect(csp["script-src-attr"]).toBe("'none'");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(csp["object-src"]).toBe("'none'");
    expect(csp["base-uri"]).toBe("'none'");
    expect(csp["form-action"]).toBe("'self'");
    expect(csp).not.toHaveProperty("upgrade-insecure-requests");
  });

  test("eval only for the development server; HTTPS upgrades every subresource", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }))["script-src"]).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("isAllowedOrigin", () => {
  const publicUrl = "https://maillage.example";
  const check = (method: string, origin: string | null, host: string | null = "maillage.example") => isAllowedOrigin({ method, origin, host, publicUrl });

  test("reads need no origin", () => {
    expect(check("GET", null)).toBe(true);
    expect(check("HEAD", "https://evil.example")).toBe(true);
  });

  test("a state-changing request from our origin goes ahead", () => {
    expect(check("POST", "https://maillage.example")).toBe(true);
    expect(check("POST", "http://localhost:3110", "localhost:3110")).toBe(true);
  });

  test("a state-changing request with no origin, a foreign one or a malformed one is refused", () => {
    expect(check("POST", null)).toBe(false);
    expect(check("POST", "null")).toBe(false);
    expect(check("PUT", "https://evil.example")).toBe(false);
    expect(check("POST", "https://maillage.example.evil.example")).toBe(false);
    expect(check("POST", "https://maillage.example@evil.example")).toBe(false);
    expect(check("DELETE", "pas une origine")).toBe(false);
    expect(check("POST", "http://localhost:3110", "localhost:3111")).toBe(false);
  });
});
