// Issue 15 (observability): OpenTelemetry tracing. With an OTLP endpoint set, a request to the
// send route exports one trace — the request's span, the handler, the sendOrder use case, its SQL
// statements (text only, never the values) and the realtime publish — to a real local OTLP/HTTP
// receiver; log lines written inside carry the trace id. With tracing off nothing is recorded.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";

// No realtime server: the publish fails fast and is still traced.
Object.assign(process.env, { PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "9" });

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

const { startTracing } = await import("@/lib/observability/start-tracing");
const { inSpan, currentTraceIds, tracingEnabled } = await import("@/lib/observability/tracing");
const { log } = await import("@/lib/log");
const { POST: send } = await import("@/app/api/v1/orders/[orderId]/send/route");
const { openOrder } = await import("@/lib/orders/open-order");
const { flushPublishes } = await import("@/lib/realtime/publish");
const { buildLocation } = await import("./builders/location");
const { buildCategory, buildMenuItem } = await import("./builders/menu");
const { buildStations } = await import("./builders/kitchen");
const { buildTables } = await import("./builders/tables");
const { resetDb } = await import("./helpers");

type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
};

/** A real OTLP/HTTP receiver: collects the spans of every JSON export it is sent. */
let receiver: Server;
const received: OtlpSpan[] = [];
const contentTypes: string[] = [];

let server: Ctx;
let dishId: string, tableId: string;
beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += String(c)));
    req.on("end", () => {
      contentTypes.push(String(req.headers["content-type"]));
      const doc = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const rs of doc.resourceSpans) for (const ss of rs.scopeSpans) received.push(...ss.spans);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  await resetDb();
  const location = await buildLocation();
  server = location.ctx.SERVER;
  const stations = await buildStations(location.id, [{ slug: "grill", name: "Grill" }]);
  const categoryId = (await buildCategory(location.id)).id;
  dishId = (
    await buildMenuItem(location.id, { categoryId, name: "Burger", stationId: stations.grill, priceCents: 1500 })
  ).id;
  tableId = (await buildTables(location.id, ["1"]))["1"];
});

afterAll(async () => {
  await new Promise((r) => receiver.close(r));
});

const attr = (span: OtlpSpan, key: string) => {
  const v = span.attributes?.find((a) => a.key === key)?.value;
  return v ? Object.values(v)[0] : undefined;
};

describe("tracing", () => {
  it("is off by default: no spans, no ids in logs", async () => {
    expect(tracingEnabled()).toBe(false);
    const seen = await inSpan("nothing", {}, async (span) => ({ span, ids: currentTraceIds() }));
    expect(seen).toEqual({ span: null, ids: null });
  });

  it("exports one trace per request to the OTLP endpoint: request, handler, use case, SQL and publish", async () => {
    const { port } = receiver.address() as AddressInfo;
    const tracing = startTracing({ endpoint: `http://127.0.0.1:${port}/v1/traces`, serviceName: "kitchen-test" });
    const lines: string[] = [];
    try {
      state.ctx = server;
      const { orderId } = await openOrder(server, { tableId, guestCount: 2 });
      // One sender per process: a batch is traced under the request that woke it, so let the
      // open's publish finish first.
      await flushPublishes();
      const secret = `nut-allergy-${randomUUID()}`;
      const res = await send(
        new NextRequest(`http://localhost/api/v1/orders/${orderId}/send`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://localhost",
            host: "localhost",
            "idempotency-key": randomUUID(),
          },
          body: JSON.stringify({ items: [{ menuItemId: dishId, quantity: 1, note: secret }] }),
        }),
        { params: Promise.resolve({ orderId }) },
      );
      expect(res.status, await res.clone().text()).toBe(200);
      await flushPublishes();

      // A log line written inside a span names its trace.
      // The suite logs errors only (LOG_LEVEL=error); errors go to stderr.
      const write = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
        lines.push(String(chunk));
        return true;
      });
      let logged: { traceId: string; spanId: string } | null = null;
      await inSpan("log check", {}, async () => {
        logged = currentTraceIds();
        log.error("inside a span", { requestId: "req-1" });
      });
      write.mockRestore();
      expect(logged).not.toBeNull();
      const line = JSON.parse(lines.find((l) => l.includes("inside a span"))!) as Record<string, string>;
      expect(line).toMatchObject({ traceId: logged!.traceId, spanId: logged!.spanId, requestId: "req-1" });

      await tracing.provider.forceFlush();
      expect(contentTypes.every((t) => t.startsWith("application/json"))).toBe(true);

      const request = received.find((s) => s.name === "POST /api/v1/orders/[orderId]/send");
      expect(request, received.map((s) => s.name).join(", ")).toBeTruthy();
      expect(attr(request!, "http.response.status_code")).toBe(200);
      const trace = received.filter((s) => s.traceId === request!.traceId);
      const byId = new Map(trace.map((s) => [s.spanId, s]));
      const handler = trace.find((s) => s.name === "route.handler")!;
      const useCase = trace.find((s) => s.name === "use-case sendOrder")!;
      expect(handler.parentSpanId).toBe(request!.spanId);
      expect(useCase.parentSpanId).toBe(handler.spanId);
      expect(attr(handler, "enduser.role")).toBe("SERVER");

      // The use case's statements are its children (directly or through nested spans).
      const queries = trace.filter((s) => s.name === "db.query");
      expect(queries.length).toBeGreaterThan(3);
      const under = (s: OtlpSpan, ancestor: OtlpSpan): boolean => {
        for (let p = s.parentSpanId; p; p = byId.get(p)?.parentSpanId) if (p === ancestor.spanId) return true;
        return false;
      };
      expect(queries.filter((q) => under(q, useCase)).length).toBeGreaterThan(3);
      expect(queries.some((q) => /insert into/i.test(String(attr(q, "db.query.text"))))).toBe(true);
      // Statement text only: the guest's note never leaves the process.
      expect(JSON.stringify(trace)).not.toContain(secret);

      // The publish after commit belongs to the same trace.
      expect(trace.some((s) => s.name === "realtime.publish")).toBe(true);
    } finally {
      await tracing.shutdown();
    }
    expect(tracingEnabled()).toBe(false);
  });
});
