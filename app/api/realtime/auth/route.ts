import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

import { fieldErrorsOf } from "@/lib/validation";
import { pusherServer } from "@/lib/realtime/pusher-server";
import { channelRefusal } from "@/lib/realtime/channel-access";

const authForm = z.object({
  socket_id: z.string().regex(/^\d{1,20}\.\d{1,20}$/, "Not a socket id"),
  channel_name: z.string().min(1).max(200),
});

/**
 * POST /api/realtime/auth (form: socket_id, channel_name) — pusher-js's channel authorizer.
 * Only our per-location private channels exist; the session's location must be the channel's
 * (another location → 403) and its role must be allowed for that audience (floor roles get no
 * kitchen channel); a driver's channel is that driver's alone (lib/realtime/channel-access.ts).
 * The signature is made with the app secret, which never leaves the server.
 */
export const POST = route({ permission: "staff.signedIn" }, async ({ ctx, req }) => {
  const form = Object.fromEntries(new URLSearchParams(await req.text()));
  const parsed = authForm.safeParse(form);
  if (!parsed.success)
    throw new AppError("VALIDATION", "Bad channel authorization request", fieldErrorsOf(parsed.error));
  const refusal = channelRefusal(ctx, parsed.data.channel_name);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  return pusherServer().authorizeChannel(parsed.data.socket_id, parsed.data.channel_name);
});
