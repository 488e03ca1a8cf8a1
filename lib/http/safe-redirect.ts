/** Only same-site paths: an attacker's link must not bounce a signed-in user elsewhere. */
export function safeCallbackUrl(raw: string | undefined | null): string | null {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  if (raw.startsWith("/login") || raw.startsWith("/api/")) return null;
  return raw;
}
