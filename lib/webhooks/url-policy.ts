import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { text } from "../validation";

/** Where a webhook may point: an absolute http(s) URL without credentials. */
export const webhookUrlSchema = text("Enter the URL to send events to")
  .trim()
  .max(2000, "2000 characters at most")
  .refine((v) => URL.canParse(v), "Enter a full URL, e.g. https://example.com/hooks/kitchen")
  .refine((v) => !URL.canParse(v) || ["http:", "https:"].includes(new URL(v).protocol), "Only http and https URLs")
  .refine(
    (v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password),
    "No user name or password in the URL",
  );

// Loopback, private, link-local (cloud metadata), CGNAT, unspecified, multicast and reserved ranges.
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** Whether an IP address is one the app must not call on an integrator's behalf. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], "ipv4");
  return blocked.check(address, "ipv6");
}

/**
 * Refuses a URL whose host is, or resolves to, a private or loopback address (SSRF) unless
 * private targets are allowed (WEBHOOK_ALLOW_PRIVATE, for development, tests and LAN installs).
 * Returns the refusal's message, or null.
 */
export async function privateTargetRefusal(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return "Local addresses are not allowed";
  const addresses = isIP(host) ? [host] : await resolve(host);
  if (addresses.length === 0) return "The host name does not resolve";
  return addresses.some(isPrivateAddress) ? "Private and local network addresses are not allowed" : null;
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return [];
  }
}
