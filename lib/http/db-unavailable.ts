// Prisma codes: can't reach / timed out / server closed the connection / pool timeout /
// interactive transaction expired.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// What @prisma/adapter-pg reports in meta.driverAdapterError.cause.kind.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// node-postgres raises these as plain Errors (the adapter passes them through unmapped).
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/;

/** SQLSTATEs of a server that is down, starting, shutting down, full, or cancelled us on a timeout. */
function isUnavailableSqlState(code: unknown): boolean {
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return false;
  return code.startsWith("08") || ["57P01", "57P02", "57P03", "53300", "57014"].includes(code);
}

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  errorCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
};

/**
 * True when an error means "the database cannot be reached or timed out" — an outage the client
 * should retry (503), not a bug in our code (500). Follows `cause` chains.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as ErrorLike;
  if (e.name === "PrismaClientInitializationError") return true;
  for (const code of [e.code, e.errorCode]) {
    if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isUnavailableSqlState(code)))
      return true;
  }
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause && (ADAPTER_KINDS.has(String(cause.kind)) || isUnavailableSqlState(cause.originalCode))) return true;
  if (typeof e.message === "string" && PG_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** Seconds a client should wait before retrying after an outage answer. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
