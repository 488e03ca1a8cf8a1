// The inventory report to the gram and the cent on a hand-written ledger: flour received from two
// suppliers at rising prices, sold, wasted and found short at a count; butter wasted in this week
// and the week before. Turnover, days on hand, usage, waste by reason, price history, the
// previous period; the REST route's CSV and the older inventory routes on the shared period.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { StockMovementType } from "@/generated/prisma/client";
import { getInventoryReport } from "@/lib/reports/inventory-report";
import { getWasteReport } from "@/lib/inventory/get-waste-report";
import { parseCsv } from "@/lib/csv/parse";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildIngredient, buildSupplier } from "./builders/inventory";
import { expectAppError, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

/** Noon UTC on a November 2026 date (the location runs on UTC, business days from 04:00). */
const nov = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h));
const WEEK = { from: "2026-11-09", to: "2026-11-15" };

let loc: BuiltLocation;
let poNumber = 0;

type Move = {
  type: StockMovementType;
  delta: number;
  at: Date;
  reason?: string;
  po?: { supplierId: string; unitCostCents: number };
};

/** Ledger rows of one ingredient in time order, each receipt on a received purchase order of its own. */
async function ledger(ingredientId: string, moves: Move[]) {
  const db = testDb();
  let balance = 0;
  for (const m of moves) {
    balance += m.delta;
    let purchaseOrderLineId: string | null = null;
    if (m.po) {
      const po = await db.purchaseOrder.create({
        data: {
          locationId: loc.id,
          number: ++poNumber,
          supplierId: m.po.supplierId,
          status: "RECEIVED",
          receivedAt: m.at,
          lines: {
            create: {
              ingredientId,
              quantityOrdered: String(m.delta / 1000),
              quantityReceived: String(m.delta / 1000),
              unitCostCents: m.po.unitCostCents,
            },
          },
        },
        include: { lines: true },
      });
      purchaseOrderLineId = po.lines[0].id;
    }
    await db.stockMovement.create({
      data: {
        locationId: loc.id,
        ingredientId,
        type: m.type,
        quantityDelta: String(m.delta),
        balanceAfter: String(balance),
        reason: m.reason ?? null,
        purchaseOrderLineId,
        createdAt: m.at,
      },
    });
  }
  await db.stockLevel.update({ where: { ingredientId }, data: { quantity: String(balance) } });
}

beforeAll(async () => {
  loc = await buildLocation({ timezone: "UTC" });
  const mill = await buildSupplier(loc.id, { name: "Mill & Co" });
  const bakery = await buildSupplier(loc.id, { name: "Baker's Supply" });
  // Flour in 1 kg bags, now 2.40 a bag; butter in 1 kg blocks at 8.00.
  const flour = await buildIngredient(loc.id, {
    name: "Flour",
    purchaseUnit: "1 kg bag",
    purchaseUnitSize: "1000",
    costCentsPerPurchaseUnit: 240,
  });
  const butter = await buildIngredient(loc.id, {
    name: "Butter",
    purchaseUnitSize: "1000",
    costCentsPerPurchaseUnit: 800,
  });
  await ledger(flour.id, [
    { type: "RECEIPT", delta: 10000, at: nov(1), po: { supplierId: mill.id, unitCostCents: 200 } },
    { type: "RECEIPT", delta: 2000, at: nov(9), po: { supplierId: mill.id, unitCostCents: 210 } },
    { type: "SALE", delta: -3000, at: nov(10) },
    { type: "WASTE", delta: -500, at: nov(12), reason: "SPOILED: damp sack" },
    { type: "RECEIPT", delta: 5000, at: nov(13), po: { supplierId: bakery.id, unitCostCents: 240 } },
    { type: "COUNT_CORRECTION", delta: -500, at: nov(14) },
    { type: "RECEIPT", delta: 1000, at: nov(15), po: { supplierId: mill.id, unitCostCents: 231 } },
    { type: "SALE", delta: -1000, at: nov(20) },
  ]);
  await ledger(butter.id, [
    { type: "ADJUSTMENT", delta: 2000, at: nov(1), reason: "opening" },
    { type: "WASTE", delta: -100, at: nov(5), reason: "EXPIRED" },
    { type: "WASTE", delta: -200, at: nov(11), reason: "DROPPED" },
  ]);
});

