// Kitchen performance to the second for one seeded business day in New York: medians and p90s
// (linear-interpolated), late lines against each line's own target (dish prep time, else the
// station's, else the location's), sides made at another station, the cook from the bump events,
// expo fired → ready, the load by hour × station, the previous period, the CSV and the route's 4xx.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getKitchenPerformance, KITCHEN_CSV_COLUMNS } from "@/lib/reports/kitchen-performance";
import { parseCsvTable } from "@/lib/csv/parse";
import { zonedInstant } from "@/lib/time/zoned";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { buildFiredLine, buildHistoryOrder, buildOrderEvent, buildStations } from "./builders/kitchen";
import { expectAppError } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

const TZ = "America/New_York";
const ny = (d: number, h: number, m = 0) => zonedInstant({ y: 2026, m: 11, d }, h, m, TZ);
const DAY = { from: "2026-11-16", to: "2026-11-16" };

let loc: BuiltLocation;
let ana: string;
let ben: string;

beforeAll(async () => {
  loc = await buildLocation({ timezone: TZ });
  const other = await buildLocation({ timezone: TZ });
  ana = (await addStaff(loc, "CHEF", { name: "Ana Grill" })).userId;
  ben = (await addStaff(loc, "CHEF", { name: "Ben Fry" })).userId;
  // Grill has its own pair (late at 10); fry falls back to the location's 8 minutes.
  const st = await buildStations(loc.id, [
    { slug: "grill", name: "Grill", warnMinutes: 6, lateMinutes: 10 },
    { slug: "fry", name: "Fry" },
    { slug: "expo", name: "Expo", isExpo: true },
  ]);
  const cat = await buildCategory(loc.id);
  const steak = await buildMenuItem(loc.id, {
    categoryId: cat.id,
    name: "Steak",
    stationId: st.grill,
    prepMinutes: 12,
  });
  const burger = await buildMenuItem(loc.id, { categoryId: cat.id, name: "Burger", stationId: st.grill });
  const fries = await buildMenuItem(loc.id, { categoryId: cat.id, name: "Fries", stationId: st.fry });
  const sides = await buildModifierGroup(loc.id, {
    modifiers: [{ name: "Side of fries", stationId: st.fry, recipeItemId: fries.id }],
    menuItemIds: [burger.id],
  });

  const o1 = await buildHistoryOrder(loc.id, { openedAt: ny(16, 17, 50) });
  const o2 = await buildHistoryOrder(loc.id, { openedAt: ny(16, 18, 50) });
  const bumpedBy = async (orderId: string, actorId: string, itemIds: string[], at: Date) =>
    buildOrderEvent(loc.id, { orderId, type: "items.bumped", actorId, createdAt: at, payload: { itemIds } });

  // Grill at 18:00: steaks 600 / 720 (late: target 12 min) / 900 s (late); burgers 300 / 660 s (late: station 10 min).
  const grill: string[] = [];
  for (const s of [600, 720, 900])
    grill.push(
      (await buildFiredLine(loc.id, { orderId: o1, menuItem: steak, firedAt: ny(16, 18), bumpedAfter: s })).id,
    );
  grill.push(
    (await buildFiredLine(loc.id, { orderId: o1, menuItem: burger, firedAt: ny(16, 18), bumpedAfter: 300 })).id,
  );
  // This burger's side of fries is made at fry (500 s: late against Fries' location target of 8 min), bumped by no recorded event.
  grill.push(
    (
      await buildFiredLine(loc.id, {
        orderId: o1,
        menuItem: burger,
        firedAt: ny(16, 18),
        bumpedAfter: 660,
        side: {
          modifierId: sides.modifiers["Side of fries"],
          name: "Side of fries",
          stationId: st.fry,
          bumpedAfter: 500,
        },
      })
    ).id,
  );
  await bumpedBy(o1, ana, grill, ny(16, 18, 15));
  // Expo passes o1's ticket at 18:15 (900 s).
  await buildOrderEvent(loc.id, {
    orderId: o1,
    type: "ticket.ready",
    actorId: ana,
    createdAt: ny(16, 18, 15),
    payload: { fireBatch: 1 },
  });

  // Fry at 19:00: 240 s, 480 s (late: exactly the target), one still on the screen, one voided (left out).
  const fry = [
    (await buildFiredLine(loc.id, { orderId: o2, menuItem: fries, firedAt: ny(16, 19), bumpedAfter: 240 })).id,
    (await buildFiredLine(loc.id, { orderId: o2, menuItem: fries, firedAt: ny(16, 19), bumpedAfter: 480 })).id,
  ];
  await buildFiredLine(loc.id, { orderId: o2, menuItem: fries, firedAt: ny(16, 19), bumpedAfter: null });
  await buildFiredLine(loc.id, {
    orderId: o2,
    menuItem: fries,
    firedAt: ny(16, 19),
    bumpedAfter: 30,
    status: "VOIDED",
  });
  // A first bump by Ana, then a recall and a re-bump by Ben: the last bump names the cook.
  await bumpedBy(o2, ana, fry, ny(16, 19, 3));
  await bumpedBy(o2, ben, fry, ny(16, 19, 8));
  await buildOrderEvent(loc.id, {
    orderId: o2,
    type: "ticket.ready",
    actorId: ben,
    createdAt: ny(16, 19, 10),
    payload: { fireBatch: 1 },
  });

  // The day before: one steak, 600 s, not late.
  const o0 = await buildHistoryOrder(loc.id, { openedAt: ny(15, 18) });
  await buildFiredLine(loc.id, { orderId: o0, menuItem: steak, firedAt: ny(15, 18), bumpedAfter: 600 });

  // Another location's kitchen on the same day: never counted.
  const [ost] = Object.values(await buildStations(other.id, [{ slug: "grill" }]));
  const ocat = await buildCategory(other.id);
  const odish = await buildMenuItem(other.id, { categoryId: ocat.id, stationId: ost });
  const oo = await buildHistoryOrder(other.id, { openedAt: ny(16, 18) });
  await buildFiredLine(other.id, { orderId: oo, menuItem: odish, firedAt: ny(16, 18), bumpedAfter: 5000 });
});

