"use client";

import Pusher from "pusher-js";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";

let client: { key: string; pusher: Pusher } | null = null;

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
  const pusher = new Pusher(config.key, {
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
    // Notice a dead connection within ~20 s (default is 2 min of silence + 30 s).
    activityTimeout: 15_000,
    pongTimeout: 5_000,
    channelAuthorization: { endpoint: "/api/realtime/auth", transport: "ajax" },
    // The socket signs in as this browser's session: ending the session drops it (ADR 0009).
    userAuthentication: { endpoint: "/api/realtime/user-auth", transport: "ajax" },
  });
  pusher.signin();
  client = { key, pusher };
  return pusher;
}
