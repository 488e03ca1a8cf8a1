// The delivery report on a small built day: on-time rate, average times, orders per driver per
// hour on duty, failures by reason, the CSV, another location's rows and the wrong role.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getDeliveryReport } from "@/lib/reports/delivery-report";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { buildDelivery, buildShift } from "./builders/driver-deliveries";
import { expectAppError } from "./helpers";

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

const DAY = { from: "2026-11-20", to: "2026-11-20", compare: "none" as const };
const at = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 20, h, m));

let loc: BuiltLocation;
let other: BuiltLocation;

beforeAll(async () => {
  loc = await buildLocation({ names: { DRIVER: "Dana" } });
  other = await buildLocation();
  const dana = loc.staff.DRIVER;
  const eli = await addStaff(loc, "DRIVER", { name: "Eli" });
  // Dana: 2 h on duty, two delivered (one on time, one 10 min late), one refused.
  await buildShift(loc.id, dana.userId, { startedAt: at(18), endedAt: at(20) });
  const base = { driverId: dana.userId, placedAt: at(18), promisedAt: at(18, 45) };
  await buildDelivery(loc.id, {
    ...base,
    status: "DELIVERED",
    pickedUpAt: at(18, 20),
    deliveredAt: at(18, 40),
    collectedCents: 2500,
  });
  await buildDelivery(loc.id, {
    ...base,
    status: "DELIVERED",
    pickedUpAt: at(18, 30),
    deliveredAt: at(18, 55),
    collectedCents: 2500,
  });
  await buildDelivery(loc.id, {
    ...base,
    status: "FAILED",
    pickedUpAt: at(18, 30),
    failedAt: at(18, 50),
    failedReason: "REFUSED",
  });
  // Eli: 1 h on duty, one delivered on time (exactly at promised + 5 min), one failed (wrong address).
  await buildShift(loc.id, eli.userId, { startedAt: at(19), endedAt: at(20) });
  await buildDelivery(loc.id, {
    driverId: eli.userId,
    placedAt: at(19),
    promisedAt: at(19, 30),
    status: "DELIVERED",
    pickedUpAt: at(19, 10),
    deliveredAt: at(19, 35),
  });
  await buildDelivery(loc.id, {
    driverId: eli.userId,
    placedAt: at(19),
    promisedAt: at(19, 30),
    status: "FAILED",
    failedAt: at(19, 40),
    failedReason: "WRONG_ADDRESS: no such house",
  });
  // Not in the report: still out, another day, another location.
  await buildDelivery(loc.id, {
    driverId: eli.userId,
    placedAt: at(19),
    status: "OUT_FOR_DELIVERY",
    pickedUpAt: at(19, 50),
  });
  await buildDelivery(loc.id, {
    driverId: dana.userId,
    status: "DELIVERED",
    deliveredAt: new Date(Date.UTC(2026, 10, 22, 19)),
  });
  await buildDelivery(other.id, { status: "DELIVERED", placedAt: at(18), deliveredAt: at(19) });
});

describe("delivery report", () => {
  it("computes the day's figures", async () => {
    const r = await getDeliveryReport(loc.ctx.MANAGER, DAY);
    expect(r.total).toMatchObject({ delivered: 3, failed: 2, onTime: 2, onTimeRate: 66.7 });
    // Placed → door: 40, 55, 35 min; pickup → door: 20, 25, 25 min.
    expect(r.total.avgPlacedToDeliveredMinutes).toBe(43.3);
    expect(r.total.avgPickupToDeliveredMinutes).toBe(23.3);
    expect(r.total.failedByReason.filter((f) => f.count > 0)).toEqual([
      { reason: "REFUSED", count: 1, label: "Refused" },
      { reason: "WRONG_ADDRESS", count: 1, label: "Wrong address" },
    ]);
    expect(r.drivers).toEqual([
      expect.objectContaining({ name: "Dana", delivered: 2, failed: 1, onTime: 1, hoursOnDuty: 2, ordersPerHour: 1 }),
      expect.objectContaining({ name: "Eli", delivered: 1, failed: 1, onTime: 1, hoursOnDuty: 1, ordersPerHour: 1 }),
    ]);
  });

  it("is empty on a day without deliveries and for another location", async () => {
    const empty = await getDeliveryReport(loc.ctx.MANAGER, { from: "2026-11-10", to: "2026-11-10" });
    expect(empty.total).toMatchObject({ delivered: 0, failed: 0, onTimeRate: null });
    expect(empty.drivers).toEqual([]);
    const elsewhere = await getDeliveryReport(other.ctx.MANAGER, DAY);
    expect(elsewhere.total.delivered).toBe(1);
    expect(elsewhere.drivers).toEqual([]);
  });

  it("refuses the wrong role and a bad period; serves CSV", async () => {
    await expectAppError(getDeliveryReport(loc.ctx.DRIVER, DAY), "FORBIDDEN");
    await expectAppError(getDeliveryReport(loc.ctx.MANAGER, { from: "2026-11-21", to: "2026-11-20" }), "VALIDATION");
    const { GET } = await import("@/app/api/v1/reports/delivery/route");
    state.ctx = loc.ctx.MANAGER;
    const res = await GET(
      new NextRequest("http://localhost:3000/api/v1/reports/delivery?from=2026-11-20&to=2026-11-20&format=csv"),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv.split("\r\n")[0]).toBe("driver,delivered,failed,on_time,hours_on_duty,orders_per_hour");
    expect(csv).toContain("Dana,2,1,1,2,1");
    expect(csv).toContain("TOTAL,3,2,2,3,");
    state.ctx = loc.ctx.CHEF;
    const refused = await GET(new NextRequest("http://localhost:3000/api/v1/reports/delivery"), {
      params: Promise.resolve({}),
    });
    expect(refused.status).toBe(403);
  });
});
