// Product mix and menu engineering on a seeded menu whose quadrants are known: a star, a
// plowhorse, a puzzle and a dog, a dish without a recipe, an option with its attach rate;
// voided, out-of-period and other-location lines left out. Then the REST route: CSV totals,
// 4xx for junk, another location's category, the wrong role.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getProductMix } from "@/lib/reports/product-mix";
import { nextOrderNumber } from "@/lib/orders/append-order-events";
import { parseCsv } from "@/lib/csv/parse";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { buildIngredient, buildRecipe } from "./builders/inventory";
import { expectAppError, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

/** Noon UTC on a November 2026 date (the location runs on UTC with the 04:00 cut-off). */
const nov = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h));
const WEEK = { from: "2026-11-09", to: "2026-11-15" };

type Line = {
  menuItemId: string;
  unitPriceCents: number;
  quantity: number;
  firedAt: Date;
  modifierId?: string;
  modifiersCents?: number;
  status?: "SERVED" | "VOIDED";
};

/** CSV rows as objects keyed by the header. */
function csvRows(text: string): Record<string, string>[] {
  const [head, ...body] = parseCsv(text).records;
  return body.map((r) => Object.fromEntries(head.fields.map((h, i) => [h, r.fields[i]])));
}

async function buildFiredLines(locationId: string, lines: Line[]) {
  const db = testDb();
  const number = await db.$transaction((tx) => nextOrderNumber(tx, locationId));
  const order = await db.order.create({ data: { locationId, number, status: "CLOSED" } });
  for (const l of lines) {
    await db.orderItem.create({
      data: {
        orderId: order.id,
        locationId,
        menuItemId: l.menuItemId,
        name: "Snapshot",
        unitPriceCents: l.unitPriceCents,
        modifiersCents: l.modifiersCents ?? 0,
        quantity: l.quantity,
        status: l.status ?? "SERVED",
        firedAt: l.firedAt,
        voidedAt: l.status === "VOIDED" ? l.firedAt : null,
        modifiers: l.modifierId
          ? { create: { modifierId: l.modifierId, name: "Option", priceDeltaCents: l.modifiersCents ?? 0 } }
          : undefined,
      },
    });
  }
}

let loc: BuiltLocation;
let other: BuiltLocation;
let mainsId: string;
let otherCategoryId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  loc = await buildLocation({ timezone: "UTC" });
  other = await buildLocation({ timezone: "UTC" });
  const mains = await buildCategory(loc.id, { name: "Mains" });
  mainsId = mains.id;
  otherCategoryId = (await buildCategory(other.id, { name: "Mains" })).id;
  const dish = async (name: string, priceCents: number) =>
    (ids[name] = (await buildMenuItem(loc.id, { categoryId: mains.id, name, priceCents })).id);
  // Beef: 1 kg for 25.00 → 2.5 ¢/g. Kits: one each at a fixed cost. Cheese: 1 kg for 15.00.
  const beef = await buildIngredient(loc.id, {
    name: "Beef",
    purchaseUnitSize: "1000",
    costCentsPerPurchaseUnit: 2500,
  });
  const cheese = await buildIngredient(loc.id, {
    name: "Cheese",
    purchaseUnitSize: "1000",
    costCentsPerPurchaseUnit: 1500,
  });
  const kit = (name: string, cents: number) =>
    buildIngredient(loc.id, { name, baseUnit: "EACH", purchaseUnitSize: "1", costCentsPerPurchaseUnit: cents });
  await buildRecipe(loc.id, { menuItemId: await dish("Burger", 1800) }, [[beef.id, "200"]]); // 500 ¢
  await buildRecipe(loc.id, { menuItemId: await dish("Pasta", 1200) }, [[(await kit("Pasta kit", 600)).id, "1"]]);
  await buildRecipe(loc.id, { menuItemId: await dish("Lobster", 4000) }, [[(await kit("Lobster kit", 2000)).id, "1"]]);
  await buildRecipe(loc.id, { menuItemId: await dish("Soup", 800) }, [[(await kit("Soup kit", 400)).id, "1"]]);
  await dish("Salad", 900); // no recipe
  const options = await buildModifierGroup(loc.id, {
    name: "Cheese",
    modifiers: [{ name: "Add cheese", priceDeltaCents: 150 }, { name: "No cheese" }],
    menuItemIds: [ids.Burger],
  });
  ids.addCheese = options.modifiers["Add cheese"];
  await buildRecipe(loc.id, { modifierId: ids.addCheese }, [[cheese.id, "30"]]); // 45 ¢
  await buildFiredLines(loc.id, [
    { menuItemId: ids.Burger, unitPriceCents: 1800, quantity: 60, firedAt: nov(10) },
    {
      menuItemId: ids.Burger,
      unitPriceCents: 1800,
      quantity: 20,
      firedAt: nov(11),
      modifierId: ids.addCheese,
      modifiersCents: 150,
    },
    { menuItemId: ids.Pasta, unitPriceCents: 1200, quantity: 70, firedAt: nov(12) },
    { menuItemId: ids.Lobster, unitPriceCents: 4000, quantity: 30, firedAt: nov(13) },
    { menuItemId: ids.Soup, unitPriceCents: 800, quantity: 20, firedAt: nov(16, 3) }, // 03:00 on the 16th: still the 15th
    { menuItemId: ids.Salad, unitPriceCents: 900, quantity: 5, firedAt: nov(14) },
    // Left out: a voided line, a line fired at 04:00 on the 16th (the 16th), the week before.
    { menuItemId: ids.Burger, unitPriceCents: 1800, quantity: 9, firedAt: nov(12), status: "VOIDED" },
    { menuItemId: ids.Burger, unitPriceCents: 1800, quantity: 7, firedAt: nov(16, 4) },
    { menuItemId: ids.Soup, unitPriceCents: 800, quantity: 10, firedAt: nov(3) },
  ]);
  const otherDish = await buildMenuItem(other.id, { categoryId: otherCategoryId, name: "Burger", priceCents: 1800 });
  await buildFiredLines(other.id, [
    { menuItemId: otherDish.id, unitPriceCents: 1800, quantity: 500, firedAt: nov(10) },
  ]);
});

