const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF guard for cookie-authenticated unsafe requests. Browsers say where a request comes from:
 * `Sec-Fetch-Site` (the browser's own verdict, right behind any proxy) or, in older ones, `Origin`.
 * Requests carrying neither are not from a browser page, so no other site's page can have sent
 * them with our cookie. Returns why the request is refused, or null.
 */
export function crossSiteReason(method: string, headers: Headers, ownHosts: readonly string[]): string | null {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.get("sec-fetch-site");
  // "same-site" includes sibling subdomains, which we do not control.
  if (site) return site === "same-origin" ? null : `Sec-Fetch-Site is ${site}`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return `Origin ${origin.slice(0, 100)} is not ours`;
  }
  return host && ownHosts.includes(host) ? null : `Origin ${origin.slice(0, 100)} is not ours`;
}

/** Hosts this app answers on: the request's own Host (a proxy's X-Forwarded-Host only when trusted) and NEXTAUTH_URL's. */
export function ownHosts(headers: Headers, trustProxy: boolean, publicUrl?: string): string[] {
  const hosts: string[] = [];
  const forwarded = trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded || headers.get("host");
  if (host) hosts.push(host);
  if (publicUrl) {
    try {
      hosts.push(new URL(publicUrl).host);
    } catch {
      // validated at start; ignore here
    }
  }
  return hosts;
}

/** JSON bodies only: a cross-site form or `text/plain` fetch cannot send this type without a CORS preflight. */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}
