/** Stand-in origin when the real one is unknown: relative paths resolve against it. */
const PLACEHOLDER_ORIGIN = "https://servicebell.invalid";
const MAX_LENGTH = 2048;
// Targets that would loop back to sign-in or trigger an API call instead of showing a page.
const REFUSED_PREFIXES = ["/login", "/api/"];

/**
 * Where to send someone after sign-in: a path on our own origin, or null (→ their role's home).
 * The value is resolved exactly as a browser resolves a Location header (`new URL`, which drops
 * tabs and newlines and treats `\` as `/`), so `/\t/evil.example` is seen as `//evil.example`,
 * another origin. The answer is the normalised path, percent-encoded: safe in a header.
 */
export function safeCallbackUrl(raw: unknown, ownOrigin: string = PLACEHOLDER_ORIGIN): string | null {
  // A repeated query parameter arrives as an array: refuse rather than guess.
  if (typeof raw !== "string" || !raw || raw.length > MAX_LENGTH) return null;
  let origin: string;
  let target: URL;
  try {
    origin = new URL(ownOrigin).origin;
    target = new URL(raw, origin);
  } catch {
    return null;
  }
  if (target.origin !== origin || target.username || target.password) return null;
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(target.pathname).toLowerCase();
  } catch {
    return null;
  }
  if (REFUSED_PREFIXES.some((p) => decodedPath === p.replace(/\/$/, "") || decodedPath.startsWith(p))) return null;
  return target.pathname + target.search + target.hash;
}
