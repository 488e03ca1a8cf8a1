// The end-of-day (Z) report to the cent for a seeded business day in New York with a 04:00
// cut-off (a check paid at 01:30 belongs to the evening before), a range, the CSV answer of the
// REST route and its refusal of the wrong role.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { getEndOfDay } from "@/lib/reports/end-of-day";
import { getTodayFigures } from "@/lib/reports/get-today-figures";
import { END_OF_DAY_CSV_COLUMNS } from "@/lib/reports/end-of-day-math";
import { zonedInstant } from "@/lib/time/zoned";
import { parseCsvTable } from "@/lib/csv/parse";
import { openDrawer } from "@/lib/cash/open-drawer";
import { addStaff, buildLocation, type BuiltLocation, type StaffMember } from "./builders/location";
import { buildOrderWithChecks, buildRefund, buildVoidedLine } from "./builders/money";
import { expectAppError } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

const TZ = "America/New_York";
/** Wall-clock time in New York on a November 2026 date (EST, UTC−5). */
const ny = (d: number, h: number, m = 0) => zonedInstant({ y: 2026, m: 11, d }, h, m, TZ);

let loc: BuiltLocation;
let other: BuiltLocation;
let sam: StaffMember;
let maya: StaffMember;
let refundPaymentId: string;

