export type LogFields = Record<string, unknown>;

export interface RealtimeLogger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const noop = (): void => {};

export const silentLogger: RealtimeLogger = { debug: noop, info: noop, warn: noop, error: noop };

const LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LEVELS)[number];

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

// Same split as lib/log.ts: warnings and errors on stderr.
const writeToStdio = (line: string, level: LogLevel): void => {
  (level === "warn" || level === "error" ? process.stderr : process.stdout).write(line);
};

/** One JSON object per line: `{"level","msg","time",...fields}`. */
export function createJsonLogger(
  minLevel: LogLevel = "info",
  write: (line: string, level: LogLevel) => void = writeToStdio,
): RealtimeLogger {
  const threshold = LEVELS.indexOf(minLevel);
  const log = (level: LogLevel) => (msg: string, fields?: LogFields) => {
    if (LEVELS.indexOf(level) < threshold) return;
    write(`${JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields })}\n`, level);
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
