import "server-only";
import Pusher from "pusher";
import { env } from "../env";
import { log } from "../log";

let client: Pusher | undefined;

/** The server SDK, pointed at Pusher's cloud or a self-hosted protocol-compatible server. */
export function pusherServer(): Pusher {
  if (client) return client;
  const e = env();
  client = new Pusher({
    appId: e.PUSHER_APP_ID,
    key: e.PUSHER_KEY,
    secret: e.PUSHER_SECRET,
    ...(e.PUSHER_HOST
      ? { host: e.PUSHER_HOST, port: e.PUSHER_PORT ? String(e.PUSHER_PORT) : undefined, useTLS: e.PUSHER_USE_TLS }
      : { cluster: e.PUSHER_CLUSTER, useTLS: true }),
    timeout: 2000,
  });
  return client;
}

/** What the browser's pusher-js needs; passed to client components as props (no build-time env). */
export function pusherClientConfig() {
  const e = env();
  const host = e.PUSHER_WS_HOST ?? e.PUSHER_HOST;
  return {
    key: e.PUSHER_KEY,
    cluster: e.PUSHER_CLUSTER,
    wsHost: host ?? null,
    wsPort: e.PUSHER_WS_PORT ?? e.PUSHER_PORT ?? null,
    forceTLS: e.PUSHER_USE_TLS,
  };
}
export type PusherClientConfig = ReturnType<typeof pusherClientConfig>;

/**
 * Close the realtime sockets of ended sessions. Browsers sign their socket in with the session id
 * as the Pusher user id (POST /api/realtime/user-auth), so this drops exactly those sockets.
 * Best effort after commit: a realtime outage must not fail a sign-out.
 */
export async function disconnectRealtimeSessions(sessionIds: readonly string[]): Promise<void> {
  await Promise.all(
    sessionIds.map((id) =>
      pusherServer()
        .terminateUserConnections(id)
        .catch((error: unknown) =>
          log.warn("could not drop realtime sockets of a revoked session", { sessionId: id, error }),
        ),
    ),
  );
}
