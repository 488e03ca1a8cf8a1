/** The caller's IP for rate limits; X-Forwarded-For is trusted only behind a known proxy. */
export function clientIp(headers: Headers): string {
  if (process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get("x-real-ip") ?? "local";
}
