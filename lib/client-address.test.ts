import { describe, expect, test } from "vitest";
import { clientAddress, normaliseAddress } from "@/lib/client-address";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddress", () => {
  test("with no trusted proxy, the last hop (the socket's peer, appended by our front) whatever the client wrote before it", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), [])).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 203.0.113.7" }), [])).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), [])).toBe("203.0.113.7");
  });

  test("behind configured proxies, the first hop from the right that is not one of them", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }), ["10.0.0.2"])).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.3, 10.0.0.2" }), ["10.0.0.2", "10.0.0.3"])).toBe("203.0.113.7");
    // A proxy that is not configured is a client like any other.
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.9" }), ["10.0.0.2"])).toBe("10.0.0.9");
    // The proxy itself (its health check): every hop trusted.
    expect(clientAddress(headers({ "x-forwarded-for": "10.0.0.2" }), ["10.0.0.2"])).toBe("10.0.0.2");
    expect(clientAddress(headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), ["127.0.0.1"])).toBe("127.0.0.1");
    expect(clientAddress(headers({ "x-forwarded-for": "2001:db8::7, 0:0:0:0:0:0:0:1" }), ["::1"])).toBe("2001:db8:0:0::/64");
  });

  test("X-Real-IP and garbage entries count for nothing; no header at all is one shared bucket", () => {
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.4" }), [])).toBe("unknown");
    expect(clientAddress(headers({ "x-forwarded-for": "pas-une-adresse, 198.51.100.4" }), [])).toBe("198.51.100.4");
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.4, pas-une-adresse" }), [])).toBe("198.51.100.4");
    expect(clientAddress(headers({ "x-forwarded-for": " , " }), [])).toBe("unknown");
    expect(clientAddress(headers({}), [])).toBe("unknown");
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
