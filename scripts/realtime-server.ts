/**
 * Self-hosted Pusher Channels (protocol 7) server for development, `npm run app`, e2e tests and
 * benchmarks. Usage: `npm run realtime` (= `tsx scripts/realtime-server.ts`).
 *
 * Env: PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET (or REALTIME_APPS, a JSON array of {id,key,secret}),
 * REALTIME_PORT (default 6001), REALTIME_HOST (default 127.0.0.1),
 * REALTIME_LOG_LEVEL / LOG_LEVEL (default info),
 * REALTIME_CLIENT_EVENT_CHANNELS (comma-separated names or `*` patterns where `client-*` events
 * are relayed; default none), REALTIME_SIGNIN_TIMEOUT_SECONDS (sockets that have not signed in by
 * then are closed, so every socket belongs to a session the app can end; default 30, 0 = off).
 */
import { createJsonLogger, isLogLevel } from "../realtime-server/logger";
import { appsFromEnv, type RealtimeApp } from "../realtime-server/options";
import { startRealtimeServer } from "../realtime-server/server";

// Must match the defaults in lib/env-schema.mjs so the app and this server agree out of the box.
const DEFAULT_APP: RealtimeApp = { id: "kitchen", key: "kitchen-key", secret: "kitchen-secret-change-me" };
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);

async function main(): Promise<void> {
  const level = process.env.REALTIME_LOG_LEVEL || process.env.LOG_LEVEL;
  const logger = createJsonLogger(isLogLevel(level) ? level : "info");
  const port = parsePort(process.env.REALTIME_PORT, 6001);
  const host = process.env.REALTIME_HOST || "127.0.0.1";

  let apps = appsFromEnv(process.env);
  if (apps.length === 0) {
    // A well-known secret is only acceptable when nothing outside this machine can connect.
    if (process.env.NODE_ENV === "production" && !LOOPBACK_HOSTS.has(host)) {
      logger.error("PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET are required in production", { host });
      process.exit(1);
    }
    logger.warn("no app credentials in env, using the default development app", {
      appId: DEFAULT_APP.id,
      key: DEFAULT_APP.key,
    });
    apps = [DEFAULT_APP];
  }

  const clientEventChannels = (process.env.REALTIME_CLIENT_EVENT_CHANNELS ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  const signinTimeoutSeconds = parseSeconds(process.env.REALTIME_SIGNIN_TIMEOUT_SECONDS, 30);
  const server = await startRealtimeServer({
    apps,
    port,
    host,
    logger,
    clientEventChannels,
    signinTimeoutMs: signinTimeoutSeconds * 1000,
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal, stats: server.stats() });
    const forceExit = setTimeout(() => {
      logger.error("shutdown timed out", {});
      process.exit(1);
    }, 5_000);
    forceExit.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("shutdown failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Invalid REALTIME_PORT: ${value}`);
  return port;
}

function parseSeconds(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600)
    throw new Error(`Invalid REALTIME_SIGNIN_TIMEOUT_SECONDS: ${value}`);
  return seconds;
}

main().catch((error: unknown) => {
  const line = {
    level: "error",
    msg: "realtime server failed to start",
    time: new Date().toISOString(),
    error: String(error),
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
  process.exit(1);
});
