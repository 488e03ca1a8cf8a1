import type { Role } from "./roles";

/** Who is acting, where: passed to every use case. Tenancy comes from `locationId`. */
export type Ctx = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  locationId: string;
  requestId: string;
  ip?: string;
  /** The server-side session (UserSession.id) the request was made with. */
  sessionId?: string;
  /** Set for a bearer-token request: what the token may be used for (lib/auth/scopes.ts). */
  scopes?: readonly string[];
  /** Set for a personal/integration token request: its ApiToken.id. */
  apiTokenId?: string;
};

/**
 * Who a write is recorded against: a signed-in user's Ctx, or a guest on a public page (the
 * booking page, a cancel link) — no user, so `userId` is null in the audit log.
 */
export type Actor = Pick<Ctx, "locationId" | "requestId" | "ip"> & { userId: string | null };
