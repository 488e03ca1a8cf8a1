import "server-only";
import type { Account } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import { authOptions } from "./auth-options";
import type { AuthenticatedStaff } from "./authenticate-staff";

export type SessionCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
};

/**
 * The next-auth session cookie a Credentials sign-in would set for this person, made outside
 * next-auth (PIN quick switch, docs/adr/0022): the claims come from the same `jwt` callback, the
 * token from next-auth's own `encode` with the same secret and lifetime, the cookie from the same
 * name and options as next-auth's defaults. So every reader (getServerSession, middleware's
 * getToken, the session callback) sees exactly what a password sign-in produces.
 */
export async function issueSessionCookie(staff: AuthenticatedStaff): Promise<SessionCookie> {
  const maxAge = authOptions.session!.maxAge!;
  // next-auth's own starting token for a Credentials user (core/callback.ts): name, email, picture, sub.
  const start: JWT = { name: staff.name, email: staff.email, sub: staff.id } as JWT;
  const account: Account = { providerAccountId: staff.id, type: "credentials", provider: "credentials" };
  const token = await authOptions.callbacks!.jwt!({
    token: start,
    user: { ...staff, id: staff.id },
    account,
    profile: undefined,
    trigger: "signIn",
    isNewUser: false,
    session: undefined,
  });
  const secure = authOptions.useSecureCookies ?? false;
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    value: await encode({ token, secret: authOptions.secret!, maxAge }),
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, expires: new Date(Date.now() + maxAge * 1000) },
  };
}
