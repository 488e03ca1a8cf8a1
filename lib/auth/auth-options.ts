import "server-only";
import { countedAuthAttempt } from "./auth-metrics";
import { metrics } from "../observability/metrics";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { deviceTokenFromCookieHeader } from "../devices/device-cookie";
import { findEnrolledDevice } from "../devices/find-device";
import { authenticateStaff } from "./authenticate-staff";
import { ABSOLUTE_MAX_SECONDS, sessionExpired, type Role } from "./roles";
import { clientIp } from "../http/client-ip";
import { isDatabaseUnavailable } from "../http/db-unavailable";
import { log } from "../log";
import { signOutSession } from "./sign-out";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; locationId: string; sv: number; sid: string };
  }
  interface User {
    role: Role;
    locationId: string;
    sessionVersion: number;
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role: Role;
    locationId: string;
    sv: number;
    /** Server-side session id (UserSession), checked on every request. */
    sid: string;
    authAt: number;
  }
}

export const authOptions: NextAuthOptions = {
  // Getters: read at request time, so `next build` needs no secrets.
  get secret() {
    return env().NEXTAUTH_SECRET;
  },
  session: { strategy: "jwt", maxAge: ABSOLUTE_MAX_SECONDS, updateAge: 5 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Staff sign-in",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const headers = new Headers(req?.headers as Record<string, string> | undefined);
        const requestId = headers.get("x-request-id");
        try {
          // Signing in on an enrolled tablet ties the session to it: revoking the device ends it.
          const device = await findEnrolledDevice(deviceTokenFromCookieHeader(headers.get("cookie")));
          const staff = await countedAuthAttempt("password", () =>
            authenticateStaff(credentials, {
              ip: clientIp(headers),
              userAgent: headers.get("user-agent"),
              requestId,
              deviceId: device?.id ?? null,
            }),
          );
          return { ...staff };
        } catch (error) {
          // next-auth passes the message to the client as `error`: only safe messages may get there.
          if (error instanceof AppError) throw new Error(error.message);
          if (isDatabaseUnavailable(error)) {
            log.warn("sign-in: database unavailable", { requestId, error });
            throw new Error("Sign-in is briefly unavailable. Try again in a few seconds.");
          }
          log.error("sign-in failed unexpectedly", { requestId, error });
          throw new Error("Sign-in failed. Try again.");
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      const now = Date.now();
      if (user) {
        metrics().jwtIssued.inc({ kind: "session" });
        return {
          ...token,
          sub: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          locationId: user.locationId,
          sv: user.sessionVersion,
          sid: user.sessionId,
          authAt: now,
        };
      }
      // The idle window lives on the session row (lib/auth/user-sessions.ts); the token only knows its age.
      if (sessionExpired(token.role, token.authAt, now, now)) {
        throw new Error("Session expired"); // next-auth clears the cookie
      }
      if (trigger === "update" && session && typeof session.locationId === "string") {
        const membership = await db.membership.findUnique({
          where: { userId_locationId: { userId: token.sub!, locationId: session.locationId } },
        });
        if (membership) {
          await recordAudit({
            action: "auth.location.switched",
            actorId: token.sub,
            locationId: membership.locationId,
            details: { from: token.locationId, role: membership.role },
          });
          return { ...token, locationId: membership.locationId, role: membership.role };
        }
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.sub!,
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role,
        locationId: token.locationId,
        sv: token.sv,
        sid: token.sid,
      };
      return session;
    },
  },
  events: {
    // Sign-out ends the session on the server too: a copied cookie stops working at once.
    async signOut({ token }) {
      if (!token?.sub) return;
      try {
        await signOutSession({ userId: token.sub, sessionId: token.sid, locationId: token.locationId });
      } catch (error) {
        // next-auth clears the cookie regardless; the row then lapses at its expiry.
        log.error("sign-out could not revoke the session", { error });
      }
    },
  },
  get useSecureCookies() {
    return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  },
};