describe("getKitchenPerformance", () => {
  it("times the day's lines: medians, p90s, late lines and expo", async () => {
    const r = await getKitchenPerformance(loc.ctx.MANAGER, DAY);
    // Bumped: 600 720 900 300 660 | 500 (side) | 240 480 → sorted 240 300 480 500 600 660 720 900.
    expect(r.totals).toEqual({ fired: 9, bumped: 8, medianSeconds: 550, p90Seconds: 774, late: 5, lateShare: 5 / 8 });
    expect(r.previous).toEqual({ fired: 1, bumped: 1, medianSeconds: 600, p90Seconds: 600, late: 0, lateShare: 0 });
    // Expo: 900 s and 600 s.
    expect(r.expo).toEqual({ tickets: 2, medianSeconds: 750, p90Seconds: 870 });
    expect(r.period.previous?.from).toBe("2026-11-15");
    expect(r.rows.map((g) => [g.label, g.fired, g.bumped, g.medianSeconds, g.p90Seconds, g.late])).toEqual([
      ["Fry", 4, 3, 480, 496, 2],
      ["Grill", 5, 5, 660, 828, 3],
    ]);
  });

  it("groups by item (a side counts as its dish), hour and cook", async () => {
    const items = await getKitchenPerformance(loc.ctx.MANAGER, { ...DAY, groupBy: "item" });
    expect(items.rows.map((g) => [g.label, g.fired, g.bumped, g.medianSeconds, g.late])).toEqual([
      ["Burger", 2, 2, 480, 1],
      ["Fries", 4, 3, 480, 2],
      ["Steak", 3, 3, 720, 2],
    ]);
    const hours = await getKitchenPerformance(loc.ctx.MANAGER, { ...DAY, groupBy: "hour" });
    expect(hours.rows.map((g) => [g.label, g.fired, g.late])).toEqual([
      ["18:00", 6, 4],
      ["19:00", 3, 1],
    ]);
    const cooks = await getKitchenPerformance(loc.ctx.MANAGER, { ...DAY, groupBy: "cook" });
    expect(cooks.rows.map((g) => [g.label, g.fired, g.bumped, g.medianSeconds, g.late])).toEqual([
      ["Ana Grill", 5, 5, 660, 3],
      ["Ben Fry", 2, 2, 360, 1],
      ["Not recorded", 2, 1, 500, 1],
    ]);
  });

  it("maps the load by local hour and station", async () => {
    const r = await getKitchenPerformance(loc.ctx.MANAGER, DAY);
    expect(r.load.hours).toEqual([18, 19]);
    expect(r.load.stations.map((s) => s.name)).toEqual(["Fry", "Grill"]);
    const byName = new Map(r.load.stations.map((s) => [s.id, s.name]));
    expect(r.load.cells.map((c) => [byName.get(c.stationId), c.hour, c.lines])).toEqual([
      ["Fry", 18, 1],
      ["Fry", 19, 3],
      ["Grill", 18, 5],
    ]);
  });

  it("is empty for a quiet period and refuses bad input and the wrong roles", async () => {
    const r = await getKitchenPerformance(loc.ctx.MANAGER, { from: "2026-10-01", to: "2026-10-02", compare: "none" });
    expect(r.totals.fired).toBe(0);
    expect(r.previous).toBeNull();
    expect(r.rows).toEqual([]);
    await expectAppError(getKitchenPerformance(loc.ctx.MANAGER, { ...DAY, groupBy: "table" }), "VALIDATION");
    for (const role of ["CHEF", "SERVER"] as const)
      await expectAppError(getKitchenPerformance(loc.ctx[role], DAY), "FORBIDDEN");
  });
});

describe("GET /api/v1/reports/kitchen", () => {
  const call = async (ctx: Ctx, query: string, accept = "application/json") => {
    state.ctx = ctx;
    const { GET } = await import("@/app/api/v1/reports/kitchen/route");
    const req = new NextRequest(`http://localhost/api/v1/reports/kitchen?${query}`, { headers: { accept } });
    return GET(req, { params: Promise.resolve({}) });
  };

  it("answers CSV whose TOTAL row adds up to the groups", async () => {
    const res = await call(loc.ctx.MANAGER, "from=2026-11-16&to=2026-11-16&groupBy=station", "text/csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("kitchen-2026-11-16.csv");
    const table = parseCsvTable((await res.text()).replace(/^\uFEFF/, ""), { required: [...KITCHEN_CSV_COLUMNS] });
    expect(table.errors).toEqual([]);
    const rows = table.rows.map((r) => r.values);
    expect(rows.map((r) => r.group)).toEqual(["Fry", "Grill", "TOTAL"]);
    expect(rows[2]).toMatchObject({
      lines_fired: "9",
      lines_bumped: "8",
      median_seconds: "550",
      p90_seconds: "774",
      late: "5",
      late_percent: "62.5",
    });
    const sum = (k: string) => rows.slice(0, -1).reduce((s, r) => s + Number(r[k]), 0);
    expect([sum("lines_fired"), sum("lines_bumped"), sum("late")]).toEqual([9, 8, 5]);
  });

  it("answers 400 with field messages to bad params", async () => {
    const res = await call(loc.ctx.MANAGER, "groupBy=nope&from=2026-13-01");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(["groupBy", "from"]));
    expect((await call(loc.ctx.SERVER, "preset=today")).status).toBe(403);
  });
});
