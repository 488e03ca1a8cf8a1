// Inventory use cases against the real database: purchase orders, counts, waste, CSV import,
// roles and tenancy.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { applyStockForFiredItems } from "@/lib/inventory/apply-stock-for-fired-items";
import { cancelPurchaseOrder } from "@/lib/inventory/cancel-purchase-order";
import { createIngredient } from "@/lib/inventory/create-ingredient";
import { createPurchaseOrder } from "@/lib/inventory/create-purchase-order";
import { getIngredientLedger } from "@/lib/inventory/get-ingredient-ledger";
import { getReorderList } from "@/lib/inventory/get-reorder-list";
import { getStockCount } from "@/lib/inventory/get-stock-count";
import { getUsageReport } from "@/lib/inventory/get-usage-report";
import { getWasteReport } from "@/lib/inventory/get-waste-report";
import { importIngredientsCsv } from "@/lib/inventory/import-ingredients-csv";
import { exportIngredientsCsv } from "@/lib/inventory/export-ingredients-csv";
import { listIngredients } from "@/lib/inventory/list-ingredients";
import { logWaste } from "@/lib/inventory/log-waste";
import { postStockCount } from "@/lib/inventory/post-stock-count";
import { receivePurchaseOrder } from "@/lib/inventory/receive-purchase-order";
import { saveStockCount } from "@/lib/inventory/save-stock-count";
import { sendPurchaseOrder } from "@/lib/inventory/send-purchase-order";
import { setRecipe } from "@/lib/inventory/set-recipe";
import { startStockCount } from "@/lib/inventory/start-stock-count";
import { updateIngredient } from "@/lib/inventory/update-ingredient";
import { DEMO_SECOND_LOCATION_SLUG } from "@/prisma/demo-seed";
import { resetDb, seedFixture, ctxFor, expectAppError } from "./helpers";

let manager: Ctx;
let chef: Ctx;
let server: Ctx;
let uptownAdmin: Ctx;

const level = async (ingredientId: string) =>
  Number((await db.stockLevel.findUniqueOrThrow({ where: { ingredientId } })).quantity);
const tag = () => randomUUID().slice(0, 8);

async function supplierOf(ctx: Ctx) {
  return db.supplier.findFirstOrThrow({ where: { locationId: ctx.locationId } });
}

/** An ingredient (5 kg sack, $10) with `stock` g on hand and a dish needing `portion` g of it. */
async function stockedDish(ctx: Ctx, stock: string, portion: string) {
  const supplier = await supplierOf(ctx);
  const { id } = await createIngredient(ctx, {
    name: `Flour ${tag()}`,
    sku: null,
    baseUnit: "G",
    purchaseUnit: "5 kg sack",
    purchaseUnitSize: "5000",
    costCentsPerPurchaseUnit: 1000,
    parLevel: "20000",
    reorderPoint: "5000",
    defaultSupplierId: supplier.id,
  });
  if (Number(stock) > 0) await db.stockLevel.update({ where: { ingredientId: id }, data: { quantity: stock } });
  const category = await db.menuCategory.findFirstOrThrow({ where: { locationId: ctx.locationId } });
  const item = await db.menuItem.create({
    data: { locationId: ctx.locationId, categoryId: category.id, name: `Bread ${tag()}`, priceCents: 500 },
  });
  await setRecipe(ctx, { menuItemId: item.id, lines: [{ ingredientId: id, quantity: portion }] });
  return { ingredientId: id, itemId: item.id, supplierId: supplier.id };
}

beforeAll(async () => {
  await resetDb();
  await seedFixture();
  manager = await ctxFor("manager@demo.kitchen");
  chef = await ctxFor("chef@demo.kitchen");
  server = await ctxFor("server@demo.kitchen");
  uptownAdmin = await ctxFor("admin@demo.kitchen", DEMO_SECOND_LOCATION_SLUG);
});

