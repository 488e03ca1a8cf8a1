import "server-only";
import { recordAudit } from "../audit/record-audit";
import { disconnectRealtimeSessions } from "../realtime/pusher-server";
import { revokeSessions } from "./user-sessions";

/**
 * End one session on the server (the sign-out button): its cookie stops working at once, even
 * if a copy of it survives somewhere, and its realtime sockets are dropped.
 */
export async function signOutSession(input: {
  userId: string;
  sessionId?: string;
  locationId?: string | null;
  ip?: string | null;
  requestId?: string | null;
}): Promise<{ revoked: number }> {
  const revoked = input.sessionId ? await revokeSessions({ userId: input.userId, sessionId: input.sessionId }) : [];
  await recordAudit({
    action: "auth.sign_out",
    actorId: input.userId,
    locationId: input.locationId ?? null,
    details: { sessionId: input.sessionId ?? null, revoked: revoked.length },
    ip: input.ip,
    requestId: input.requestId,
  });
  await disconnectRealtimeSessions(revoked);
  return { revoked: revoked.length };
}
