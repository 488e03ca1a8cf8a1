// The host stand's REST routes in process on the real database (session stubbed): seating at
// chosen tables through PATCH /api/v1/reservations/:id, merge / part / move-party, the host floor,
// and the floor-channel events every tablet redraws from.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { FLOOR_EVENTS } from "@/lib/realtime/events";
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
  limiter: () => ({ limit: async () => ({ success: true, remaining: 1000, reset: 0 }) }),
}));
const published = vi.hoisted(() => [] as { channel: string; name: string; data: unknown }[]);
vi.mock("@/lib/realtime/publish", async (original) => {
  const real = await original<typeof import("@/lib/realtime/publish")>();
  return {
    ...real,
    publishBuilt: (
      build: () => { channel: string; name: string; data: unknown }[],
      context: { locationId: string },
    ) => {
      published.push(...build());
      real.publishBuilt(build, context);
    },
  };
});

let loc: BuiltLocation;
let t: Record<string, string>;
const req = (method: string, body?: unknown) =>
  new NextRequest("http://localhost:3000/x", {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const layoutEvents = () => published.filter((m) => m.name === FLOOR_EVENTS.layoutChanged);

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ timezone: "UTC" });
  // Side by side (posX 0, 1, 2, 3): 1–4 four-tops.
  t = await buildTables(loc.id, ["1", "2", "3", "4"], { seats: 4 });
});

describe("host floor routes", () => {
  it("PATCH SEATED with tableIds seats a party of 8 at two tables pushed together; tableIds with another status is refused", async () => {
    state.ctx = loc.ctx.HOST;
    const db = testDb();
    const guest = await db.guest.create({ data: { locationId: loc.id, name: "Ravi Patel" } });
    const r = await db.reservation.create({
      data: {
        locationId: loc.id,
        guestId: guest.id,
        partySize: 8,
        startsAt: new Date(),
        status: "ARRIVED",
        tables: { create: [{ tableId: t["4"], locationId: loc.id, startsAt: new Date(), endsAt: new Date() }] },
      },
    });
    const { PATCH } = await import("@/app/api/v1/reservations/[id]/route");
    const both = await PATCH(req("PATCH", { status: "CONFIRMED", tableIds: [t["1"]] }), seg({ id: r.id }));
    expect(both.status).toBe(400);
    published.length = 0;
    const res = await PATCH(req("PATCH", { status: "SEATED", tableIds: [t["2"], t["1"]] }), seg({ id: r.id }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "SEATED" });
    expect(body.tables.map((x: { label: string }) => x.label).sort()).toEqual(["1", "2"]);
    expect((await db.diningTable.findUniqueOrThrow({ where: { id: t["2"] } })).mergedIntoId).toBe(t["1"]);
    expect(layoutEvents()[0]?.data).toMatchObject({ tableIds: expect.arrayContaining([t["1"], t["2"]]) });
    expect(published.some((m) => m.name === FLOOR_EVENTS.reservationsChanged)).toBe(true);

    // The host's floor shows the group; the party moves to 3+4 and the old tables free up.
    const { GET } = await import("@/app/api/v1/host/floor/route");
    const floor = await (await GET(req("GET"), seg())).json();
    const two = floor.areas[0].tables.find((x: { label: string }) => x.label === "2");
    expect(two).toMatchObject({ state: "SEATED", group: { labels: ["1", "2"] }, order: { partyName: "Ravi Patel" } });

    const move = await import("@/app/api/v1/tables/[id]/move-party/route");
    const moved = await move.POST(req("POST", { toTableIds: [t["3"], t["4"]] }), seg({ id: t["2"] }));
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ primaryId: t["3"] });
    expect((await db.diningTable.findUniqueOrThrow({ where: { id: t["2"] } })).mergedIntoId).toBeNull();
    expect(layoutEvents().at(-1)?.data).toMatchObject({
      tableIds: expect.arrayContaining([t["1"], t["2"], t["3"], t["4"]]),
    });
  });

  it("merge and part through the routes: 200, 409 on a second merge of the same table, 403 for a cashier, 404 across locations", async () => {
    const db = testDb();
    await db.order.updateMany({ data: { status: "CLOSED" } });
    await db.diningTable.updateMany({ data: { mergedIntoId: null, status: "FREE" } });
    const merge = await import("@/app/api/v1/tables/[id]/merge/route");
    const part = await import("@/app/api/v1/tables/[id]/part/route");
    state.ctx = loc.ctx.CASHIER;
    expect((await merge.POST(req("POST", { tableIds: [t["2"]] }), seg({ id: t["1"] }))).status).toBe(403);
    state.ctx = loc.ctx.SERVER;
    expect((await merge.POST(req("POST", { tableIds: [t["2"]] }), seg({ id: t["1"] }))).status).toBe(200);
    const again = await merge.POST(req("POST", { tableIds: [t["2"]] }), seg({ id: t["3"] }));
    expect(again.status).toBe(409);
    expect((await again.json()).error.fieldErrors.tableIds[0]).toMatch(/already joined with 1/);
    expect((await merge.POST(req("POST", { tableIds: [] }), seg({ id: t["3"] }))).status).toBe(400);
    const other = await buildLocation({ timezone: "UTC" });
    state.ctx = other.ctx.MANAGER;
    expect((await part.POST(req("POST"), seg({ id: t["1"] }))).status).toBe(404);
    state.ctx = loc.ctx.HOST;
    expect((await part.POST(req("POST"), seg({ id: t["2"] }))).status).toBe(200);
    expect(await db.diningTable.count({ where: { mergedIntoId: { not: null } } })).toBe(0);
  });
});
