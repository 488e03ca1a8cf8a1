"use client";

import Pusher from "pusher-js";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";

let client: { key: string; pusher: Pusher } | null = null;

/**
 * pusher-js options for our realtime server (or Pusher itself): where to connect, a dead connection
 * noticed within ~20 s (default is 2 min of silence + 30 s), and the endpoints that authorise a
 * private channel and sign the socket in. Staff tabs and guest phones differ only in those.
 */
export function pusherOptions(
  config: PusherClientConfig,
  auth: { channel: string; user: string },
): ConstructorParameters<typeof Pusher>[1] {
  return {
    cluster: config.cluster,
    ...(config.wsHost
      ? {
          wsHost: config.wsHost,
          wsPort: config.wsPort ?? undefined,
          wssPort: config.wsPort ?? undefined,
          forceTLS: config.forceTLS,
          enabledTransports: config.forceTLS ? ["wss"] : ["ws"],
        }
      : { forceTLS: true }),
    disableStats: true,
    activityTimeout: 15_000,
    pongTimeout: 5_000,
    channelAuthorization: { endpoint: auth.channel, transport: "ajax" },
    userAuthentication: { endpoint: auth.user, transport: "ajax" },
  };
}

/**
 * One pusher-js connection per tab, shared by every subscription. Private channels are
 * authorised by POST /api/realtime/auth and the socket signed in by POST /api/realtime/user-auth,
 * both with the session cookie (same origin).
 */
export function getPusher(config: PusherClientConfig): Pusher {
  const key = JSON.stringify(config);
  if (client?.key === key) {
    // Dropped by the server (its session was revoked) and then signed in again without a page
    // load: reconnect; pusher-js signs the new socket in with the new session.
    const state = client.pusher.connection.state;
    if (state === "disconnected" || state === "failed") client.pusher.connect();
    return client.pusher;
  }
  client?.pusher.disconnect();
  // The socket signs in as this browser's session: ending the session drops it (ADR 0009).
  const pusher = new Pusher(
    config.key,
    pusherOptions(config, { channel: "/api/realtime/auth", user: "/api/realtime/user-auth" }),
  );
  pusher.signin();
  client = { key, pusher };
  return pusher;
}
