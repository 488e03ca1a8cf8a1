// The floor tablets' guest ordering routes (ADR 0034) in process, on the real database: the
// session is stubbed, everything else (wrapper, zod, use cases, SQL) is real. A server opens (201),
// re-opens (200, same PIN), reads and ends a table's session; the tray's lists answer; a CHEF gets
// 403 from every one of them; another location's table and unknown ids are 404.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({
    policy: { name: "test", quota: 1, windowSeconds: 1 },
    limit: async () => ({ success: true, remaining: 1000, reset: 0 }),
  }),
}));

const sessionRoute = () => import("@/app/api/v1/tables/[id]/guest-session/route");
const submissionsRoute = () => import("@/app/api/v1/guest-submissions/route");
const approveRoute = () => import("@/app/api/v1/guest-submissions/[id]/approve/route");
const rejectRoute = () => import("@/app/api/v1/guest-submissions/[id]/reject/route");
const requestsRoute = () => import("@/app/api/v1/guest-requests/route");
const acknowledgeRoute = () => import("@/app/api/v1/guest-requests/[id]/acknowledge/route");

let loc: BuiltLocation;
let other: BuiltLocation;
let tables: Record<string, string>;
let otherTables: Record<string, string>;

function req(url: string, method: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = <T extends Record<string, string>>(params: T = {} as T) => ({ params: Promise.resolve(params) });

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ timezone: "UTC", name: "Guest Bistro" });
  other = await buildLocation({ timezone: "UTC" });
  tables = await buildTables(loc.id, ["4", "5"], { seats: 4 });
  otherTables = await buildTables(other.id, ["9"], { seats: 2 });
});

describe("/api/v1/tables/:id/guest-session", () => {
  it("opens (201, a 4-digit PIN and the table's order), answers an open session with 200, reads it and ends it", async () => {
    state.ctx = loc.ctx.SERVER;
    const { GET, POST, DELETE } = await sessionRoute();
    const id = tables["4"];
    const none = await GET(req(`/api/v1/tables/${id}/guest-session`, "GET"), seg({ id }));
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ session: null });

    const opened = await POST(req(`/api/v1/tables/${id}/guest-session`, "POST", { mode: "FAMILY" }), seg({ id }));
    expect(opened.status).toBe(201);
    expect(opened.headers.get("cache-control")).toBe("no-store");
    const session = await opened.json();
    expect(session).toMatchObject({ mode: "FAMILY", tableId: id, tableLabel: "4", created: true });
    expect(session.pin).toMatch(/^\d{4}$/);
    // Opening guest ordering opened the table's order.
    expect(await testDb().order.count({ where: { tableId: id, status: { notIn: ["CLOSED", "VOIDED"] } } })).toBe(1);

    const again = await POST(req(`/api/v1/tables/${id}/guest-session`, "POST", { mode: "INDIVIDUAL" }), seg({ id }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: session.id, pin: session.pin, mode: "FAMILY", created: false });

    const read = await GET(req(`/api/v1/tables/${id}/guest-session`, "GET"), seg({ id }));
    expect(await read.json()).toMatchObject({
      session: { id: session.id, pin: session.pin, mode: "FAMILY", members: [] },
    });

    const ended = await DELETE(req(`/api/v1/tables/${id}/guest-session`, "DELETE"), seg({ id }));
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ closed: true });
    const twice = await DELETE(req(`/api/v1/tables/${id}/guest-session`, "DELETE"), seg({ id }));
    expect(await twice.json()).toEqual({ closed: false });
    const gone = await GET(req(`/api/v1/tables/${id}/guest-session`, "GET"), seg({ id }));
    expect(await gone.json()).toEqual({ session: null });
  });

  it("refuses a bad mode with 400, another location's table with 404", async () => {
    state.ctx = loc.ctx.HOST;
    const { POST, GET } = await sessionRoute();
    const id = tables["5"];
    const bad = await POST(req(`/api/v1/tables/${id}/guest-session`, "POST", { mode: "PARTY" }), seg({ id }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.mode).toBeDefined();

    const foreign = otherTables["9"];
    const theirs = await POST(
      req(`/api/v1/tables/${foreign}/guest-session`, "POST", { mode: "FAMILY" }),
      seg({ id: foreign }),
    );
    expect(theirs.status).toBe(404);
    const read = await GET(req(`/api/v1/tables/${foreign}/guest-session`, "GET"), seg({ id: foreign }));
    expect(read.status).toBe(404);
    expect(await testDb().guestSession.count({ where: { tableId: foreign } })).toBe(0);
  });
});

