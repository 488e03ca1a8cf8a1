export { startRealtimeServer, type RealtimeServer } from "./server";
export { appsFromEnv, DEFAULT_HOST, DEFAULT_PORT, type RealtimeApp, type RealtimeServerOptions } from "./options";
export type { RealtimeStats } from "./app-state";
export { createJsonLogger, silentLogger, type RealtimeLogger } from "./logger";
export { signChannelAuth, signUserAuth } from "./signatures";