describe("purchase orders", () => {
  it("receiving raises stock in base units, writes RECEIPT movements, updates cost and un-86s AUTO-86'd items", async () => {
    const { ingredientId, itemId, supplierId } = await stockedDish(manager, "0", "250");
    // Setting the recipe with no stock auto-86'd the dish.
    expect(await db.menuItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
      is86d: true,
      eightySixedBy: "AUTO",
    });

    const po = await createPurchaseOrder(manager, {
      supplierId,
      lines: [{ ingredientId, quantityOrdered: "3", unitCostCents: 1200 }],
    });
    await expectAppError(receivePurchaseOrder(manager, { id: po.id }), "INVALID_STATE"); // still a draft
    await sendPurchaseOrder(manager, { id: po.id });

    const partial = await receivePurchaseOrder(manager, {
      id: po.id,
      lines: [
        {
          lineId: (await db.purchaseOrderLine.findFirstOrThrow({ where: { purchaseOrderId: po.id } })).id,
          quantity: "1",
        },
      ],
    });
    expect(partial.status).toBe("PARTIALLY_RECEIVED");
    expect(partial.restored.map((r) => r.id)).toEqual([itemId]);
    expect(await level(ingredientId)).toBe(5000); // 1 sack × 5000 g
    expect(await db.menuItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
      is86d: false,
      eightySixedBy: null,
    });

    const rest = await receivePurchaseOrder(manager, { id: po.id });
    expect(rest.status).toBe("RECEIVED");
    expect(await level(ingredientId)).toBe(15000);
    const receipts = await db.stockMovement.findMany({
      where: { ingredientId, type: "RECEIPT" },
      orderBy: { createdAt: "asc" },
    });
    expect(receipts.map((m) => [Number(m.quantityDelta), Number(m.balanceAfter)])).toEqual([
      [5000, 5000],
      [10000, 15000],
    ]);
    expect(receipts.every((m) => m.purchaseOrderLineId)).toBe(true);
    expect((await db.ingredient.findUniqueOrThrow({ where: { id: ingredientId } })).costCentsPerPurchaseUnit).toBe(
      1200,
    );

    const audit = await db.auditLog.count({ where: { entityId: po.id, action: "inventory.po.receive" } });
    expect(audit).toBe(2);
    await expectAppError(receivePurchaseOrder(manager, { id: po.id }), "INVALID_STATE");
  });

  it("cancelling is allowed before receipt and refused after", async () => {
    const { ingredientId, supplierId } = await stockedDish(manager, "1000", "100");
    const draft = await createPurchaseOrder(manager, { supplierId, lines: [{ ingredientId, quantityOrdered: "2" }] });
    expect((await cancelPurchaseOrder(manager, { id: draft.id })).status).toBe("CANCELLED");

    const po = await createPurchaseOrder(manager, { supplierId, lines: [{ ingredientId, quantityOrdered: "2" }] });
    await sendPurchaseOrder(manager, { id: po.id });
    const line = await db.purchaseOrderLine.findFirstOrThrow({ where: { purchaseOrderId: po.id } });
    await receivePurchaseOrder(manager, { id: po.id, lines: [{ lineId: line.id, quantity: "1" }] });
    const e = await expectAppError(cancelPurchaseOrder(manager, { id: po.id }), "INVALID_STATE");
    expect(e.message).toMatch(/received/);
    expect((await db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).status).toBe("PARTIALLY_RECEIVED");
  });

  it("PO numbers are per location and lines must be this location's ingredients", async () => {
    const { ingredientId } = await stockedDish(manager, "0", "1");
    const uptownSupplier = await supplierOf(uptownAdmin);
    await expectAppError(
      createPurchaseOrder(uptownAdmin, {
        supplierId: uptownSupplier.id,
        lines: [{ ingredientId, quantityOrdered: "1" }],
      }),
      "NOT_FOUND",
    );
  });
});

