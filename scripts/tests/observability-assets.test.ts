// The Grafana dashboard and the Prometheus alerts name only series the app registers
// (lib/observability/metrics.ts) and only labels those series carry; every alert has its
// section in docs/runbook.md. A renamed metric fails here, not on a silent dashboard.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { metrics } from "../../lib/observability/metrics";

const ROOT = path.join(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** Series names a scrape of the app exposes (histograms as _bucket/_sum/_count), with their labels. */
function registeredSeries(): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  for (const metric of metrics().registry.getMetricsAsArray()) {
    const { name, labelNames = [] } = metric as unknown as { name: string; labelNames?: string[] };
    const type = (metric as unknown as { type?: string }).type;
    const labels = new Set(labelNames);
    const names =
      type === "histogram"
        ? [`${name}_bucket`, `${name}_sum`, `${name}_count`]
        : type === "summary"
          ? [name, `${name}_sum`, `${name}_count`]
          : [name];
    for (const n of names) series.set(n, n.endsWith("_bucket") ? new Set([...labels, "le"]) : labels);
  }
  // Prometheus adds these to every scrape target.
  series.set("up", new Set());
  return series;
}

const KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless"]);
const KEYWORDS_ALSO = new Set(["bool", "offset", "inf", "nan"]);
/** Labels Prometheus attaches to every series of a target. */
const TARGET_LABELS = new Set(["instance", "job"]);

/** Metric names and label names a PromQL expression uses (a lexer good enough for our queries). */
function parsePromql(expr: string): { metrics: string[]; labels: string[] } {
  const labels: string[] = [];
  let rest = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  rest = rest.replace(/\{([^}]*)\}/g, (_, inner: string) => {
    for (const m of inner.matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)) labels.push(m[1]);
    return " ";
  });
  rest = rest.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g, (_, _kw, inner: string) => {
    labels.push(
      ...inner
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    );
    return " ";
  });
  rest = rest.replace(/\[[^\]]*\]/g, " ").replace(/\b\d+(\.\d+)?(e[+-]?\d+)?\b/gi, " ");
  const found: string[] = [];
  for (const m of rest.matchAll(/([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    if (m[2]) continue; // a function call
    if (KEYWORDS.has(m[1]) || KEYWORDS_ALSO.has(m[1].toLowerCase())) continue;
    found.push(m[1]);
  }
  return { metrics: found, labels };
}

function expectKnown(expr: string, where: string) {
  const series = registeredSeries();
  const { metrics: used, labels } = parsePromql(expr);
  expect(used.length, `${where}: no metric in ${expr}`).toBeGreaterThan(0);
  for (const name of used) expect(series.has(name), `${where}: ${name} is not registered by the app`).toBe(true);
  const available = new Set([...TARGET_LABELS, ...used.flatMap((n) => [...(series.get(n) ?? [])])]);
  for (const label of labels)
    expect(available.has(label), `${where}: label ${label} not on ${used.join(", ")}`).toBe(true);
}

describe("PromQL lexer", () => {
  it("finds metrics and labels, not functions, keywords or durations", () => {
    expect(
      parsePromql(
        'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{status=~"5.."}[5m]))) > 1e-3',
      ),
    ).toEqual({ metrics: ["http_request_duration_seconds_bucket"], labels: ["status", "le", "route"] });
    expect(parsePromql('count(up{job="kitchen"} == 1) < 2').metrics).toEqual(["up"]);
  });

  it("rejects a name the app does not register", () => {
    expect(() => expectKnown("rate(http_requests_totals[5m])", "test")).toThrow(/http_requests_totals/);
    expect(() => expectKnown("sum by (path) (rate(http_requests_total[5m]))", "test")).toThrow(/label path/);
  });
});

describe("deploy/grafana/kitchen-dashboard.json", () => {
  const dashboard = JSON.parse(read("deploy/grafana/kitchen-dashboard.json")) as {
    uid: string;
    panels: { id: number; title: string; targets: { expr: string }[] }[];
  };

  it("queries only registered series and labels", () => {
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ expr: t.expr, where: p.title })));
    expect(exprs.length).toBeGreaterThanOrEqual(15);
    for (const { expr, where } of exprs) expectKnown(expr, where);
  });

  it("has the panels operators asked for, with unique ids", () => {
    const titles = dashboard.panels.map((p) => p.title);
    for (const title of [
      "Request rate by route",
      "p95 latency by route",
      "Error rate by status",
      "Auth failures",
      "Rate-limit hits by policy",
      "Database connections",
      "Orders sent per minute",
      "Tickets bumped per minute",
      "Ticket time p90 per station",
      "Realtime publish latency",
      "Realtime publish failures",
      "Stock-outs",
    ])
      expect(titles).toContain(title);
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    // Every app metric of the kitchen's own is on the dashboard somewhere.
    const all = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join("\n");
    for (const name of [
      "http_requests_total",
      "http_request_duration_seconds_bucket",
      "auth_attempts_total",
      "rate_limit_exceeded_total",
      "database_connections_active",
      "orders_sent_total",
      "kitchen_tickets_bumped_total",
      "kitchen_ticket_seconds_bucket",
      "realtime_publish_duration_seconds_bucket",
      "realtime_publish_failures_total",
      "stock_outs_total",
    ])
      expect(all).toContain(name);
  });
});

describe("deploy/prometheus/alerts.yml", () => {
  const rules = (
    YAML.parse(read("deploy/prometheus/alerts.yml")) as {
      groups: {
        rules: { alert: string; expr: string; labels: { severity: string }; annotations: Record<string, string> }[];
      }[];
    }
  ).groups.flatMap((g) => g.rules);
  const runbook = read("docs/runbook.md");

  it("alerts on latency, 5xx, realtime failures, stock-outs and a down instance", () => {
    const metricsUsed = rules.flatMap((r) => parsePromql(r.expr).metrics);
    for (const name of [
      "http_request_duration_seconds_bucket",
      "http_requests_total",
      "realtime_publish_failures_total",
      "stock_outs_total",
      "up",
    ])
      expect(metricsUsed).toContain(name);
  });

  it("uses only registered series, and every alert has a severity and a runbook section", () => {
    for (const rule of rules) {
      expectKnown(rule.expr, rule.alert);
      expect(["critical", "warning", "info"]).toContain(rule.labels.severity);
      expect(rule.annotations.runbook).toBe(`docs/runbook.md#${rule.alert.toLowerCase()}`);
      expect(runbook, `runbook section for ${rule.alert}`).toMatch(new RegExp(`^### ${rule.alert}$`, "m"));
    }
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it("is loaded by the scrape configuration, which scrapes the metrics endpoint with a token", () => {
    const config = YAML.parse(read("deploy/prometheus/prometheus.yml")) as {
      rule_files: string[];
      scrape_configs: { job_name: string; metrics_path: string; authorization: { type: string } }[];
    };
    expect(config.rule_files).toContain("alerts.yml");
    const job = config.scrape_configs.find((j) => j.job_name === "kitchen");
    expect(job?.metrics_path).toBe("/api/metrics");
    expect(job?.authorization.type).toBe("Bearer");
  });
});
