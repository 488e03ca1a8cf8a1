import { AppError } from "@/lib/errors";
import { realtimeUserAuthSchema } from "@/lib/auth/authenticate-realtime-user";
import { guestRoute } from "@/lib/guest/guest-route";
import { pusherServer } from "@/lib/realtime/pusher-server";
import { fieldErrorsOf } from "@/lib/validation";

// POST /api/guest/realtime/user-auth (form: socket_id) — signs a joined phone's socket in as
// "guest-<member id>": the self-hosted realtime server drops sockets that never sign in.
export const POST = guestRoute({ member: true }, async ({ guest, req }) => {
  const parsed = realtimeUserAuthSchema.safeParse(Object.fromEntries(new URLSearchParams(await req.text())));
  if (!parsed.success) throw new AppError("VALIDATION", "Bad user authentication request", fieldErrorsOf(parsed.error));
  return pusherServer().authenticateUser(parsed.data.socket_id, { id: `guest-${guest.memberId}` });
});
