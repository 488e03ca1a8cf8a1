import type pg from "pg";
import { inSpan, tracingEnabled } from "./tracing";

type QueryArgs = Parameters<pg.PoolClient["query"]>;

/**
 * A span per SQL statement on this connection while tracing is on. Only the statement's text is
 * recorded (truncated), never its parameters: they may hold guests' personal data. Calls the
 * prototype's query each time, so a test's spy on `pg.Client.prototype.query` still sees them.
 */
export function traceQueries(client: pg.PoolClient): void {
  const own = client as unknown as { query: (...args: QueryArgs) => unknown };
  own.query = (...args: QueryArgs) => {
    const query = Object.getPrototypeOf(client).query as (...a: QueryArgs) => unknown;
    const first = args[0] as unknown;
    const callback = args.some((a) => typeof a === "function");
    const submittable = typeof (first as { submit?: unknown } | null)?.submit === "function";
    if (!tracingEnabled() || callback || submittable) return query.apply(client, args);
    const text = typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? "");
    return inSpan(
      "db.query",
      { "db.system.name": "postgresql", "db.query.text": text.slice(0, 500) },
      () => query.apply(client, args) as Promise<unknown>,
    );
  };
}
