import { describe, expect, it } from "vitest";
import { clientIp, FORWARDING_HEADERS, rateLimitKeyForIp, trustedProxyHops } from "./client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("trustedProxyHops", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["false", 0],
    ["0", 0],
    ["true", 1],
    ["1", 1],
    ["2", 2],
    ["yes", 0],
    ["-1", 0],
    ["1.5", 0],
  ])("%s → %i", (value, hops) => expect(trustedProxyHops(value)).toBe(hops));
});

describe("clientIp", () => {
  // Without trusted proxies, middleware strips forwarding headers and Next sets X-Forwarded-For
  // to the socket address: the header then holds exactly one address, ours to trust.
  it("without a proxy: the socket address Next put in X-Forwarded-For", () => {
    expect(clientIp(h({ "x-forwarded-for": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientIp(h({ "x-forwarded-for": "2001:DB8::1" }), 0)).toBe("2001:db8::1");
  });

  it("never reads X-Real-IP", () => {
    expect(clientIp(h({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "10.0.0.5" }), 0)).toBe("10.0.0.5");
    expect(clientIp(h({ "x-real-ip": "203.0.113.7" }), 0)).toBe("unknown");
    expect(clientIp(h({ "x-real-ip": "203.0.113.7" }), 1)).toBe("unknown");
  });

  it("behind N proxies: the address the outermost trusted proxy saw, not what the client wrote", () => {
    // client wrote "6.6.6.6"; our one proxy appended the real client.
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 198.51.100.4" }), 1)).toBe("198.51.100.4");
    // CDN → load balancer → app: the LB appended the CDN's address.
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 192.0.2.10" }), 2)).toBe("198.51.100.4");
    // Fewer entries than hops: the leftmost is all we have.
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.4" }), 3)).toBe("198.51.100.4");
  });

  it("turns junk into 'unknown' rather than logging it", () => {
    expect(clientIp(h({ "x-forwarded-for": "<script>" }), 0)).toBe("unknown");
    expect(clientIp(h({ "x-forwarded-for": "999.1.1.1" }), 0)).toBe("unknown");
    expect(clientIp(h({ "x-forwarded-for": "1:2:3:4:5:6:7:8:9" }), 0)).toBe("unknown");
    expect(clientIp(h({ "x-forwarded-for": "::ffff:10.1.2.3" }), 0)).toBe("10.1.2.3");
    expect(clientIp(h({}), 0)).toBe("unknown");
  });

  it("lists the headers middleware removes when no proxy is trusted", () => {
    expect(FORWARDING_HEADERS).toEqual(expect.arrayContaining(["x-forwarded-for", "x-real-ip", "forwarded"]));
  });
});

describe("rateLimitKeyForIp", () => {
  it("keeps IPv4 addresses", () => expect(rateLimitKeyForIp("198.51.100.4")).toBe("198.51.100.4"));

  it("groups IPv6 by /64: one subscriber cannot rotate through its own prefix", () => {
    const a = rateLimitKeyForIp("2001:db8:1:2:aaaa::1");
    expect(a).toBe("2001:db8:1:2::/64");
    expect(rateLimitKeyForIp("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe(a);
    expect(rateLimitKeyForIp("2001:db8:1:3::1")).not.toBe(a);
    expect(rateLimitKeyForIp("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitKeyForIp("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0::/64");
    expect(rateLimitKeyForIp("2001:db8::1::2")).toBe("2001:db8::1::2"); // not an address: as is
  });
});
