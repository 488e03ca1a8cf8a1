// A real next-auth session cookie for tests that call currentCtx/requireUser outside a request:
// sealed by next-auth's own encode with the test secret, read back by lib/auth/session-token.ts.
import { encode } from "next-auth/jwt";

export type TestSessionUser = { id: string; locationId: string; role?: string; sv?: number; sid?: string };

/** What `cookies()` from next/headers answers for a signed-in user (or nobody). */
export async function sessionCookies(user: Record<string, unknown> | TestSessionUser | null, secret?: string) {
  const value = user
    ? await encode({
        token: {
          sub: user.id as string,
          locationId: user.locationId,
          role: user.role ?? "SERVER",
          sv: user.sv ?? 0,
          sid: user.sid,
          authAt: Date.now(),
        } as never,
        secret: secret ?? process.env.NEXTAUTH_SECRET!,
        maxAge: 12 * 3600,
      })
    : null;
  return { get: (name: string) => (value && name === "next-auth.session-token" ? { value } : undefined) };
}
