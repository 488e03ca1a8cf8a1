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
};
