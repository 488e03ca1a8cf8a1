import { currentTraceIds } from "./observability/tracing";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const l = (process.env.LOG_LEVEL as Level | undefined) ?? "info";
  return order[l] ?? 20;
}

/** Structured JSON logs, one line each; `requestId` ties lines of one request together. */
function write(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  if (order[level] < threshold()) return;
  const ids = currentTraceIds();
  const traced = ids ? { traceId: ids.traceId, spanId: ids.spanId } : {};
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...traced, ...fields }, (_k, v) =>
    v instanceof Error
      ? { name: v.name, message: v.message, stack: v.stack }
      : typeof v === "bigint"
        ? v.toString()
        : v,
  );
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const log = {
  debug: (msg: string, f?: Record<string, unknown>) => write("debug", msg, f),
  info: (msg: string, f?: Record<string, unknown>) => write("info", msg, f),
  warn: (msg: string, f?: Record<string, unknown>) => write("warn", msg, f),
  error: (msg: string, f?: Record<string, unknown>) => write("error", msg, f),
};
