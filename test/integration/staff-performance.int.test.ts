// Staff performance (servers from orders, cooks and stations from bump events) and today's labour
// on the dashboard (people on the clock, cost so far, % of sales).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bumpItems } from "@/lib/kitchen/bump-items";
import { getStaffPerformance } from "@/lib/reports/get-staff-performance";
import { getTodayFigures } from "@/lib/reports/get-today-figures";
import { punchClock } from "@/lib/timeclock/punch-clock";
import { startOfLocalDay } from "@/lib/time/zoned";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { buildStations } from "./builders/kitchen";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildSentOrder } from "./builders/orders";
import { buildTables } from "./builders/tables";
import { expectAppError } from "./helpers";

let loc: BuiltLocation;
let other: BuiltLocation;
let burgerId: string;
let tables: Record<string, string>;

beforeAll(async () => {
  loc = await buildLocation({ names: { SERVER: "Sam Server", CHEF: "Cory Cook" } });
  other = await buildLocation();
  const station = await buildStations(loc.id, [
    { slug: "grill", name: "Grill" },
    { slug: "expo", name: "Expo", isExpo: true },
  ]);
  const categoryId = (await buildCategory(loc.id)).id;
  burgerId = (await buildMenuItem(loc.id, { categoryId, name: "Burger", stationId: station.grill, priceCents: 1500 }))
    .id;
  tables = await buildTables(loc.id, ["1", "2"]);
});

describe("getStaffPerformance", () => {
  it("counts orders, covers, sales and average check per server, and tickets and ticket time per cook and station", async () => {
    const a = await buildSentOrder(loc.ctx.SERVER, {
      tableId: tables["1"],
      guestCount: 2,
      items: [{ menuItemId: burgerId, quantity: 2 }],
    });
    await buildSentOrder(loc.ctx.SERVER, {
      tableId: tables["2"],
      guestCount: 3,
      items: [{ menuItemId: burgerId, quantity: 1 }],
    });
    // The burger was fired 4 minutes before the cook bumps it.
    const lines = await db.orderItem.findMany({ where: { orderId: a.orderId }, select: { id: true } });
    await db.orderItem.updateMany({
      where: { orderId: a.orderId },
      data: { firedAt: new Date(Date.now() - 4 * 60_000) },
    });
    await bumpItems(loc.ctx.CHEF, { station: "grill", orderItemIds: lines.map((l) => l.id) });

    const r = await getStaffPerformance(loc.ctx.MANAGER, { preset: "today" });
    expect(r.tipsRecorded).toBe(false);
    expect(r.servers).toEqual([
      {
        userId: loc.staff.SERVER.userId,
        name: "Sam Server",
        orders: 2,
        covers: 5,
        salesCents: 4500,
        averageCheckCents: 2250,
        tipsCents: null,
      },
    ]);
    expect(r.cooks).toHaveLength(1);
    expect(r.cooks[0]).toMatchObject({ userId: loc.staff.CHEF.userId, name: "Cory Cook", tickets: 1 });
    expect(r.cooks[0].averageTicketSeconds).toBeGreaterThanOrEqual(239);
    expect(r.cooks[0].averageTicketSeconds).toBeLessThan(300);
    expect(r.stations).toEqual([
      expect.objectContaining({ name: "Grill", tickets: 1, averageTicketSeconds: r.cooks[0].averageTicketSeconds }),
    ]);

    const lastWeek = await getStaffPerformance(loc.ctx.MANAGER, { preset: "last-week" });
    expect(lastWeek.servers).toEqual([]);
    expect(lastWeek.cooks).toEqual([]);
  });

  it("shows another location nothing of this one's, refuses floor roles, and answers bad input with field errors", async () => {
    const theirs = await getStaffPerformance(other.ctx.MANAGER, { preset: "today" });
    expect(theirs.servers).toEqual([]);
    expect(theirs.cooks).toEqual([]);
    await expectAppError(getStaffPerformance(loc.ctx.SERVER, {}), "FORBIDDEN");
    const bad = await expectAppError(getStaffPerformance(loc.ctx.MANAGER, { preset: "yesterday" }), "VALIDATION");
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["preset"]);
    const half = await expectAppError(getStaffPerformance(loc.ctx.MANAGER, { from: "2026-11-01" }), "VALIDATION");
    expect(half.fieldErrors?.to).toBeDefined();
  });
});

describe("today's labour on the dashboard", () => {
  it("counts people on the clock now and costs their time so far against today's sales", async () => {
    const before = await getTodayFigures(loc.ctx.MANAGER);
    expect(before.staffOnShift).toBe(0);
    expect(before.labourCostCents).toBe(0);

    const host = await addStaff(loc, "HOST");
    await db.membership.updateMany({ where: { userId: loc.staff.CHEF.userId }, data: { hourlyRateCents: 1800 } });
    // The cook has been on for an hour (a punch written directly), the host clocks in now, without a rate.
    await db.timePunch.create({
      data: {
        locationId: loc.id,
        userId: loc.staff.CHEF.userId,
        role: "CHEF",
        clockInAt: new Date(Math.max(Date.now() - 3_600_000, startOfLocalDay("UTC").getTime())),
      },
    });
    await punchClock(host.ctx, { action: "clock-in", userId: host.userId });

    const f = await getTodayFigures(loc.ctx.MANAGER);
    expect(f.staffOnShift).toBe(2);
    expect(f.labourUncosted).toBe(1);
    const minutes = Math.round(
      (Date.now() - Math.max(Date.now() - 3_600_000, startOfLocalDay("UTC").getTime())) / 60_000,
    );
    expect(Math.abs(f.labourCostCents - minutes * 30)).toBeLessThanOrEqual(30);
    // The orders above are sent but unpaid: no sales yet, so no labour % (paid sales: issue 11).
    expect(f.salesCents).toBe(0);
    expect(f.labourPercent).toBeNull();

    const theirs = await getTodayFigures(other.ctx.MANAGER);
    expect(theirs.staffOnShift).toBe(0);
  });
});
