import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** What a scrape reads from the database pool of this process (set by lib/db.ts). */
export type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const pools: { stats?: () => PoolStats } = {};
  const m = {
    registry,
    pools,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "API requests answered, by method, route template and status.",
      labelNames: ["method", "route", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "API request duration, by method, route template and status.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    authAttempts: new Counter({
      name: "auth_attempts_total",
      help: "Sign-in and PIN attempts by kind and outcome (success, failure, locked, rate_limited).",
      labelNames: ["kind", "outcome"] as const,
      registers: [registry],
    }),
    jwtIssued: new Counter({
      name: "jwt_tokens_issued_total",
      help: "Signed tokens issued, by kind (session = a browser sign-in).",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "rate_limit_exceeded_total",
      help: "Requests refused by a rate limit, by policy.",
      labelNames: ["policy"] as const,
      registers: [registry],
    }),
    ordersSent: new Counter({
      name: "orders_sent_total",
      help: "Sends to the kitchen that created tickets (replays of an idempotent send are not counted).",
      labelNames: ["source"] as const,
      registers: [registry],
    }),
    ticketsBumped: new Counter({
      name: "kitchen_tickets_bumped_total",
      help: "Tickets bumped at a station.",
      labelNames: ["station"] as const,
      registers: [registry],
    }),
    ticketSeconds: new Histogram({
      name: "kitchen_ticket_seconds",
      help: "Ticket time at a station, fired to bumped.",
      labelNames: ["station"] as const,
      buckets: [60, 120, 300, 480, 600, 900, 1200, 1800, 2700, 3600],
      registers: [registry],
    }),
    realtimePublish: new Histogram({
      name: "realtime_publish_duration_seconds",
      help: "Time to hand a batch of realtime messages to the realtime server, by outcome.",
      labelNames: ["outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    realtimeFailures: new Counter({
      name: "realtime_publish_failures_total",
      help: "Realtime message batches given up on after retries (displays resync from the database).",
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: "webhook_deliveries_total",
      help: "Webhook delivery attempts, by event type and outcome (succeeded, retrying, failed).",
      labelNames: ["event", "outcome"] as const,
      registers: [registry],
    }),
    housekeepingDeleted: new Counter({
      name: "housekeeping_deleted_rows_total",
      help: "Rows deleted by the housekeeping passes (data retention, ADR 0049), by table.",
      labelNames: ["table"] as const,
      registers: [registry],
    }),
    stockOuts: new Counter({
      name: "stock_outs_total",
      help: "Menu items 86'd automatically because an ingredient ran out.",
      registers: [registry],
    }),
  };
  new Gauge({
    name: "database_connections_active",
    help: "Database connections of this process checked out for a query or transaction.",
    registers: [registry],
    collect() {
      const s = pools.stats?.();
      this.set(s ? s.totalCount - s.idleCount : 0);
    },
  });
  new Gauge({
    name: "database_connections_idle",
    help: "Open database connections of this process waiting in the pool.",
    registers: [registry],
    collect() {
      this.set(pools.stats?.().idleCount ?? 0);
    },
  });
  new Gauge({
    name: "database_pool_waiting",
    help: "Queries of this process waiting for a free database connection.",
    registers: [registry],
    collect() {
      this.set(pools.stats?.().waitingCount ?? 0);
    },
  });
  return m;
}

// One registry per process: Next may load this module in more than one bundle.
const holder = globalThis as unknown as { kitchenMetrics?: ReturnType<typeof build> };

/** The process's metrics (Prometheus series). */
export function metrics() {
  holder.kitchenMetrics ??= build();
  return holder.kitchenMetrics;
}

/**
 * The route template of a request path, from the values of its dynamic segments:
 * /api/v1/orders/ck12/history with { orderId: "ck12" } → /api/v1/orders/[orderId]/history.
 * Labels must never carry raw ids (one series per order would sink Prometheus).
 */
export function routeTemplate(pathname: string, params: Record<string, string | string[] | undefined>): string {
  const byValue = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string" && value) byValue.set(value, `[${name}]`);
    else if (Array.isArray(value)) value.forEach((v) => byValue.set(v, `[...${name}]`));
  }
  const parts = pathname.split("/").map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // keep the raw segment
    }
    return byValue.get(decoded) ?? segment;
  });
  // A catch-all's values collapse into one placeholder.
  return parts.filter((p, i) => !(p.startsWith("[...") && parts[i - 1] === p)).join("/");
}

/** Records one answered API request. */
export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  const m = metrics();
  const labels = { method, route, status: String(status) };
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
}
