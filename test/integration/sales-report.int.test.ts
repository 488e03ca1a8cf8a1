// The sales report to the cent over two business days in New York (04:00 cut-off: a check paid at
// 01:30 belongs to the day before), by every grouping, against the previous period and the
// end-of-day report; the REST route's CSV total, its 403 and its 400.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getSalesReport, SALES_CSV_COLUMNS } from "@/lib/reports/sales-report";
import { getEndOfDay } from "@/lib/reports/end-of-day";
import { zonedInstant } from "@/lib/time/zoned";
import { parseCsvTable } from "@/lib/csv/parse";
import { addStaff, buildLocation, type BuiltLocation, type StaffMember } from "./builders/location";
import { buildOrderWithChecks, buildRefund, buildVoidedLine } from "./builders/money";
import { buildTables } from "./builders/tables";
import { expectAppError, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

const TZ = "America/New_York";
const ny = (d: number, h: number, m = 0) => zonedInstant({ y: 2026, m: 11, d }, h, m, TZ);
const PERIOD = { from: "2026-11-20", to: "2026-11-21" };

let loc: BuiltLocation;
let sam: StaffMember;
let maya: StaffMember;
let main: string;
let patio: string;

beforeAll(async () => {
  const db = testDb();
  loc = await buildLocation({ timezone: TZ });
  const other = await buildLocation({ timezone: TZ });
  sam = await addStaff(loc, "SERVER", { name: "Sam Carter" });
  maya = await addStaff(loc, "SERVER", { name: "Maya Johnson" });
  const mainTables = await buildTables(loc.id, ["M1"], { area: "Main room" });
  const patioTables = await buildTables(loc.id, ["P1"], { area: "Patio" });
  main = (await db.diningTable.findUniqueOrThrow({ where: { id: mainTables.M1 } })).areaId;
  patio = (await db.diningTable.findUniqueOrThrow({ where: { id: patioTables.P1 } })).areaId;
  const by = loc.staff.CASHIER.userId;
  const place = (orderId: string, data: { tableId?: string; source?: "FLOOR" | "GUEST" | "API" }) =>
    db.order.update({ where: { id: orderId }, data });

  // A: Sam, main room, floor, opened 18:30 on the 20th, a discount, a tip, later a refund.
  const a = await buildOrderWithChecks(loc.id, {
    serverId: sam.userId,
    guestCount: 4,
    openedAt: ny(20, 18, 30),
    createdById: by,
    checks: [
      {
        subtotalCents: 10000,
        discountCents: 1000,
        taxCents: 720,
        paidAt: ny(20, 19),
        payments: [{ tender: "CARD", amountCents: 9720, tipCents: 1800 }],
      },
    ],
  });
  await place(a.order.id, { tableId: mainTables.M1 });
  await buildRefund(loc.id, {
    paymentId: a.checks[0].payments[0].id,
    amountCents: 500,
    createdById: loc.staff.MANAGER.userId,
    createdAt: ny(20, 23),
  });
  // B: Maya, patio, guest QR, opened 23:45, comped, paid at 01:30 on the 21st: the 20th's business day.
  const b = await buildOrderWithChecks(loc.id, {
    serverId: maya.userId,
    guestCount: 2,
    openedAt: ny(20, 23, 45),
    createdById: by,
    checks: [
      {
        subtotalCents: 5000,
        compCents: 1200,
        taxCents: 304,
        paidAt: ny(21, 1, 30),
        payments: [{ tender: "CASH", amountCents: 4104, tenderedCents: 5000 }],
      },
    ],
  });
  await place(b.order.id, { tableId: patioTables.P1, source: "GUEST" });
  // C: Maya, no table, API, lunch on the 21st with a service charge.
  const c = await buildOrderWithChecks(loc.id, {
    serverId: maya.userId,
    guestCount: 1,
    openedAt: ny(21, 12),
    createdById: by,
    checks: [
      {
        subtotalCents: 3000,
        serviceChargeCents: 300,
        taxCents: 240,
        paidAt: ny(21, 12, 40),
        payments: [{ tender: "CARD", amountCents: 3540, tipCents: 400 }],
      },
    ],
  });
  await place(c.order.id, { source: "API" });
  // A void at 13:00 on the 21st (its own order: no server, no table, floor).
  await buildVoidedLine(loc.id, { unitPriceCents: 1500, voidedAt: ny(21, 13), voidedById: by });
  // D: Sam, main room, opened 19:00 on the 21st, not paid: still owes 25.00.
  const d = await buildOrderWithChecks(loc.id, {
    serverId: sam.userId,
    openedAt: ny(21, 19),
    status: "SENT",
    createdById: by,
    checks: [{ subtotalCents: 2500, paidAt: null }],
  });
  await place(d.order.id, { tableId: mainTables.M1 });
  // The previous period (18th–19th): E, Sam, main room, opened 18:00 on the 19th.
  const e = await buildOrderWithChecks(loc.id, {
    serverId: sam.userId,
    guestCount: 2,
    openedAt: ny(19, 18),
    createdById: by,
    checks: [{ subtotalCents: 8000, paidAt: ny(19, 19), payments: [{ tender: "CARD", amountCents: 8000 }] }],
  });
  await place(e.order.id, { tableId: mainTables.M1 });
  // Another location's sale is not ours.
  await buildOrderWithChecks(other.id, {
    createdById: other.staff.CASHIER.userId,
    checks: [{ subtotalCents: 99999, paidAt: ny(20, 19), payments: [{ tender: "CARD", amountCents: 99999 }] }],
  });
});

const rowsOf = (r: Awaited<ReturnType<typeof getSalesReport>>) =>
  r.rows.map((g) => [g.label, g.netSalesCents, g.previousNetSalesCents]);

describe("getSalesReport", () => {
  it("adds up the period to the cent, with the previous period", async () => {
    const r = await getSalesReport(loc.ctx.MANAGER, PERIOD);
    expect(r.period).toMatchObject({
      from: "2026-11-20",
      to: "2026-11-21",
      previous: { from: "2026-11-18", to: "2026-11-19" },
    });
    expect(r.total).toMatchObject({
      grossCents: 18000,
      discountCents: 1000,
      compCents: 1200,
      netSalesCents: 15800,
      serviceChargeCents: 300,
      taxCents: 1264,
      tipsCents: 2200,
      refunds: 1,
      refundCents: 500,
      voids: 1,
      voidCents: 1500,
      covers: 7,
      checks: 3,
      averageCheckCents: 5267,
      averageCoverCents: 2257,
      openChecks: 1,
      openDueCents: 2500,
    });
    expect(r.previousTotal).toMatchObject({ grossCents: 8000, netSalesCents: 8000, checks: 1, covers: 2 });
  });

  it("groups by business day (the 01:30 check on the 20th) and equals the end-of-day report", async () => {
    const r = await getSalesReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "day" });
    expect(rowsOf(r)).toEqual([
      ["2026-11-20", 12800, 0],
      ["2026-11-21", 3000, 8000],
    ]);
    expect(r.rows[1]).toMatchObject({ voidCents: 1500, openDueCents: 2500 });
    for (const date of ["2026-11-20", "2026-11-21"]) {
      const z = await getEndOfDay(loc.ctx.MANAGER, { date });
      const row = r.rows.find((g) => g.key === date)!;
      expect(row.netSalesCents).toBe(z.total.netSalesCents);
      expect(row.tipsCents).toBe(z.total.tipsCents);
      expect(row.openDueCents).toBe(z.total.openDueCents);
    }
  });

  it("groups by server, area and source; every group adds up to the total", async () => {
    const server = await getSalesReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "server" });
    expect(rowsOf(server)).toEqual([
      ["Sam Carter", 9000, 8000],
      ["Maya Johnson", 6800, 0],
      ["No server", 0, 0],
    ]);
    expect(server.rows[0]).toMatchObject({
      checks: 1,
      covers: 4,
      tipsCents: 1800,
      refundCents: 500,
      openDueCents: 2500,
    });
    expect(server.rows[1]).toMatchObject({ checks: 2, covers: 3, tipsCents: 400 });
    expect(server.rows[2]).toMatchObject({ voids: 1, voidCents: 1500 });

    const area = await getSalesReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "area" });
    expect(area.rows.map((g) => [g.key, g.label, g.netSalesCents, g.voidCents, g.openDueCents])).toEqual([
      [main, "Main room", 9000, 0, 2500],
      [patio, "Patio", 3800, 0, 0],
      ["", "No table", 3000, 1500, 0],
    ]);

    const source = await getSalesReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "source" });
    expect(source.rows.map((g) => [g.label, g.netSalesCents, g.voidCents, g.serviceChargeCents])).toEqual([
      ["Floor", 9000, 1500, 0],
      ["Guest QR", 3800, 0, 0],
      ["API", 3000, 0, 300],
    ]);
    for (const r of [server, area, source]) {
      for (const k of ["grossCents", "netSalesCents", "taxCents", "tipsCents", "covers", "checks"] as const) {
        expect(r.rows.reduce((s, g) => s + g[k], 0)).toBe(r.total[k]);
      }
    }
  });

  it("groups by the hour and daypart the order was opened, and by week", async () => {
    const hour = await getSalesReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "hour" });
    expect(rowsOf(hour)).toEqual([
      ["12:00", 3000, 0],
      ["13:00", 0, 0],
      ["18:00", 9000, 8000],
      ["19:00", 0, 0],
      ["23:00", 3800, 0],
    ]);
    const fixed = await getSalesReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "daypart" });
    expect(fixed.dayparts).toBe("fixed");
    expect(rowsOf(fixed)).toEqual([
      ["Lunch", 3000, 0],
      ["Dinner", 9000, 8000],
      ["Late", 3800, 0],
    ]);
    const week = await getSalesReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "week" });
    expect(rowsOf(week)).toEqual([["Week of 2026-11-16", 15800, 8000]]);
  });

  it("uses the location's service periods as dayparts when it has them", async () => {
    const all = [0, 1, 2, 3, 4, 5, 6];
    await testDb().servicePeriod.createMany({
      data: [
        { locationId: loc.id, name: "Dinner", daysOfWeek: all, startMinute: 17 * 60, endMinute: 22 * 60 },
        { locationId: loc.id, name: "Lunch", daysOfWeek: all, startMinute: 11 * 60, endMinute: 15 * 60 },
      ],
    });
    const r = await getSalesReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "daypart" });
    expect(r.dayparts).toBe("service-periods");
    expect(r.rows.map((g) => [g.label, g.netSalesCents, g.voidCents, g.openDueCents])).toEqual([
      ["Lunch", 3000, 1500, 0],
      ["Dinner", 9000, 0, 2500],
      ["Other hours", 3800, 0, 0],
    ]);
  });

  it("refuses the wrong role and bad settings", async () => {
    for (const role of ["CASHIER", "SERVER", "HOST", "CHEF"] as const) {
      await expectAppError(getSalesReport(loc.ctx[role], PERIOD), "FORBIDDEN");
    }
    const e = await expectAppError(getSalesReport(loc.ctx.MANAGER, { ...PERIOD, groupBy: "month" }), "VALIDATION");
    expect(e.fieldErrors?.groupBy?.[0]).toMatch(/One of hour, day/);
  });
});

