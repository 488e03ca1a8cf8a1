import "server-only";
import { z } from "zod";
import { AppError } from "../errors";
import { pusherServer } from "../realtime/pusher-server";
import type { Ctx } from "./context";

export const realtimeUserAuthSchema = z.object({
  socket_id: z.string().regex(/^\d{1,20}\.\d{1,20}$/, "Not a socket id"),
});
export type RealtimeUserAuthInput = z.infer<typeof realtimeUserAuthSchema>;

/**
 * Pusher user sign-in for a browser's socket. The Pusher user id is the SESSION id, not the
 * user id: revoking one session then drops exactly its sockets (terminate_connections), while the
 * same person's other screens stay live.
 */
export function authenticateRealtimeUser(ctx: Ctx, input: RealtimeUserAuthInput) {
  if (!ctx.sessionId) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return pusherServer().authenticateUser(input.socket_id, {
    id: ctx.sessionId,
    user_info: { userId: ctx.userId, role: ctx.role, locationId: ctx.locationId },
  });
}
