import { describe, expect, test } from "vitest";
import { clientAddress, normaliseAddress, retryAfterLabel } from "@/lib/rate-limit";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddress", () => {
  test("takes the address our proxy appended to X-Forwarded-For, not the one the client wrote", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
  });

  test("with two trusted proxies, the address the first one saw", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }), 2)).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), 3)).toBe("203.0.113.7");
  });

  test("falls back on X-Real-IP, then on one shared bucket", () => {
    expect(clientAddress(headers({ "x-real-ip": " 198.51.100.4 " }))).toBe("198.51.100.4");
    expect(clientAddress(headers({ "x-forwarded-for": " , " , "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(headers({}))).toBe("unknown");
  });
});

describe("normaliseAddress", () => {
  test("an IPv4-mapped IPv6 address is the IPv4 client", () => {
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("192.0.2.1")).toBe("192.0.2.1");
  });

  test("IPv6 clients are keyed by their /64, however the address is written", () => {
    expect(normaliseAddress("2001:db8:85a3:1:abcd::1")).toBe("2001:db8:85a3:1::/64");
    expect(normaliseAddress("[2001:0DB8:85A3:0001:0:0:0:2]")).toBe("2001:db8:85a3:1::/64");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
  });
});

describe("retryAfterLabel", () => {
  test("says seconds under a minute, else whole minutes rounded up", () => {
    expect(retryAfterLabel(1)).toBe("Réessayez dans 1 seconde.");
    expect(retryAfterLabel(45)).toBe("Réessayez dans 45 secondes.");
    expect(retryAfterLabel(60)).toBe("Réessayez dans 1 minute.");
    expect(retryAfterLabel(61)).toBe("Réessayez dans 2 minutes.");
    expect(retryAfterLabel(599)).toBe("Réessayez dans 10 minutes.");
  });
});