describe("stock counts and waste", () => {
  it("posting a count writes COUNT_CORRECTION movements for the variance and cannot be posted twice", async () => {
    const a = await stockedDish(manager, "10000", "100");
    const b = await stockedDish(manager, "3000", "100");
    const c = await stockedDish(manager, "700", "100");
    const count = await startStockCount(manager, {
      note: "Sunday close",
      ingredientIds: [a.ingredientId, b.ingredientId, c.ingredientId],
    });
    await saveStockCount(manager, {
      id: count.id,
      lines: [
        { ingredientId: a.ingredientId, counted: "9.5", unit: "kg" }, // −500 g
        { ingredientId: b.ingredientId, counted: "3200" }, // +200 g
        { ingredientId: c.ingredientId, counted: null }, // not counted: left alone
      ],
    });
    const view = await getStockCount(manager, count.id);
    expect(view.lines.find((l) => l.ingredientId === a.ingredientId)).toMatchObject({
      expected: "10000",
      counted: "9500",
      variance: "-500",
      varianceCents: -100,
    });

    expect((await postStockCount(manager, { id: count.id })).corrections).toBe(2);
    expect(await level(a.ingredientId)).toBe(9500);
    expect(await level(b.ingredientId)).toBe(3200);
    expect(await level(c.ingredientId)).toBe(700);
    const moves = await db.stockMovement.findMany({ where: { stockCountId: count.id } });
    expect(moves.map((m) => [m.type, Number(m.quantityDelta)]).sort()).toEqual([
      ["COUNT_CORRECTION", -500],
      ["COUNT_CORRECTION", 200],
    ]);
    await expectAppError(postStockCount(manager, { id: count.id }), "INVALID_STATE");
    await expectAppError(saveStockCount(manager, { id: count.id, lines: [] }), "INVALID_STATE");
  });

  it("waste is a WASTE movement with its reason, refused beyond what is on hand, and may auto-86", async () => {
    const { ingredientId, itemId } = await stockedDish(manager, "300", "200");
    const e = await expectAppError(
      logWaste(chef, { ingredientId, quantity: "400", reason: "DROPPED" }),
      "OUT_OF_STOCK",
    );
    expect(e.message).toMatch(/Only 300 g/);
    const r = await logWaste(chef, {
      ingredientId,
      quantity: "0.15",
      unit: "kg",
      reason: "SPOILED",
      note: "fridge left open",
    });
    expect(r.eightySixed.map((i) => i.id)).toEqual([itemId]);
    expect(await level(ingredientId)).toBe(150);
    const m = await db.stockMovement.findFirstOrThrow({ where: { ingredientId, type: "WASTE" } });
    expect(m.reason).toBe("SPOILED: fridge left open");
    expect(m.actorId).toBe(chef.userId);
    const report = await getWasteReport(manager, {});
    // Every wasted ingredient, not the top 15: the demo's own waste history outranks this one.
    expect(report.ingredients.find((t) => t.id === ingredientId)).toMatchObject({ quantity: "150", valueCents: 30 });
    await expectAppError(logWaste(server, { ingredientId, quantity: "1", reason: "DROPPED" }), "FORBIDDEN");
  });

  it("the ledger explains the level; usage compares theoretical and actual", async () => {
    const { ingredientId, itemId } = await stockedDish(manager, "0", "100");
    await db.$transaction(async (tx) => {
      const { postMovements } = await import("@/lib/inventory/stock-ledger");
      await postMovements(tx, { locationId: manager.locationId, userId: manager.userId }, [
        { ingredientId, delta: 2_000_000, type: "ADJUSTMENT", reason: "opening" },
      ]);
    });
    const order = await db.order.create({
      data: { locationId: server.locationId, number: 900_000 + Math.floor(Math.random() * 99_999) },
    });
    const oi = await db.orderItem.create({
      data: {
        orderId: order.id,
        locationId: server.locationId,
        menuItemId: itemId,
        name: "Bread",
        unitPriceCents: 500,
        quantity: 3,
      },
    });
    await db.$transaction((tx) =>
      applyStockForFiredItems(tx, server, [{ orderItemId: oi.id, menuItemId: itemId, quantity: 3, modifierIds: [] }]),
    );
    await logWaste(manager, { ingredientId, quantity: "50", reason: "EXPIRED" });

    const ledger = await getIngredientLedger(manager, { ingredientId });
    expect(ledger.movements.map((m) => [m.type, m.delta, m.balanceAfter])).toEqual([
      ["WASTE", "-50", "1650"],
      ["SALE", "-300", "1700"],
      ["ADJUSTMENT", "2000", "2000"],
    ]);
    expect(ledger.movements[1].source).toMatch(/^Order #\d+ · Bread$/);
    expect(await level(ingredientId)).toBe(1650);

    const usage = await getUsageReport(manager, {});
    expect(usage.rows.find((r) => r.id === ingredientId)).toMatchObject({
      theoretical: "300",
      waste: "50",
      actual: "350",
    });
  });
});

describe("ingredient CSV import", () => {
  const header =
    "name,base_unit,purchase_unit,purchase_unit_size,cost_per_purchase_unit,par_level,reorder_point,supplier,on_hand";

  it("a file with any bad row writes nothing and reports each bad row", async () => {
    const name = `Csv good ${tag()}`;
    const csv = [
      header,
      `${name},g,5 kg sack,5000,12.50,20000,5000,,8000`,
      `Csv bad unit ${tag()},litres,bottle,1000,3.00,10,2,,`,
      `Csv bad money ${tag()},ml,bottle,750,abc,10,2,Nobody Ltd,`,
    ].join("\n");
    const before = await db.ingredient.count({ where: { locationId: manager.locationId } });
    const e = await expectAppError(importIngredientsCsv(manager, { csv }), "VALIDATION");
    const rowErrors = (e.details as { rowErrors: { line: number; column?: string; message: string }[] }).rowErrors;
    expect(rowErrors.map((r) => `${r.line}:${r.column}`)).toEqual([
      "3:base_unit",
      "4:cost_per_purchase_unit",
      "4:supplier",
    ]);
    expect(e.message).toBe("2 rows need fixing; nothing was imported");
    expect(await db.ingredient.count({ where: { locationId: manager.locationId } })).toBe(before);
    expect(await db.ingredient.findFirst({ where: { name } })).toBeNull();
  });

  it("a clean file creates and updates ingredients and sets stock through ADJUSTMENT movements", async () => {
    const existing = await stockedDish(manager, "1000", "10");
    const existingName = (await db.ingredient.findUniqueOrThrow({ where: { id: existing.ingredientId } })).name;
    const supplier = await supplierOf(manager);
    const newName = `Csv olive oil ${tag()}`;
    const csv = [
      header,
      `${existingName.toUpperCase()},g,5 kg sack,5000,11.00,25000,6000,${supplier.name},4000`,
      `"${newName}",ml,"bottle, 1 l",1000,"$9.99",6000,2000,,3000`,
    ].join("\r\n");
    const dry = await importIngredientsCsv(manager, { csv, dryRun: true });
    expect(dry).toMatchObject({ created: 1, updated: 1, dryRun: true });
    expect(await db.ingredient.findFirst({ where: { name: newName } })).toBeNull();

    const report = await importIngredientsCsv(manager, { csv });
    expect(report).toMatchObject({ created: 1, updated: 1, stockAdjusted: 2, rows: 2 });
    expect(await level(existing.ingredientId)).toBe(4000);
    const created = await db.ingredient.findFirstOrThrow({ where: { name: newName } });
    expect(created).toMatchObject({ purchaseUnit: "bottle, 1 l", costCentsPerPurchaseUnit: 999, baseUnit: "ML" });
    expect(await level(created.id)).toBe(3000);
    const adj = await db.stockMovement.findMany({
      where: { ingredientId: { in: [existing.ingredientId, created.id] }, type: "ADJUSTMENT" },
    });
    expect(adj.map((m) => [Number(m.quantityDelta), m.reason])).toEqual([
      [3000, "CSV import"],
      [3000, "CSV import"],
    ]); // 1000 → 4000 and 0 → 3000

    // Round trip: the export re-imports cleanly.
    const exported = await exportIngredientsCsv(manager);
    expect(exported.split("\r\n")[0]).toBe(
      "name,sku,base_unit,purchase_unit,purchase_unit_size,cost_per_purchase_unit,par_level,reorder_point,supplier,on_hand",
    );
    const again = await importIngredientsCsv(manager, { csv: exported, dryRun: true });
    expect(again.created).toBe(0);
  });
});

describe("reorder list", () => {
  it("suggests whole purchase units up to par for low ingredients", async () => {
    const { ingredientId } = await stockedDish(manager, "4200", "1");
    const groups = await getReorderList(manager);
    const line = groups.flatMap((g) => g.lines).find((l) => l.id === ingredientId);
    expect(line?.suggestion).toEqual({ purchaseUnits: 4, baseQuantity: 20_000_000, costCents: 4000 });
  });
});

describe("authorization and tenancy", () => {
  it("wrong role → FORBIDDEN", async () => {
    await expectAppError(listIngredients(server), "FORBIDDEN");
    await expectAppError(importIngredientsCsv(chef, { csv: "name\n" }), "FORBIDDEN");
    await expectAppError(
      createPurchaseOrder(server, { supplierId: "x", lines: [{ ingredientId: "y", quantityOrdered: "1" }] }),
      "FORBIDDEN",
    );
  });

  it("another location's ids → NOT_FOUND", async () => {
    const { ingredientId, itemId } = await stockedDish(manager, "100", "1");
    const po = await createPurchaseOrder(manager, {
      supplierId: (await supplierOf(manager)).id,
      lines: [{ ingredientId, quantityOrdered: "1" }],
    });
    await expectAppError(getIngredientLedger(uptownAdmin, { ingredientId }), "NOT_FOUND");
    await expectAppError(logWaste(uptownAdmin, { ingredientId, quantity: "1", reason: "DROPPED" }), "NOT_FOUND");
    await expectAppError(sendPurchaseOrder(uptownAdmin, { id: po.id }), "NOT_FOUND");
    await expectAppError(receivePurchaseOrder(uptownAdmin, { id: po.id }), "NOT_FOUND");
    await expectAppError(cancelPurchaseOrder(uptownAdmin, { id: po.id }), "NOT_FOUND");
    await expectAppError(setRecipe(uptownAdmin, { menuItemId: itemId, lines: [] }), "NOT_FOUND");
    const ing = await db.ingredient.findUniqueOrThrow({ where: { id: ingredientId } });
    await expectAppError(
      updateIngredient(uptownAdmin, {
        id: ingredientId,
        fields: {
          name: "Hijack",
          sku: null,
          baseUnit: "G",
          purchaseUnit: "x",
          purchaseUnitSize: "1",
          costCentsPerPurchaseUnit: 1,
          parLevel: "1",
          reorderPoint: "0",
          defaultSupplierId: null,
        },
      }),
      "NOT_FOUND",
    );
    expect((await db.ingredient.findUniqueOrThrow({ where: { id: ingredientId } })).name).toBe(ing.name);
  });
});
