import type { RealtimeLogger } from "./logger";
import { silentLogger } from "./logger";

export interface RealtimeApp {
  id: string;
  key: string;
  secret: string;
}

export interface RealtimeServerOptions {
  /** Apps served by this instance. Default: `appsFromEnv(process.env)`. */
  apps?: RealtimeApp[];
  /** Default 6001; 0 picks an ephemeral port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Seconds advertised in `pusher:connection_established`. Default 120. */
  activityTimeout?: number;
  /** Idle time before the server pings a silent client. Default activityTimeout + 30 s. */
  idleTimeoutMs?: number;
  /** Time a pinged client has to answer before it is closed with 4201. Default 30 s. */
  pongTimeoutMs?: number;
  /** Max bytes of `data` per event (HTTP API and client events). Default 10 KiB. */
  maxEventBytes?: number;
  /** Max events per `batch_events` call. Default 10. */
  maxBatchSize?: number;
  /** Max channels per `events` call. Default 100. */
  maxChannelsPerEvent?: number;
  /** Max HTTP request body. Default: enough for a full batch of maximum-size events. */
  maxHttpBodyBytes?: number;
  /** Max inbound WebSocket frame. Default 64 KiB. */
  maxMessageBytes?: number;
  /** Outbound bytes queued per socket before it is dropped as a slow consumer. Default 1 MiB. */
  maxSocketBufferBytes?: number;
  /** Default 10 000. */
  maxConnections?: number;
  /** Default 1 000. */
  maxChannelsPerConnection?: number;
  /** Default 100 (Pusher's limit). */
  maxPresenceMembers?: number;
  /** Max size of a presence `user_info`, in bytes of JSON. Default 1 KiB (Pusher's limit). */
  maxUserInfoBytes?: number;
  /** Allowed |server time - auth_timestamp| for HTTP API calls. Default 600 s. */
  maxTimestampSkewSeconds?: number;
  /**
   * Channels on which `client-*` events are relayed (private/presence only), as names or
   * patterns where `*` matches any run of characters. Default none: a browser cannot broadcast
   * to other subscribers unless the app names the channel.
   */
  clientEventChannels?: readonly string[];
  /**
   * Close connections that have not signed in (`pusher:signin`) within this many ms, with 4009,
   * like Pusher's "authorized connections". Then every socket belongs to a session the app can
   * end with terminate_connections. Default 0 = off.
   */
  signinTimeoutMs?: number;
  /** Per-connection client event rate limit. Default 10/s (Pusher's limit). */
  clientEventsPerSecond?: number;
  logger?: RealtimeLogger;
}

export type ResolvedOptions = Required<Omit<RealtimeServerOptions, "apps" | "clientEventChannels">> & {
  apps: RealtimeApp[];
  /** Whether `client-*` events may be relayed on this channel. */
  clientEventsAllowed: (channel: string) => boolean;
};

export const DEFAULT_PORT = 6001;
export const DEFAULT_HOST = "127.0.0.1";

export function resolveOptions(options: RealtimeServerOptions = {}): ResolvedOptions {
  const apps = options.apps ?? appsFromEnv(process.env);
  if (apps.length === 0) {
    throw new Error("Realtime server needs at least one app (set PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET)");
  }
  assertUniqueApps(apps);

  const activityTimeout = options.activityTimeout ?? 120;
  const maxEventBytes = options.maxEventBytes ?? 10 * 1024;
  const maxBatchSize = options.maxBatchSize ?? 10;
  return {
    apps,
    port: options.port ?? DEFAULT_PORT,
    host: options.host ?? DEFAULT_HOST,
    activityTimeout,
    idleTimeoutMs: options.idleTimeoutMs ?? activityTimeout * 1000 + 30_000,
    pongTimeoutMs: options.pongTimeoutMs ?? 30_000,
    maxEventBytes,
    maxBatchSize,
    maxChannelsPerEvent: options.maxChannelsPerEvent ?? 100,
    // Data travels JSON-escaped inside the body, so allow roughly double plus envelope.
    maxHttpBodyBytes: options.maxHttpBodyBytes ?? Math.max(64 * 1024, maxBatchSize * (maxEventBytes * 2 + 1024)),
    maxMessageBytes: options.maxMessageBytes ?? 64 * 1024,
    maxSocketBufferBytes: options.maxSocketBufferBytes ?? 1024 * 1024,
    maxConnections: options.maxConnections ?? 10_000,
    maxChannelsPerConnection: options.maxChannelsPerConnection ?? 1_000,
    maxPresenceMembers: options.maxPresenceMembers ?? 100,
    maxUserInfoBytes: options.maxUserInfoBytes ?? 1024,
    maxTimestampSkewSeconds: options.maxTimestampSkewSeconds ?? 600,
    clientEventsAllowed: channelMatcher(options.clientEventChannels ?? []),
    signinTimeoutMs: options.signinTimeoutMs ?? 0,
    clientEventsPerSecond: options.clientEventsPerSecond ?? 10,
    logger: options.logger ?? silentLogger,
  };
}

/** Exact names or `*` wildcards; an empty list matches nothing. */
export function channelMatcher(patterns: readonly string[]): (channel: string) => boolean {
  if (patterns.length === 0) return () => false;
  const escape = (p: string) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  const re = new RegExp(`^(?:${patterns.map(escape).join("|")})$`);
  return (channel) => re.test(channel);
}

/**
 * `REALTIME_APPS` (JSON array of `{id,key,secret}`) takes precedence; otherwise a single app from
 * `PUSHER_APP_ID` / `PUSHER_KEY` / `PUSHER_SECRET`. Returns [] when nothing is configured.
 */
export function appsFromEnv(env: Readonly<Record<string, string | undefined>>): RealtimeApp[] {
  const json = env.REALTIME_APPS?.trim();
  if (json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new Error("REALTIME_APPS must be a JSON array of {id,key,secret}");
    }
    if (!Array.isArray(parsed) || !parsed.every(isRealtimeApp)) {
      throw new Error("REALTIME_APPS must be a JSON array of {id,key,secret}");
    }
    return parsed.map(({ id, key, secret }) => ({ id, key, secret }));
  }
  const { PUSHER_APP_ID: id, PUSHER_KEY: key, PUSHER_SECRET: secret } = env;
  if (!id || !key || !secret) return [];
  return [{ id, key, secret }];
}

function isRealtimeApp(value: unknown): value is RealtimeApp {
  if (typeof value !== "object" || value === null) return false;
  const app = value as Record<string, unknown>;
  return [app.id, app.key, app.secret].every((field) => typeof field === "string" && field !== "");
}

function assertUniqueApps(apps: readonly RealtimeApp[]): void {
  const ids = new Set(apps.map((app) => app.id));
  const keys = new Set(apps.map((app) => app.key));
  if (ids.size !== apps.length || keys.size !== apps.length) {
    throw new Error("Realtime apps must have unique ids and keys");
  }
}
