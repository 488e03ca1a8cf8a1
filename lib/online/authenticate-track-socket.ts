import "server-only";
import { createHash } from "node:crypto";
import { realtimeUserAuthSchema } from "../auth/authenticate-realtime-user";
import { db } from "../db";
import { AppError } from "../errors";
import { pusherServer } from "../realtime/pusher-server";
import { fieldErrorsOf } from "../validation";
import { trackingTokenSchema } from "./schemas";

/**
 * Signs a tracking page's socket in (not a staff session): the self-hosted realtime server drops
 * sockets that never sign in. Only a live tracking link gets a signature; the user id is a hash
 * of the token, never the token or the order.
 */
export async function authenticateTrackSocket(token: string, form: Record<string, string>) {
  const parsed = realtimeUserAuthSchema.safeParse(form);
  if (!parsed.success) throw new AppError("VALIDATION", "Bad user authentication request", fieldErrorsOf(parsed.error));
  const valid = trackingTokenSchema.safeParse(token);
  const order = valid.success
    ? await db.onlineOrder.findUnique({ where: { trackingToken: valid.data }, select: { orderId: true } })
    : null;
  if (!order) throw new AppError("NOT_FOUND", "This tracking link is not valid");
  const id = "track-" + createHash("sha256").update(`track-user:${token}`).digest("hex").slice(0, 32);
  return pusherServer().authenticateUser(parsed.data.socket_id, { id });
}
