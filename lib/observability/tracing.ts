import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";

// Spans are made only once tracing is started (OTEL_EXPORTER_OTLP_ENDPOINT set, ADR 0037): until
// then `inSpan` is a plain call, so tracing costs nothing when it is off.
const state = globalThis as unknown as { __kitchenTracing?: boolean };

export const tracingEnabled = (): boolean => state.__kitchenTracing === true;
export function markTracingEnabled(on: boolean): void {
  state.__kitchenTracing = on;
}

const tracer = () => trace.getTracer("kitchen-platform");

/** Run `fn` in a child span of the current one (or as a plain call when tracing is off). */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span | null) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled()) return fn(null);
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Add attributes to the span of the current request, if there is one. */
export function annotateSpan(attributes: Attributes): void {
  if (tracingEnabled()) trace.getActiveSpan()?.setAttributes(attributes);
}

/** The current trace and span ids, for log lines (null when tracing is off or outside a span). */
export function currentTraceIds(): { traceId: string; spanId: string } | null {
  if (!tracingEnabled()) return null;
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !trace.isSpanContextValid(context)) return null;
  return { traceId: context.traceId, spanId: context.spanId };
}
