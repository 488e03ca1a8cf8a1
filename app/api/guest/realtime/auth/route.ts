import { z } from "zod";
import { AppError } from "@/lib/errors";
import { guestRoute } from "@/lib/guest/guest-route";
import { guestChannel } from "@/lib/realtime/events";
import { pusherServer } from "@/lib/realtime/pusher-server";
import { fieldErrorsOf } from "@/lib/validation";

const authForm = z.object({
  socket_id: z.string().regex(/^\d{1,20}\.\d{1,20}$/, "Not a socket id"),
  channel_name: z.string().min(1).max(200),
});

// POST /api/guest/realtime/auth (form) — pusher-js's channel authorizer for a joined phone: its
// own session's channel only.
export const POST = guestRoute({ member: true }, async ({ guest, req }) => {
  const parsed = authForm.safeParse(Object.fromEntries(new URLSearchParams(await req.text())));
  if (!parsed.success)
    throw new AppError("VALIDATION", "Bad channel authorization request", fieldErrorsOf(parsed.error));
  if (parsed.data.channel_name !== guestChannel(guest.sessionId))
    throw new AppError("FORBIDDEN", "This channel belongs to another table");
  return pusherServer().authorizeChannel(parsed.data.socket_id, parsed.data.channel_name);
});
