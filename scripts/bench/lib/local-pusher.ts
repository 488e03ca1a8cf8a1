import type PusherServer from "pusher";
import PusherClient, { type Channel } from "pusher-js";

/**
 * A pusher-js client on our realtime server over plain ws, signing channels (and, given a user
 * id, the user) with the server SDK the way the app's /api/realtime endpoints do, minus the HTTP
 * round trip.
 */
export function localPusherClient(opts: {
  key: string;
  host: string;
  port: number;
  signer: PusherServer;
  userId?: string;
}): PusherClient {
  const { signer, userId } = opts;
  const client = new PusherClient(opts.key, {
    cluster: "mt1",
    wsHost: opts.host,
    wsPort: opts.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      endpoint: "/unused",
      transport: "ajax",
      customHandler: ({ socketId, channelName }, cb) => cb(null, signer.authorizeChannel(socketId, channelName)),
    },
    userAuthentication: {
      endpoint: "/unused",
      transport: "ajax",
      customHandler: ({ socketId }, cb) => cb(null, signer.authenticateUser(socketId, { id: userId ?? "bench" })),
    },
  });
  if (userId) client.signin();
  return client;
}

/** Subscribe and resolve once the server confirmed it (reject on subscription_error). */
export function subscribed(client: PusherClient, channelName: string): Promise<Channel> {
  const channel = client.subscribe(channelName);
  return new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve(channel));
    channel.bind("pusher:subscription_error", (error: unknown) =>
      reject(new Error(`subscription_error: ${JSON.stringify(error)}`)),
    );
  });
}
