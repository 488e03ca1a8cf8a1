// The reservation REST routes in process, on the real database: the session is stubbed,
// everything else (wrapper, zod, use cases, SQL) is real. Statuses, field errors, 409 on a clash.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { addDays, isoDate, localDateOf } from "@/lib/time/zoned";
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

const listRoute = () => import("@/app/api/v1/reservations/route");
const itemRoute = () => import("@/app/api/v1/reservations/[id]/route");
const availabilityRoute = () => import("@/app/api/v1/availability/route");

let loc: BuiltLocation;
let other: BuiltLocation;
let table: string;
const DAY = isoDate(addDays(localDateOf(new Date(), "UTC"), 5));

function req(url: string, method: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ timezone: "UTC" });
  other = await buildLocation({ timezone: "UTC" });
  table = (await buildTables(loc.id, ["1"], { seats: 4 }))["1"];
  await testDb().servicePeriod.create({
    data: { locationId: loc.id, name: "Dinner", daysOfWeek: [0, 1, 2, 3, 4, 5, 6], startMinute: 1020, endMinute: 1350 },
  });
});

describe("/api/v1/reservations", () => {
  it("books (201), lists the day, moves through PATCH statuses, and answers a clash with 409 and a field error", async () => {
    state.ctx = loc.ctx.HOST;
    const { GET, POST } = await listRoute();
    const { PATCH } = await itemRoute();
    const body = { guestName: "Grace Hopper", phone: "+1 207 555 0199", partySize: 3, startsAt: `${DAY}T19:00:00Z` };
    const created = await POST(req("/api/v1/reservations", "POST", body), seg());
    expect(created.status).toBe(201);
    const { reservation } = await created.json();
    expect(reservation.tables).toEqual([{ id: table, label: "1", seats: 4 }]);

    const clash = await POST(req("/api/v1/reservations", "POST", { ...body, startsAt: `${DAY}T19:45:00Z` }), seg());
    expect(clash.status).toBe(409);
    expect((await clash.json()).error).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { startsAt: [expect.stringMatching(/No table/)] },
    });

    expect(published.at(-1)).toEqual({
      channel: `private-loc-${loc.id}-floor`,
      name: "reservations.changed",
      data: { reservationId: reservation.id, status: "BOOKED", dates: [DAY], tableIds: [table] },
    });

    const listed = await GET(req(`/api/v1/reservations?date=${DAY}&status=BOOKED`, "GET"), seg());
    expect((await listed.json()).reservations.map((r: { id: string }) => r.id)).toEqual([reservation.id]);

    const both = await PATCH(req("/", "PATCH", { status: "CONFIRMED", partySize: 2 }), seg({ id: reservation.id }));
    expect(both.status).toBe(400);
    const confirmed = await PATCH(req("/", "PATCH", { status: "CONFIRMED" }), seg({ id: reservation.id }));
    expect(await confirmed.json()).toMatchObject({ status: "CONFIRMED" });
    const edited = await PATCH(req("/", "PATCH", { partySize: 2, notes: "Booth" }), seg({ id: reservation.id }));
    expect(await edited.json()).toMatchObject({ partySize: 2, notes: "Booth", durationMinutes: 90 });
    const wrong = await PATCH(req("/", "PATCH", { status: "COMPLETED" }), seg({ id: reservation.id }));
    expect(wrong.status).toBe(409);
    const cancelled = await PATCH(
      req("/", "PATCH", { status: "CANCELLED", reason: "Flu" }),
      seg({ id: reservation.id }),
    );
    expect(await cancelled.json()).toMatchObject({ status: "CANCELLED" });
    expect(
      published.filter((m) => m.name === "reservations.changed").map((m) => (m.data as { status: string }).status),
    ).toEqual(["BOOKED", "CONFIRMED", "CONFIRMED", "CANCELLED"]);

    state.ctx = other.ctx.MANAGER;
    const foreign = await PATCH(req("/", "PATCH", { status: "CONFIRMED" }), seg({ id: reservation.id }));
    expect(foreign.status).toBe(404);
    state.ctx = loc.ctx.CHEF;
    expect((await POST(req("/api/v1/reservations", "POST", body), seg())).status).toBe(403);
  });

  it("refuses malformed input with 400 and field errors", async () => {
    state.ctx = loc.ctx.HOST;
    const { GET, POST } = await listRoute();
    const bad = await POST(
      req("/api/v1/reservations", "POST", {
        guestName: "X",
        email: "nope",
        partySize: 2,
        startsAt: `${DAY}T19:00:00Z`,
      }),
      seg(),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.email).toEqual(["Not an email address"]);
    expect((await GET(req("/api/v1/reservations?date=tomorrow", "GET"), seg())).status).toBe(400);
  });
});

describe("/api/v1/availability", () => {
  it("answers the day's slots for a party size given as a query string", async () => {
    state.ctx = loc.ctx.SERVER;
    const { GET } = await availabilityRoute();
    const res = await GET(req(`/api/v1/availability?date=${DAY}&partySize=2`, "GET"), seg());
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.slots[0]).toMatchObject({ time: "17:00", bookable: true, tables: [{ label: "1" }] });
    const tooBig = await GET(req(`/api/v1/availability?date=${DAY}&partySize=5`, "GET"), seg());
    expect(tooBig.status).toBe(400);
    expect((await tooBig.json()).error.fieldErrors.partySize[0]).toMatch(/largest takes 4/);
  });
});
