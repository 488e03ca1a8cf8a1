// Runs once per server process before it serves requests (Next's instrumentation hook).

export async function register() {
  // Background work needs Node (sockets, timers), not the Edge runtime middleware runs in.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { requireValidEnv } = await import("./lib/ops/require-valid-env");
  requireValidEnv();
  // Tracing only when a collector is configured: otherwise no SDK is loaded at all (ADR 0041).
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (endpoint) {
    const { startTracing } = await import("./lib/observability/start-tracing");
    startTracing({ endpoint: `${endpoint.replace(/\/$/, "")}/v1/traces`, serviceName: process.env.OTEL_SERVICE_NAME });
  }
  const { startPrintWorker } = await import("./lib/printing/print-worker");
  startPrintWorker();
  // Scheduled online orders reach the kitchen at their fire time (ADR 0046).
  const { startOnlineFireWorker } = await import("./lib/online/online-fire-worker");
  startOnlineFireWorker();
  // Data retention, hourly; one pass at a time across instances (ADR 0049).
  const { startHousekeepingWorker } = await import("./lib/ops/housekeeping-worker");
  startHousekeepingWorker();
  const { backfillPiiOnStart } = await import("./lib/pii/backfill-on-start");
  void backfillPiiOnStart();
  if (process.env.WEBHOOKS_DISPATCH !== "off") {
    const { startWebhookWorker } = await import("./lib/webhooks/webhook-worker");
    startWebhookWorker();
  }
}
