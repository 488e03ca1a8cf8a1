import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

import { fieldErrorsOf } from "@/lib/validation";
import { authenticateRealtimeUser, realtimeUserAuthSchema } from "@/lib/auth/authenticate-realtime-user";

/**
 * POST /api/realtime/user-auth (form: socket_id) — pusher-js's user authenticator. Signs the
 * socket in as this session, so revoking the session drops the socket.
 */
export const POST = route({ permission: "staff.signedIn" }, async ({ ctx, req }) => {
  const parsed = realtimeUserAuthSchema.safeParse(Object.fromEntries(new URLSearchParams(await req.text())));
  if (!parsed.success) throw new AppError("VALIDATION", "Bad user authentication request", fieldErrorsOf(parsed.error));
  return authenticateRealtimeUser(ctx, parsed.data);
});