describe("the guest tray's routes", () => {
  it("lists pending guest orders and open requests; a request is acknowledged once; unknown ids are 404", async () => {
    state.ctx = loc.ctx.SERVER;
    const { POST: open } = await sessionRoute();
    const id = tables["5"];
    const session = await (
      await open(req(`/api/v1/tables/${id}/guest-session`, "POST", { mode: "INDIVIDUAL" }), seg({ id }))
    ).json();

    const { GET: submissions } = await submissionsRoute();
    const pending = await submissions(req("/api/v1/guest-submissions?status=PENDING_APPROVAL", "GET"), seg());
    expect(pending.status).toBe(200);
    expect(await pending.json()).toEqual({ submissions: [] });
    const badStatus = await submissions(req("/api/v1/guest-submissions?status=SENT_SOMEWHERE", "GET"), seg());
    expect(badStatus.status).toBe(400);

    // A "bill, please" from the table's phone (the guest side's row, written here directly).
    const request = await testDb().guestRequest.create({
      data: { locationId: loc.id, sessionId: session.id, tableId: id, kind: "BILL" },
    });
    const { GET: requests } = await requestsRoute();
    const open1 = await (await requests(req("/api/v1/guest-requests", "GET"), seg())).json();
    expect(open1.requests).toEqual([
      expect.objectContaining({ id: request.id, tableId: id, tableLabel: "5", kind: "BILL" }),
    ]);

    const { POST: acknowledge } = await acknowledgeRoute();
    const done = await acknowledge(
      req(`/api/v1/guest-requests/${request.id}/acknowledge`, "POST"),
      seg({ id: request.id }),
    );
    expect(done.status).toBe(200);
    expect((await (await requests(req("/api/v1/guest-requests", "GET"), seg())).json()).requests).toEqual([]);

    const unknown = "c".repeat(25);
    const { POST: approve } = await approveRoute();
    const { POST: reject } = await rejectRoute();
    expect(
      (await approve(req(`/api/v1/guest-submissions/${unknown}/approve`, "POST"), seg({ id: unknown }))).status,
    ).toBe(404);
    expect(
      (
        await reject(
          req(`/api/v1/guest-submissions/${unknown}/reject`, "POST", { reason: "Kitchen is closing" }),
          seg({ id: unknown }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await acknowledge(req(`/api/v1/guest-requests/${unknown}/acknowledge`, "POST"), seg({ id: unknown }))).status,
    ).toBe(404);
  });

  it("answers a CHEF with 403 on every guest ordering route, and writes nothing", async () => {
    state.ctx = loc.ctx.CHEF;
    const id = tables["4"];
    const some = "c".repeat(25);
    const [{ GET, POST, DELETE }, subs, approve, reject, reqs, ack] = await Promise.all([
      sessionRoute(),
      submissionsRoute(),
      approveRoute(),
      rejectRoute(),
      requestsRoute(),
      acknowledgeRoute(),
    ]);
    const before = await testDb().guestSession.count();
    const answers = await Promise.all([
      GET(req(`/api/v1/tables/${id}/guest-session`, "GET"), seg({ id })),
      POST(req(`/api/v1/tables/${id}/guest-session`, "POST", { mode: "FAMILY" }), seg({ id })),
      DELETE(req(`/api/v1/tables/${id}/guest-session`, "DELETE"), seg({ id })),
      subs.GET(req("/api/v1/guest-submissions?status=PENDING_APPROVAL", "GET"), seg()),
      approve.POST(req(`/api/v1/guest-submissions/${some}/approve`, "POST"), seg({ id: some })),
      reject.POST(req(`/api/v1/guest-submissions/${some}/reject`, "POST", { reason: "No" }), seg({ id: some })),
      reqs.GET(req("/api/v1/guest-requests", "GET"), seg()),
      ack.POST(req(`/api/v1/guest-requests/${some}/acknowledge`, "POST"), seg({ id: some })),
    ]);
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(403));
    expect(await testDb().guestSession.count()).toBe(before);
  });
});
