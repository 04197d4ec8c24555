import { describe, expect, test } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

// Known open-redirect bypasses: each one, given to a browser as a relative URL on our site, leads
// (or could lead, after one more decoding) to another site.
const BYPASSES = [
  "/\\evil.example/",
  "/\\/evil.example/",
  "\\\\evil.example",
  "//evil.example",
  "///evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%252F/evil.example",
  "/%255Cevil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/%0D%0A/evil.example",
  " //evil.example",
  "https://evil.example",
  "http:evil.example",
  "//evil.example@maillage.invalid",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "/%",
  "",
];

describe("safeCallbackPath", () => {
  test.each(BYPASSES)("refuses %j", (bypass) => {
    expect(safeCallbackPath(bypass)).toBeNull();
  });

  test("keeps a path of this site, with its query and fragment", () => {
    expect(safeCallbackPath("/demandes")).toBe("/demandes");
    expect(safeCallbackPath("/demandes/abc?vue=timeline#etapes")).toBe("/demandes/abc?vue=timeline#etapes");
    expect(safeCallbackPath("/ars?periode=2026&departement=55")).toBe("/ars?periode=2026&departement=55");
    expect(safeCallbackPath("/annuaire?q=Bar-le-Duc%20Sud")).toBe("/annuaire?q=Bar-le-Duc%20Sud");
  });

  test("refuses what is not a string", () => {
    expect(safeCallbackPath(undefined)).toBeNull();
    expect(safeCallbackPath(["/demandes"])).toBeNull();
  });
});