describe("getProductMix", () => {
  it("places the star, plowhorse, puzzle and dog, and leaves the dish without a recipe out", async () => {
    const r = await getProductMix(loc.ctx.MANAGER, WEEK);
    const by = Object.fromEntries(r.items.map((i) => [i.name, i]));
    expect(Object.fromEntries(r.items.map((i) => [i.name, i.menuClass]))).toEqual({
      Burger: "STAR",
      Pasta: "PLOWHORSE",
      Lobster: "PUZZLE",
      Soup: "DOG",
      Salad: null,
    });
    // Burger: 80 portions, 60 × 18.00 + 20 × 19.50 = 1 470.00; cost 80 × 5.00 + 20 × 0.45 = 409.00.
    expect(by.Burger).toMatchObject({
      quantity: 80,
      revenueCents: 147000,
      foodCostCents: 40900,
      foodCostPerUnitCents: 511,
      marginCents: 106100,
      marginPerUnitCents: 1326,
    });
    expect(by.Pasta).toMatchObject({ quantity: 70, revenueCents: 84000, foodCostCents: 42000, marginCents: 42000 });
    expect(by.Salad).toMatchObject({
      quantity: 5,
      revenueCents: 4500,
      foodCostCents: null,
      marginCents: null,
      foodCostPct: null,
    });
    // 4 dishes analysed: 70 % of a 25 % fair share; margin (106 100 + 42 000 + 60 000 + 8 000) / 200.
    expect(r.matrix).toMatchObject({ analysed: 4, marginThresholdCents: 1081, leftOut: ["Salad"] });
    expect(r.matrix.popularityThreshold).toBeCloseTo(0.175, 10);
    expect(by.Lobster.matrixShare).toBeCloseTo(0.15, 10);
    expect(r.totals).toMatchObject({
      quantity: 205,
      revenueCents: 371500,
      costedRevenueCents: 367000,
      foodCostCents: 150900,
      marginCents: 216100,
      uncostedRevenueCents: 4500,
    });
    expect(r.previous).toMatchObject({ quantity: 10, revenueCents: 8000, foodCostCents: 4000 });
    expect(r.categoryRows).toEqual([
      expect.objectContaining({ name: "Mains", dishes: 5, uncostedDishes: 1, quantity: 205, revenueCents: 371500 }),
    ]);
  });

  it("gives each option its attach rate over the portions of dishes that offer it", async () => {
    const r = await getProductMix(loc.ctx.MANAGER, WEEK);
    expect(r.modifiers).toEqual([
      expect.objectContaining({ name: "Add cheese", group: "Cheese", chosen: 20, offered: 80, attachRate: 0.25 }),
      expect.objectContaining({ name: "No cheese", chosen: 0, offered: 80, attachRate: 0 }),
    ]);
  });

  it("scopes the matrix to a category of the location, and refuses another location's", async () => {
    const r = await getProductMix(loc.ctx.MANAGER, { ...WEEK, categoryId: mainsId });
    expect(r.category).toEqual({ id: mainsId, name: "Mains" });
    expect(r.totals.quantity).toBe(205);
    await expectAppError(getProductMix(loc.ctx.MANAGER, { ...WEEK, categoryId: otherCategoryId }), "NOT_FOUND");
  });

  it("is for managers only", async () => {
    await expectAppError(getProductMix(loc.ctx.SERVER, WEEK), "FORBIDDEN");
  });
});

describe("GET /api/v1/reports/product-mix", () => {
  async function get(query: string, accept = "application/json") {
    state.ctx = loc.ctx.MANAGER;
    const { GET } = await import("@/app/api/v1/reports/product-mix/route");
    return GET(new NextRequest(`http://localhost/api/v1/reports/product-mix?${query}`, { headers: { accept } }), {
      params: Promise.resolve({}),
    });
  }

  it("answers CSV whose TOTAL row equals the report's totals", async () => {
    const res = await get(`from=${WEEK.from}&to=${WEEK.to}`, "text/csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("product-mix-2026-11-09-to-2026-11-15.csv");
    const rows = csvRows(await res.text());
    const total = rows.find((r) => r.item === "TOTAL")!;
    expect(total).toMatchObject({ quantity: "205", revenue: "3715.00", food_cost: "1509.00", margin: "2161.00" });
    expect(rows.find((r) => r.item === "Lobster")).toMatchObject({ class: "Puzzle", margin_per_unit: "20.00" });
    expect(rows.find((r) => r.item === "Salad")).toMatchObject({ class: "No recipe", food_cost: "" });
  });

  it("answers by category", async () => {
    const res = await get(`from=${WEEK.from}&to=${WEEK.to}&groupBy=category&format=csv`);
    const rows = csvRows(await res.text());
    expect(rows.map((r) => r.category)).toEqual(["Mains", "TOTAL"]);
  });

  it("answers 400 with field messages for junk", async () => {
    const res = await get("groupBy=table&from=2026-13-01");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.error.fieldErrors)).toEqual(expect.arrayContaining(["groupBy", "from"]));
  });
});