describe("GET /api/v1/reports/sales", () => {
  const call = async (ctx: Ctx, query: string, accept = "application/json") => {
    state.ctx = ctx;
    const { GET } = await import("@/app/api/v1/reports/sales/route");
    const req = new NextRequest(`http://localhost/api/v1/reports/sales?${query}`, { headers: { accept } });
    return GET(req, { params: Promise.resolve({}) });
  };

  it("answers JSON, and CSV whose TOTAL row equals the JSON total", async () => {
    const q = "from=2026-11-20&to=2026-11-21&groupBy=server";
    const json = await call(loc.ctx.MANAGER, q);
    expect(json.status).toBe(200);
    const body = await json.json();
    expect(body.total.netSalesCents).toBe(15800);

    const csv = await call(loc.ctx.MANAGER, `${q}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toContain("sales-2026-11-20-to-2026-11-21.csv");
    const table = parseCsvTable((await csv.text()).replace(/^\uFEFF/, ""), { required: SALES_CSV_COLUMNS });
    expect(table.errors).toEqual([]);
    expect(table.rows.map((r) => r.values.group)).toEqual(["Sam Carter", "Maya Johnson", "No server", "TOTAL"]);
    const total = table.rows.at(-1)!.values;
    expect(total).toMatchObject({
      checks: String(body.total.checks),
      covers: "7",
      gross_sales: "180.00",
      net_sales: (body.total.netSalesCents / 100).toFixed(2),
      delivery_fees: "0.00",
      tax: "12.64",
      tips: "22.00",
      refunds: "5.00",
      voids: "15.00",
      open_due: "25.00",
      previous_net_sales: "80.00",
    });
    const groups = table.rows.slice(0, -1).reduce((s, r) => s + Math.round(Number(r.values.net_sales) * 100), 0);
    expect(groups).toBe(15800);
  });

  it("answers 403 to a cashier and 400 with a field message to a bad groupBy", async () => {
    const forbidden = await call(loc.ctx.CASHIER, "preset=last-week");
    expect(forbidden.status).toBe(403);
    const bad = await call(loc.ctx.MANAGER, "preset=last-week&groupBy=planet");
    expect(bad.status).toBe(400);
    const err = (await bad.json()).error;
    expect(err.code).toBe("VALIDATION");
    expect(err.fieldErrors.groupBy[0]).toMatch(/One of/);
    expect((await call(loc.ctx.MANAGER, "preset=last-week&from=2026-11-01")).status).toBe(400);
  });
});
