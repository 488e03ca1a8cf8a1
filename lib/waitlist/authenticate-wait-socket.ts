import "server-only";
import { realtimeUserAuthSchema } from "../auth/authenticate-realtime-user";
import { db } from "../db";
import { AppError } from "../errors";
import { pusherServer } from "../realtime/pusher-server";
import { fieldErrorsOf } from "../validation";
import { waitTokenSchema } from "./schemas";
import { hashWaitToken } from "./wait-channel";

/**
 * Signs a waiting guest's socket in as "wait-<entry id>" (not a staff session): the self-hosted
 * realtime server drops sockets that never sign in. Only a valid status link gets a signature.
 */
export async function authenticateWaitSocket(token: string, form: Record<string, string>) {
  const parsed = realtimeUserAuthSchema.safeParse(form);
  if (!parsed.success) throw new AppError("VALIDATION", "Bad user authentication request", fieldErrorsOf(parsed.error));
  const valid = waitTokenSchema.safeParse(token);
  const entry = valid.success
    ? await db.waitlistEntry.findUnique({ where: { tokenHash: hashWaitToken(valid.data) }, select: { id: true } })
    : null;
  if (!entry) throw new AppError("NOT_FOUND", "This waitlist link is not valid");
  return pusherServer().authenticateUser(parsed.data.socket_id, { id: `wait-${entry.id}` });
}