beforeAll(async () => {
  loc = await buildLocation({ timezone: TZ });
  other = await buildLocation({ timezone: TZ });
  sam = await addStaff(loc, "SERVER", { name: "Sam Carter" });
  maya = await addStaff(loc, "SERVER", { name: "Maya Johnson" });
  const by = loc.staff.CASHIER.userId;
  // Business day 2026-11-20 runs from 04:00 on the 20th to 04:00 on the 21st, New York time.
  const a = await buildOrderWithChecks(loc.id, {
    serverId: sam.userId,
    guestCount: 4,
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
  refundPaymentId = a.checks[0].payments[0].id;
  // Paid at 01:30 on the 21st: still the 20th's business day.
  await buildOrderWithChecks(loc.id, {
    serverId: maya.userId,
    guestCount: 2,
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
  // One order of 3 guests split in two checks: its covers count once.
  await buildOrderWithChecks(loc.id, {
    serverId: sam.userId,
    guestCount: 3,
    createdById: by,
    checks: [
      {
        subtotalCents: 3000,
        taxCents: 240,
        paidAt: ny(20, 20),
        payments: [{ tender: "CARD", amountCents: 3240, tipCents: 500 }],
      },
      {
        subtotalCents: 2000,
        serviceChargeCents: 360,
        taxCents: 160,
        paidAt: ny(20, 20, 5),
        payments: [
          { tender: "CASH", amountCents: 1520 },
          { tender: "HOUSE_ACCOUNT", amountCents: 1000 },
        ],
      },
    ],
  });
  // The edges: 04:30 on the 21st is the 21st; 03:59 on the 20th is the 19th.
  await buildOrderWithChecks(loc.id, {
    createdById: by,
    checks: [{ subtotalCents: 7777, paidAt: ny(21, 4, 30), payments: [{ tender: "CASH", amountCents: 7777 }] }],
  });
  await buildOrderWithChecks(loc.id, {
    createdById: by,
    guestCount: 5,
    checks: [{ subtotalCents: 1111, paidAt: ny(20, 3, 59), payments: [{ tender: "CARD", amountCents: 1111 }] }],
  });
  // Still owing: opened on the 20th, 6000 due, 2000 paid.
  await buildOrderWithChecks(loc.id, {
    createdById: by,
    openedAt: ny(20, 18),
    status: "SENT",
    checks: [
      { subtotalCents: 2000, paidAt: null },
      { subtotalCents: 4000, paidAt: null },
    ],
    paidCents: 2000,
  });
  await buildVoidedLine(loc.id, {
    unitPriceCents: 1500,
    modifiersCents: 100,
    quantity: 2,
    voidedAt: ny(20, 22),
    voidedById: by,
  });
  await buildVoidedLine(loc.id, { unitPriceCents: 900, voidedAt: ny(21, 5), voidedById: by });
  await buildRefund(loc.id, {
    paymentId: refundPaymentId,
    amountCents: 500,
    createdById: loc.staff.MANAGER.userId,
    createdAt: ny(20, 23),
  });
  // Another location's sale on the same day is not ours.
  await buildOrderWithChecks(other.id, {
    createdById: other.staff.CASHIER.userId,
    checks: [{ subtotalCents: 99999, paidAt: ny(20, 19), payments: [{ tender: "CARD", amountCents: 99999 }] }],
  });
  const drawer = await openDrawer(loc.ctx.CASHIER, { name: "Front till", openingFloatCents: 15000 });
  await db.cashDrawerSession.update({ where: { id: drawer.id }, data: { openedAt: ny(20, 16) } });
});

describe("getEndOfDay", () => {
  it("adds up the 20th to the cent, across the 04:00 cut-off", async () => {
    const r = await getEndOfDay(loc.ctx.MANAGER, { date: "2026-11-20" });
    expect(r.days).toHaveLength(1);
    expect(r.start).toEqual(ny(20, 4));
    expect(r.end).toEqual(ny(21, 4));
    expect(r.total).toMatchObject({
      checks: 4,
      covers: 9,
      grossCents: 20000,
      discountCents: 1000,
      compCents: 1200,
      netSalesCents: 17800,
      serviceChargeCents: 360,
      taxCents: 1424,
      totalCents: 9720 + 4104 + 3240 + 2520,
      tipsCents: 2300,
      voids: 1,
      voidCents: 3200,
      refunds: 1,
      refundCents: 500,
      averageCheckCents: 4450,
      openChecks: 1,
      openDueCents: 4000,
      paymentsCents: 9720 + 4104 + 3240 + 2520,
    });
    expect(r.tenders).toEqual([
      { tender: "CASH", count: 2, amountCents: 4104 + 1520, tipCents: 0 },
      { tender: "CARD", count: 2, amountCents: 9720 + 3240, tipCents: 2300 },
      { tender: "HOUSE_ACCOUNT", count: 1, amountCents: 1000, tipCents: 0 },
    ]);
    expect(r.tipsByServer).toEqual([{ serverId: sam.userId, name: "Sam Carter", payments: 2, tipCents: 2300 }]);
    expect(r.drawers).toMatchObject([{ name: "Front till", openingFloatCents: 15000, status: "OPEN" }]);
  });

  it("gives one row per day for a range, empty days included", async () => {
    const r = await getEndOfDay(loc.ctx.ADMIN, { from: "2026-11-18", to: "2026-11-21" });
    expect(r.days.map((d) => [d.date, d.checks, d.grossCents, d.covers])).toEqual([
      ["2026-11-18", 0, 0, 0],
      ["2026-11-19", 1, 1111, 5],
      ["2026-11-20", 4, 20000, 9],
      ["2026-11-21", 1, 7777, 2],
    ]);
    expect(r.days[3]).toMatchObject({ voids: 1, voidCents: 900 });
    expect(r.total).toMatchObject({ checks: 6, grossCents: 28888, voids: 2, voidCents: 4100 });
  });

  it("refuses bad dates and ranges with field messages", async () => {
    for (const bad of [
      { date: "2026-13-01" },
      { date: "yesterday" },
      { date: "9999-12-31" },
      { from: "2026-11-20" },
      { from: "2026-11-21", to: "2026-11-20" },
      { from: "2026-01-01", to: "2026-12-31" },
      { date: "2026-11-20", from: "2026-11-20", to: "2026-11-21" },
    ]) {
      await expectAppError(getEndOfDay(loc.ctx.MANAGER, bad), "VALIDATION");
    }
  });

  it("is for managers only", async () => {
    for (const role of ["CASHIER", "SERVER", "HOST", "CHEF"] as const) {
      await expectAppError(getEndOfDay(loc.ctx[role], { date: "2026-11-20" }), "FORBIDDEN");
    }
  });
});

describe("GET /api/v1/reports/end-of-day", () => {
  const call = async (ctx: Ctx, query: string, accept = "application/json") => {
    state.ctx = ctx;
    const { GET } = await import("@/app/api/v1/reports/end-of-day/route");
    const req = new NextRequest(`http://localhost/api/v1/reports/end-of-day?${query}`, { headers: { accept } });
    return GET(req, { params: Promise.resolve({}) });
  };

  it("answers JSON, or CSV when asked with Accept: text/csv", async () => {
    const json = await call(loc.ctx.MANAGER, "date=2026-11-20");
    expect(json.status).toBe(200);
    expect((await json.json()).total.netSalesCents).toBe(17800);

    const csv = await call(loc.ctx.MANAGER, "date=2026-11-20", "text/csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toContain("end-of-day-2026-11-20.csv");
    const table = parseCsvTable((await csv.text()).replace(/^\uFEFF/, ""), { required: END_OF_DAY_CSV_COLUMNS });
    expect(table.errors).toEqual([]);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].values).toMatchObject({
      business_date: "2026-11-20",
      checks: "4",
      covers: "9",
      gross_sales: "200.00",
      discounts: "10.00",
      comps: "12.00",
      net_sales: "178.00",
      delivery_fees: "0.00",
      tax: "14.24",
      tips: "23.00",
      refunds: "5.00",
      voids: "32.00",
      cash: "56.24",
      card: "129.60",
      house_account: "10.00",
      open_due: "40.00",
      currency: "USD",
    });
  });

  it("answers 403 to a cashier and 400 to a bad date", async () => {
    const forbidden = await call(loc.ctx.CASHIER, "date=2026-11-20", "text/csv");
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe("FORBIDDEN");
    expect((await call(loc.ctx.MANAGER, "date=2026-02-30")).status).toBe(400);
  });
});

describe("the dashboard's sales today", () => {
  it("counts paid checks' net sales only and shows what open checks still owe", async () => {
    const place = await buildLocation({ timezone: TZ });
    const by = place.staff.CASHIER.userId;
    const now = new Date();
    await buildOrderWithChecks(place.id, {
      createdById: by,
      checks: [
        {
          subtotalCents: 4000,
          discountCents: 400,
          compCents: 100,
          taxCents: 280,
          paidAt: now,
          payments: [{ tender: "CARD", amountCents: 3780, tipCents: 600 }],
        },
      ],
    });
    // Unpaid orders are not sales: one partly paid, one not paid at all; a closed one owes nothing.
    await buildOrderWithChecks(place.id, {
      createdById: by,
      openedAt: now,
      status: "SENT",
      checks: [{ subtotalCents: 5000, paidAt: null }],
      paidCents: 1500,
    });
    await buildOrderWithChecks(place.id, {
      createdById: by,
      openedAt: new Date(now.getTime() - 3 * 86_400_000),
      status: "OPEN",
      checks: [{ subtotalCents: 1200, paidAt: null }],
    });
    const f = await getTodayFigures(place.ctx.MANAGER);
    expect(f).toMatchObject({
      salesCents: 3500,
      paidChecks: 1,
      averageCheckCents: 3500,
      openChecks: 2,
      openDueCents: 4700,
    });
    expect(f.byHour.reduce((s, h) => s + h.salesCents, 0)).toBe(3500);
  });
});

describe("the Z report on the shared report period", () => {
  // 03:30 on the 21st in New York is still the 20th's business day (04:00 cut-off).
  const late = ny(21, 3, 30);

  it("resolves presets in the location's zone and business day, with the day before to compare", async () => {
    const today = await getEndOfDay(loc.ctx.MANAGER, { preset: "today" }, late);
    expect([today.from, today.to, today.period.preset]).toEqual(["2026-11-20", "2026-11-20", "today"]);
    expect(today.total.netSalesCents).toBe(17800);
    expect(today.period.previous).toMatchObject({ from: "2026-11-19", to: "2026-11-19" });
    expect(today.previousTotal).toMatchObject({ checks: 1, grossCents: 1111 });

    const yesterday = await getEndOfDay(loc.ctx.MANAGER, { preset: "yesterday" }, late);
    expect([yesterday.from, yesterday.start, yesterday.end]).toEqual(["2026-11-19", ny(19, 4), ny(20, 4)]);
    expect(yesterday.total).toMatchObject({ checks: 1, grossCents: 1111, covers: 5 });

    // An hour later the 21st has begun.
    expect((await getEndOfDay(loc.ctx.MANAGER, { preset: "today" }, ny(21, 4, 30))).total.grossCents).toBe(7777);

    // Friday the 20th: this week is Monday the 16th to today, one row per day.
    const week = await getEndOfDay(loc.ctx.MANAGER, { preset: "this-week" }, late);
    expect(week.days.map((d) => d.date)).toEqual([
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
    ]);
    expect(week.total.checks).toBe(5);

    // The original date parameter is the same single day, and compare=none drops the comparison.
    const same = await getEndOfDay(loc.ctx.MANAGER, { date: "2026-11-20", compare: "none" }, late);
    expect(same.total).toEqual(today.total);
    expect([same.period.previous, same.previousTotal]).toEqual([null, null]);
  });

  it("answers 400 with field errors for bad period params, and a TOTAL row equal to the totals", async () => {
    const bad: [string, string][] = [
      ["preset=fortnight", "preset"],
      ["date=2026-11-20&preset=today", "date"],
      ["preset=today&from=2026-11-19&to=2026-11-20", "preset"],
      ["from=2026-11-20", "to"],
      ["from=2026-01-01&to=2026-06-30", "to"],
      ["compare=maybe", "compare"],
      ["preset=custom&from=2026-11-20", "to"],
    ];
    for (const [query, field] of bad) {
      const res = await call(loc.ctx.MANAGER, query);
      expect(res.status, query).toBe(400);
      expect(Object.keys((await res.json()).error.fieldErrors), query).toContain(field);
    }
    const json = await (await call(loc.ctx.MANAGER, "from=2026-11-19&to=2026-11-20")).json();
    const csv = await call(loc.ctx.MANAGER, "from=2026-11-19&to=2026-11-20&format=csv");
    expect(csv.headers.get("content-disposition")).toContain("end-of-day-2026-11-19-to-2026-11-20.csv");
    const table = parseCsvTable((await csv.text()).replace(/^\uFEFF/, ""), { required: END_OF_DAY_CSV_COLUMNS });
    expect(table.rows.map((r) => r.values.business_date)).toEqual(["2026-11-19", "2026-11-20", "TOTAL"]);
    expect(table.rows[2].values.net_sales).toBe((json.total.netSalesCents / 100).toFixed(2));
    expect(json.previousTotal).toMatchObject({ checks: 0 });
  });
});

async function call(ctx: Ctx, query: string, accept = "application/json") {
  state.ctx = ctx;
  const { GET } = await import("@/app/api/v1/reports/end-of-day/route");
  const req = new NextRequest(`http://localhost/api/v1/reports/end-of-day?${query}`, { headers: { accept } });
  return GET(req, { params: Promise.resolve({}) });
}
