import { describe, expect, test } from "vitest";
import { retryAfterLabel } from "@/lib/rate-limit";

describe("retryAfterLabel", () => {
  test("says seconds under a minute, else whole minutes rounded up", () => {
    expect(retryAfterLabel(1)).toBe("Réessayez dans 1 seconde.");
    expect(retryAfterLabel(45)).toBe("Réessayez dans 45 secondes.");
    expect(retryAfterLabel(60)).toBe("Réessayez dans 1 minute.");
    expect(retryAfterLabel(61)).toBe("Réessayez dans 2 minutes.");
    expect(retryAfterLabel(599)).toBe("Réessayez dans 10 minutes.");
  });
});
