// Edge-safe (middleware imports it): no Node modules.

/** Request headers a client can forge. Middleware removes them unless TRUST_PROXY names our proxies. */
export const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-real-ip",
  "forwarded",
  "x-client-ip",
  "true-client-ip",
  "cf-connecting-ip",
] as const;

/**
 * How many reverse proxies of our own sit in front of the app, each appending to
 * X-Forwarded-For. `false`/`0` (default): none, use the socket address; `true` = 1.
 */
export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY): number {
  if (value === "true") return 1;
  return value && /^\d$/.test(value) ? Number(value) : 0;
}

/**
 * The caller's address for rate limits and the audit log.
 * - No trusted proxy: middleware deleted every forwarding header, so Next sets X-Forwarded-For to
 *   the socket address (it only fills the header when absent): one entry, not client-written.
 * - N trusted proxies: each appended the address it saw, so the entry N from the right is the one
 *   our outermost proxy saw. Anything further left was written by the client.
 */
export function clientIp(headers: Headers, hops = trustedProxyHops()): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = hops === 0 ? chain.at(-1) : chain[Math.max(0, chain.length - hops)];
  return (picked && normalizeIp(picked)) ?? "unknown";
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function normalizeIp(raw: string): string | null {
  const value = raw.toLowerCase();
  if (value.startsWith("::ffff:") && IPV4.test(value.slice(7))) return value.slice(7);
  if (IPV4.test(value)) return value;
  return expandIpv6(value) ? value : null;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function expandIpv6(raw: string): number[] | null {
  if (!/^[0-9a-f:.]{2,45}$/.test(raw)) return null;
  let value = raw;
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(raw);
  if (v4) {
    if (!IPV4.test(v4[2])) return null;
    const [a, b, c, d] = v4[2].split(".").map(Number);
    value = `${v4[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = value.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part ? part.split(":") : []);
  const left = parse(halves[0]);
  const right = halves.length === 2 ? parse(halves[1]) : [];
  if ([...left, ...right].some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => parseInt(g, 16));
}

/**
 * The key per-IP limits count under. An IPv6 subscriber usually holds a whole /64, so limits
 * keyed by full address could be dodged by rotating through it.
 */
export function rateLimitKeyForIp(ip: string): string {
  const groups = ip.includes(":") ? expandIpv6(ip) : null;
  if (!groups) return ip;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
