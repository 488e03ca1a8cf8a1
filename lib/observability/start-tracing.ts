import { hostname } from "node:os";
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace";
import { markTracingEnabled } from "./tracing";

export type TracingOptions = {
  /** OTLP/HTTP traces URL, e.g. http://collector:4318/v1/traces. */
  endpoint?: string;
  /** Export through this instead (tests: an in-memory exporter, spans handed over at once). */
  exporter?: SpanExporter;
  serviceName?: string;
};

/**
 * Install the tracer provider for this process: W3C trace context in and out, spans batched to
 * the OTLP endpoint. Next's own request spans use the same global provider. Returns a shutdown
 * that flushes what is buffered.
 */
export function startTracing(options: TracingOptions): { provider: TracerProvider; shutdown: () => Promise<void> } {
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: options.endpoint });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      "service.name": options.serviceName ?? "kitchen-platform",
      "service.instance.id": `${hostname()}-${process.pid}`,
    }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor({ exporter }) : new BatchSpanProcessor({ exporter })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  markTracingEnabled(true);
  return {
    provider,
    shutdown: async () => {
      markTracingEnabled(false);
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
