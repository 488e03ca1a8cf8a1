// The review before a count is posted (issue 7 #14): the server works out the large variances
// and the dishes the count would 86, with the same rules posting applies, and writes nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { createIngredient } from "@/lib/inventory/create-ingredient";
import { postStockCount } from "@/lib/inventory/post-stock-count";
import { previewStockCount } from "@/lib/inventory/preview-stock-count";
import { saveStockCount } from "@/lib/inventory/save-stock-count";
import { setRecipe } from "@/lib/inventory/set-recipe";
import { startStockCount } from "@/lib/inventory/start-stock-count";
import { buildSupplier } from "./builders/inventory";
import { buildLocation } from "./builders/location";
import { buildCategory } from "./builders/menu";
import { expectAppError, resetDb } from "./helpers";

let manager: Ctx;
let server: Ctx;
let uptownAdmin: Ctx;
let supplierId: string;
let categoryId: string;
const tag = () => randomUUID().slice(0, 8);

/** Flour with 29.52 kg on hand and a dish needing 40 g of it. */
async function flourAndDish() {
  const { id } = await createIngredient(manager, {
    name: `Flour ${tag()}`,
    sku: null,
    baseUnit: "G",
    purchaseUnit: "25 kg sack",
    purchaseUnitSize: "25000",
    costCentsPerPurchaseUnit: 2000,
    parLevel: "50000",
    reorderPoint: "5000",
    defaultSupplierId: supplierId,
  });
  await db.stockLevel.update({ where: { ingredientId: id }, data: { quantity: "29520" } });
  const item = await db.menuItem.create({
    data: { locationId: manager.locationId, categoryId, name: `Focaccia ${tag()}`, priceCents: 700 },
  });
  await setRecipe(manager, { menuItemId: item.id, lines: [{ ingredientId: id, quantity: "40" }] });
  const count = await startStockCount(manager, { note: "Close", ingredientIds: [id] });
  return { ingredientId: id, itemId: item.id, itemName: item.name, countId: count.id };
}

beforeAll(async () => {
  await resetDb();
  const location = await buildLocation();
  ({ MANAGER: manager, SERVER: server } = location.ctx);
  uptownAdmin = (await buildLocation()).ctx.ADMIN;
  supplierId = (await buildSupplier(location.id)).id;
  categoryId = (await buildCategory(location.id)).id;
});

describe("previewStockCount", () => {
  it("lists a large variance and the dishes the count would 86, and writes nothing", async () => {
    const f = await flourAndDish();
    await saveStockCount(manager, {
      id: f.countId,
      lines: [{ ingredientId: f.ingredientId, counted: "5", unit: "g" }],
    });
    const p = await previewStockCount(manager, { id: f.countId });
    expect(p).toMatchObject({ counted: 1, corrections: 1 });
    expect(p.largeVariances).toEqual([
      expect.objectContaining({
        ingredientId: f.ingredientId,
        expected: "29520",
        counted: "5",
        variance: "-29515",
        correction: "-29515",
      }),
    ]);
    expect(p.eightySixed).toEqual([{ id: f.itemId, name: f.itemName }]);
    expect(Number((await db.stockLevel.findUniqueOrThrow({ where: { ingredientId: f.ingredientId } })).quantity)).toBe(
      29520,
    );
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: f.itemId } })).is86d).toBe(false);

    // Posting does what the preview said.
    const posted = await postStockCount(manager, { id: f.countId });
    expect(posted.corrections).toBe(1);
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: f.itemId } })).is86d).toBe(true);
  });

  it("a count in kg close to the expected level has nothing to flag", async () => {
    const f = await flourAndDish();
    await saveStockCount(manager, {
      id: f.countId,
      lines: [{ ingredientId: f.ingredientId, counted: "28.9", unit: "kg" }],
    });
    const p = await previewStockCount(manager, { id: f.countId });
    expect(p).toMatchObject({ counted: 1, corrections: 1, largeVariances: [], eightySixed: [] });
  });

  it("names AUTO-86'd dishes a count brings back", async () => {
    const f = await flourAndDish();
    await db.stockLevel.update({ where: { ingredientId: f.ingredientId }, data: { quantity: "10" } });
    await db.menuItem.update({
      where: { id: f.itemId },
      data: { is86d: true, eightySixedBy: "AUTO", eightySixedAt: new Date() },
    });
    await saveStockCount(manager, {
      id: f.countId,
      lines: [{ ingredientId: f.ingredientId, counted: "30", unit: "kg" }],
    });
    const p = await previewStockCount(manager, { id: f.countId });
    expect(p.restored).toEqual([{ id: f.itemId, name: f.itemName }]);
    expect(p.eightySixed).toEqual([]);
  });

  it("refuses the wrong role, another location's count and a posted count", async () => {
    const f = await flourAndDish();
    await expectAppError(previewStockCount(server, { id: f.countId }), "FORBIDDEN");
    await expectAppError(previewStockCount(uptownAdmin, { id: f.countId }), "NOT_FOUND");
    await saveStockCount(manager, {
      id: f.countId,
      lines: [{ ingredientId: f.ingredientId, counted: "29.52", unit: "kg" }],
    });
    await postStockCount(manager, { id: f.countId });
    await expectAppError(previewStockCount(manager, { id: f.countId }), "INVALID_STATE");
  });
});