describe("getInventoryReport", () => {
  it("gives turnover and days on hand per ingredient from the ledger", async () => {
    const r = await getInventoryReport(loc.ctx.MANAGER, WEEK);
    expect(r.view).toBe("turnover");
    const [flour, butter] = r.turnover.rows;
    // Flour: 10 kg at the start, 14 kg at the end; 4 kg used (3 sold, 0.5 wasted, 0.5 missing).
    expect(flour).toMatchObject({
      name: "Flour",
      opening: "10000",
      closing: "14000",
      used: "4000",
      usageCents: 960,
      averageValueCents: 2880,
      closingValueCents: 3360,
      daysOnHand: 24.5,
    });
    expect(flour.turnover).toBeCloseTo(960 / 2880, 10);
    expect(butter).toMatchObject({
      name: "Butter",
      opening: "1900",
      closing: "1700",
      used: "200",
      usageCents: 160,
      daysOnHand: 59.5,
    });
    expect(r.turnover.totals).toMatchObject({
      usageCents: 1120,
      averageValueCents: 4320,
      closingValueCents: 4720,
      daysOnHand: 29.5,
    });
  });

  it("compares theoretical and actual usage, and adds up waste by reason", async () => {
    const r = await getInventoryReport(loc.ctx.MANAGER, { ...WEEK, view: "waste" });
    expect(r.totals).toMatchObject({
      theoreticalCents: 720,
      actualCents: 1120,
      varianceCents: 400,
      wasteCents: 280,
      purchasesCents: 1851,
    });
    expect(r.usage.rows.find((x) => x.name === "Flour")).toMatchObject({
      theoretical: "3000",
      waste: "500",
      unexplained: "500",
      actual: "4000",
    });
    expect(r.waste.byReason).toEqual([
      { reason: "DROPPED", valueCents: 160 },
      { reason: "SPOILED", valueCents: 120 },
    ]);
    expect(r.previous).toEqual({
      theoreticalCents: 0,
      actualCents: 80,
      varianceCents: 80,
      wasteCents: 80,
      purchasesCents: 0,
    });
  });

  it("tracks the unit cost paid per ingredient and supplier", async () => {
    const r = await getInventoryReport(loc.ctx.MANAGER, { ...WEEK, view: "prices" });
    expect(r.prices.receipts.map((x) => [x.date, x.supplier, x.unitCostCents, x.quantity, x.valueCents])).toEqual([
      ["2026-11-09", "Mill & Co", 210, "2", 420],
      ["2026-11-13", "Baker's Supply", 240, "5", 1200],
      ["2026-11-15", "Mill & Co", 231, "1", 231],
    ]);
    expect(r.prices.summary).toEqual([
      expect.objectContaining({ supplier: "Baker's Supply", receipts: 1, firstCents: 240, lastCents: 240, change: 0 }),
      expect.objectContaining({
        supplier: "Mill & Co",
        receipts: 2,
        firstCents: 210,
        lastCents: 231,
        minCents: 210,
        maxCents: 231,
        valueCents: 651,
      }),
    ]);
    expect(r.prices.summary[1].change).toBeCloseTo(0.1, 10);
  });

  it("is for managers only", async () => {
    await expectAppError(getInventoryReport(loc.ctx.CHEF, WEEK), "FORBIDDEN");
  });
});

describe("GET /api/v1/reports/inventory and the older inventory routes", () => {
  async function get(path: "reports/inventory" | "inventory/reports/waste", query: string) {
    state.ctx = loc.ctx.MANAGER;
    const { GET } =
      path === "reports/inventory"
        ? await import("@/app/api/v1/reports/inventory/route")
        : await import("@/app/api/v1/inventory/reports/waste/route");
    return (await GET(new NextRequest(`http://localhost/api/v1/${path}?${query}`), {
      params: Promise.resolve({}),
    })) as Response;
  }
  const rows = (text: string) => {
    const [head, ...body] = parseCsv(text).records;
    return body.map((r) => Object.fromEntries(head.fields.map((h, i) => [h, r.fields[i]])));
  };

  it("answers each view as CSV with a TOTAL row equal to the screen's", async () => {
    const turnover = rows(await (await get("reports/inventory", `from=${WEEK.from}&to=${WEEK.to}&format=csv`)).text());
    expect(turnover.at(-1)).toMatchObject({
      ingredient: "TOTAL",
      usage_cost: "11.20",
      average_stock_value: "43.20",
      days_on_hand: "29.5",
    });
    const waste = rows(
      await (await get("reports/inventory", `from=${WEEK.from}&to=${WEEK.to}&view=waste&format=csv`)).text(),
    );
    expect(waste.map((x) => [x.reason, x.ingredient, x.value])).toEqual([
      ["DROPPED", "Butter", "1.60"],
      ["SPOILED", "Flour", "1.20"],
      ["TOTAL", "", "2.80"],
    ]);
    const prices = rows(
      await (await get("reports/inventory", `from=${WEEK.from}&to=${WEEK.to}&view=prices&format=csv`)).text(),
    );
    expect(prices.at(-1)).toMatchObject({ date: "TOTAL", value: "18.51" });
  });

  it("answers 400 with field messages for junk", async () => {
    const res = await get("reports/inventory", "view=stock&preset=last-year");
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fieldErrors)).toEqual(expect.arrayContaining(["view", "preset"]));
  });

  it("keeps the older waste route and use case on the shared period", async () => {
    const res = await get("inventory/reports/waste", `from=${WEEK.from}&to=${WEEK.to}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ totalCents: 280, period: { from: WEEK.from, to: WEEK.to } });
    const lastWeekOnly = await getWasteReport(loc.ctx.MANAGER, { from: "2026-11-02", to: "2026-11-08" });
    expect(lastWeekOnly.byReason).toEqual([{ reason: "EXPIRED", valueCents: 80 }]);
  });
});
