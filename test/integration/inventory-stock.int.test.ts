// Never oversell: the stock hook under real concurrency on real connections, rollback of a
// send that fails half-way, and auto-86 / un-86 driven by stock.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Ingredient, PrismaClient } from "@/generated/prisma/client";
import type { Ctx } from "@/lib/auth/context";
import { createPrismaClient, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyStockForFiredItems } from "@/lib/inventory/apply-stock-for-fired-items";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { reverseStockForVoidedItems } from "@/lib/inventory/reverse-stock-for-voided-items";
import type { StockEffects } from "@/lib/inventory/stock-effects";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { buildIngredient, buildRecipe } from "./builders/inventory";
import { buildStations } from "./builders/kitchen";
import { buildLocation } from "./builders/location";
import { buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { buildOrderLines } from "./builders/orders";
import { resetDb } from "./helpers";

let manager: Ctx;
let server: Ctx;
let categoryId: string;

/** A dish with its own ingredients (unique names). */
async function makeDish(ctx: Ctx, spec: { stock: { qty: string; reorderPoint?: string }[]; perPortion: string[] }) {
  const tag = randomUUID().slice(0, 8);
  const ingredients: Ingredient[] = [];
  for (const [i, s] of spec.stock.entries()) {
    ingredients.push(
      await buildIngredient(ctx.locationId, {
        name: `Test ing ${tag}-${i}`,
        baseUnit: "G",
        purchaseUnit: "kg bag",
        purchaseUnitSize: "1000",
        costCentsPerPurchaseUnit: 1000,
        parLevel: "5000",
        reorderPoint: s.reorderPoint ?? "0",
        stock: s.qty,
      }),
    );
  }
  const item = await buildMenuItem(ctx.locationId, { categoryId, name: `Test dish ${tag}`, priceCents: 1500 });
  await buildRecipe(
    ctx.locationId,
    { menuItemId: item.id },
    spec.perPortion.map((q, i) => [ingredients[i].id, q]),
  );
  return { item, ingredients };
}

const makeOrderItems = (ctx: Ctx, menuItemId: string, count: number) =>
  buildOrderLines(ctx.locationId, menuItemId, count, { name: "Test dish", unitPriceCents: 1500 });

const level = async (ingredientId: string) =>
  Number((await db.stockLevel.findUniqueOrThrow({ where: { ingredientId } })).quantity);

/**
 * Grilled Salmon (grill) with a side of hand-cut fries made at the Fryer (its own recipe), a side
 * salad, and a "No lemon" removal: what the send-through-modifiers test needs.
 */
async function buildSalmonWithSides(locationId: string) {
  const stations = await buildStations(locationId, [
    { slug: "grill", name: "Grill" },
    { slug: "fry", name: "Fryer" },
  ]);
  const stocked = (name: string, stock: string) => buildIngredient(locationId, { name, stock });
  const potatoes = await stocked("Russet potatoes", "50000");
  const oil = await stocked("Frying oil", "20000");
  const salmon = await stocked("Salmon fillet", "8000");
  const lemons = await stocked("Lemons", "60");
  const butter = await stocked("Butter", "5000");
  const greens = await stocked("Mixed greens", "3000");
  const mains = await buildCategory(locationId, { name: "Mains", defaultStationId: stations.grill });
  const sides = await buildCategory(locationId, { name: "Sides", defaultStationId: stations.fry });
  const dish = await buildMenuItem(locationId, {
    categoryId: mains.id,
    name: "Grilled Salmon",
    priceCents: 2800,
    stationId: stations.grill,
  });
  await buildRecipe(locationId, { menuItemId: dish.id }, [
    [salmon.id, "200"],
    [lemons.id, "0.5"],
    [butter.id, "10"],
  ]);
  const fries = await buildMenuItem(locationId, {
    categoryId: sides.id,
    name: "Hand-cut Fries",
    stationId: stations.fry,
  });
  await buildRecipe(locationId, { menuItemId: fries.id }, [
    [potatoes.id, "250"],
    [oil.id, "50"],
  ]);
  const salad = await buildMenuItem(locationId, { categoryId: sides.id, name: "Side Salad", stationId: stations.fry });
  const side = await buildModifierGroup(locationId, {
    name: "Side choice",
    minSelect: 1,
    maxSelect: 1,
    modifiers: [
      { name: "Hand-cut fries", stationId: stations.fry, recipeItemId: fries.id },
      { name: "Side salad", recipeItemId: salad.id },
    ],
    menuItemIds: [dish.id],
  });
  await buildRecipe(locationId, { modifierId: side.modifiers["Hand-cut fries"] }, [
    [potatoes.id, "220"],
    [oil.id, "40"],
  ]);
  await buildRecipe(locationId, { modifierId: side.modifiers["Side salad"] }, [[greens.id, "50"]]);
  await buildModifierGroup(locationId, {
    name: "Fish holds",
    minSelect: 0,
    maxSelect: 2,
    modifiers: [
      { name: "No lemon", removesIngredientId: lemons.id },
      { name: "No butter", removesIngredientId: butter.id },
    ],
    menuItemIds: [dish.id],
  });
}

beforeAll(async () => {
  await resetDb();
  const location = await buildLocation();
  manager = location.ctx.MANAGER;
  server = location.ctx.SERVER;
  categoryId = (await buildCategory(location.id)).id;
  await buildSalmonWithSides(location.id);
});

describe("applyStockForFiredItems under concurrency", () => {
  let pool: PrismaClient;
  beforeAll(() => {
    // Our own pool so the 50 transactions really run side by side on separate connections.
    pool = createPrismaClient(inject("databaseUrl"), 25);
  });
  afterAll(async () => {
    await pool.$disconnect();
  });

  it("50 concurrent sends competing for 10 portions: exactly 10 succeed, stock ends at 0, never below", async () => {
    const { item, ingredients } = await makeDish(manager, {
      stock: [{ qty: "1000", reorderPoint: "200" }],
      perPortion: ["100"],
    });
    const orderItemIds = await makeOrderItems(server, item.id, 50);

    const results = await Promise.allSettled(
      orderItemIds.map((orderItemId) =>
        pool.$transaction(
          (tx) =>
            applyStockForFiredItems(tx, server, [{ orderItemId, menuItemId: item.id, quantity: 1, modifierIds: [] }]),
          {
            maxWait: 60_000,
            timeout: 60_000,
          },
        ),
      ),
    );

    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(10);
    expect(failed).toHaveLength(40);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(AppError);
      expect((f.reason as AppError).code).toBe("OUT_OF_STOCK");
      expect((f.reason as AppError).message).toMatch(
        new RegExp(`^${item.name} cannot be sent: only 0 g of ${ingredients[0].name} left$`),
      );
    }

    expect(await level(ingredients[0].id)).toBe(0);
    const movements = await db.stockMovement.findMany({
      where: { ingredientId: ingredients[0].id },
      orderBy: { balanceAfter: "desc" },
    });
    expect(movements).toHaveLength(10);
    expect(
      movements.every((m) => m.type === "SALE" && Number(m.quantityDelta) === -100 && Number(m.balanceAfter) >= 0),
    ).toBe(true);
    // The ledger explains the level: balances are 900, 800, … 0, each exactly once.
    expect(movements.map((m) => Number(m.balanceAfter))).toEqual([900, 800, 700, 600, 500, 400, 300, 200, 100, 0]);
    expect(new Set(movements.map((m) => m.orderItemId)).size).toBe(10);

    // The send that took the last portion auto-86'd the dish.
    const after = await db.menuItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(after.is86d).toBe(true);
    expect(after.eightySixedBy).toBe("AUTO");
    const returned = ok.flatMap((r) => (r as PromiseFulfilledResult<StockEffects>).value.eightySixed.map((i) => i.id));
    expect(returned).toEqual([item.id]);
  });

  it("concurrent sends touching two ingredients in opposite order do not deadlock", async () => {
    const tag = randomUUID().slice(0, 6);
    const a = await makeDish(manager, { stock: [{ qty: "10000" }, { qty: "10000" }], perPortion: ["10", "10"] });
    // A second dish whose recipe lists the same two ingredients the other way round.
    const b = await db.menuItem.create({
      data: {
        locationId: manager.locationId,
        categoryId,
        name: `Reverse dish ${tag}`,
        priceCents: 900,
        recipeLines: {
          create: [a.ingredients[1], a.ingredients[0]].map((ing) => ({
            locationId: manager.locationId,
            ingredientId: ing.id,
            quantity: "10",
          })),
        },
      },
    });
    const ai = await makeOrderItems(server, a.item.id, 20);
    const bi = await makeOrderItems(server, b.id, 20);
    const jobs = ai.flatMap((id, i) => [
      { orderItemId: id, menuItemId: a.item.id },
      { orderItemId: bi[i], menuItemId: b.id },
    ]);
    const results = await Promise.allSettled(
      jobs.map((j) =>
        pool.$transaction((tx) => applyStockForFiredItems(tx, server, [{ ...j, quantity: 1, modifierIds: [] }]), {
          maxWait: 60_000,
          timeout: 60_000,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await level(a.ingredients[0].id)).toBe(10000 - 400);
    expect(await level(a.ingredients[1].id)).toBe(10000 - 400);
  });

  it("the database itself refuses negative stock (CHECK constraint)", async () => {
    const { ingredients } = await makeDish(manager, { stock: [{ qty: "5" }], perPortion: ["1"] });
    await expect(
      db.$executeRaw`UPDATE "StockLevel" SET quantity = quantity - 6 WHERE "ingredientId" = ${ingredients[0].id}`,
    ).rejects.toThrow();
    expect(await level(ingredients[0].id)).toBe(5);
  });
});

describe("a send that fails half-way", () => {
  it("second ingredient short: the whole transaction rolls back and no movement is left behind", async () => {
    const { item, ingredients } = await makeDish(manager, {
      stock: [{ qty: "1000" }, { qty: "30" }],
      perPortion: ["100", "50"],
    });
    const [orderItemId] = await makeOrderItems(server, item.id, 1);
    const error = await db
      .$transaction(async (tx) => {
        // What the send use case does before the hook: mark the item sent.
        await tx.orderItem.update({ where: { id: orderItemId }, data: { status: "SENT", firedAt: new Date() } });
        return applyStockForFiredItems(tx, server, [
          { orderItemId, menuItemId: item.id, quantity: 1, modifierIds: [] },
        ]);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("OUT_OF_STOCK");
    expect((error as AppError).message).toBe(`${item.name} cannot be sent: only 30 g of ${ingredients[1].name} left`);

    expect(await level(ingredients[0].id)).toBe(1000); // the first ingredient's decrement was undone
    expect(await level(ingredients[1].id)).toBe(30);
    expect(await db.stockMovement.count({ where: { ingredientId: { in: ingredients.map((i) => i.id) } } })).toBe(0);
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: orderItemId } })).status).toBe("PENDING");
  });

  it("through the real send use case: OUT_OF_STOCK, nothing sent, nothing decremented", async () => {
    const { item, ingredients } = await makeDish(manager, {
      stock: [{ qty: "1000" }, { qty: "120" }],
      perPortion: ["100", "50"],
    });
    const { orderId } = (await openOrder(server, { tableId: null, guestCount: 2 })) as { orderId: string };
    const attempt = sendOrder(server, {
      orderId,
      idempotencyKey: randomUUID(),
      items: [{ menuItemId: item.id, quantity: 3 }],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "OUT_OF_STOCK",
      message: `${item.name} cannot be sent: only 120 g of ${ingredients[1].name} left`,
    });
    expect(await level(ingredients[0].id)).toBe(1000);
    expect(await level(ingredients[1].id)).toBe(120);
    expect(await db.stockMovement.count({ where: { ingredientId: { in: ingredients.map((i) => i.id) } } })).toBe(0);
    expect(await db.orderItem.count({ where: { orderId, status: "SENT" } })).toBe(0);

    // Two portions fit: the send goes through and records SALE movements for the order item.
    const ok = await sendOrder(server, {
      orderId,
      idempotencyKey: randomUUID(),
      items: [{ menuItemId: item.id, quantity: 2 }],
    });
    expect(ok.firedItemIds).toHaveLength(1);
    expect(await level(ingredients[1].id)).toBe(20);
    const sale = await db.stockMovement.findMany({ where: { ingredientId: ingredients[1].id } });
    expect(sale).toMatchObject([{ type: "SALE", orderItemId: ok.firedItemIds[0] }]);
    expect(Number(sale[0].quantityDelta)).toBe(-100);
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: item.id } })).is86d).toBe(true);
  });
});

describe("modifiers and stock through the real send (issue 7 item 15)", () => {
  it("a side routed to another station is depleted; a removal skips its ingredient; a free-text note does not", async () => {
    const byName = async (name: string) =>
      (await db.ingredient.findFirstOrThrow({ where: { locationId: server.locationId, name } })).id;
    const [potatoes, oil, salmon, lemons, butter] = await Promise.all(
      ["Russet potatoes", "Frying oil", "Salmon fillet", "Lemons", "Butter"].map(byName),
    );
    const dish = await db.menuItem.findFirstOrThrow({
      where: { locationId: server.locationId, name: "Grilled Salmon" },
      include: { modifierGroups: { include: { group: { include: { modifiers: true } } } } },
    });
    const option = (name: string) =>
      dish.modifierGroups.flatMap((g) => g.group.modifiers).find((m) => m.name === name)!.id;
    const levels = async () =>
      Object.fromEntries(
        await Promise.all([potatoes, oil, salmon, lemons, butter].map(async (id) => [id, await level(id)] as const)),
      );

    const before = await levels();
    const { orderId } = await openOrder(server, { tableId: null });
    const sent = await sendOrder(server, {
      orderId,
      idempotencyKey: randomUUID(),
      items: [
        { menuItemId: dish.id, quantity: 2, modifierIds: [option("Hand-cut fries"), option("No lemon")] },
        { menuItemId: dish.id, quantity: 1, modifierIds: [option("Side salad")], notes: "no lemon" }, // free text: lemons still used
      ],
    });
    const after = await levels();
    expect(before[potatoes] - after[potatoes]).toBe(2 * 220); // the side's own recipe, made at the Fryer
    expect(before[oil] - after[oil]).toBe(2 * 40);
    expect(before[salmon] - after[salmon]).toBe(3 * 200);
    expect(before[butter] - after[butter]).toBe(3 * 10);
    expect(before[lemons] - after[lemons]).toBe(0.5); // only the plate without the "No lemon" option
    const [routed] = sent.firedItemIds;
    const sides = await db.orderItemModifier.findMany({
      where: { orderItemId: routed },
      select: { name: true, stationId: true, station: { select: { slug: true } } },
    });
    expect(sides.map((m) => [m.name, m.station?.slug ?? null]).sort()).toEqual([
      ["Hand-cut fries", "fry"],
      ["No lemon", null],
    ]);
    // The ledger explains it: one SALE per ingredient of each line, none for the removed lemon.
    const lemonSales = await db.stockMovement.findMany({
      where: { orderItemId: { in: sent.firedItemIds }, ingredientId: lemons },
    });
    expect(lemonSales.map((m) => m.orderItemId)).toEqual([sent.firedItemIds[1]]);
  });

  it("an option that is a portion of a dish and has no recipe of its own uses that dish's recipe", async () => {
    const { item: side, ingredients } = await makeDish(manager, { stock: [{ qty: "1000" }], perPortion: ["150"] });
    const { item: main } = await makeDish(manager, { stock: [{ qty: "1000" }], perPortion: ["100"] });
    const group = await db.modifierGroup.create({
      data: {
        locationId: manager.locationId,
        name: `Sides ${randomUUID().slice(0, 6)}`,
        modifiers: { create: [{ name: "Side of it", recipeItemId: side.id }] },
        items: { create: [{ menuItemId: main.id }] },
      },
      include: { modifiers: true },
    });
    const { orderId } = await openOrder(server, { tableId: null });
    await sendOrder(server, {
      orderId,
      idempotencyKey: randomUUID(),
      items: [{ menuItemId: main.id, quantity: 2, modifierIds: [group.modifiers[0].id] }],
    });
    expect(await level(ingredients[0].id)).toBe(1000 - 2 * 150);
    // A removal cannot also be routed (the database says no).
    await expect(
      db.modifier.update({ where: { id: group.modifiers[0].id }, data: { removesIngredientId: ingredients[0].id } }),
    ).rejects.toThrow();
  });
});

describe("low-stock alerts", () => {
  it("a send that takes an ingredient to its reorder point alerts once, with the facts the console shows", async () => {
    const { item, ingredients } = await makeDish(manager, {
      stock: [{ qty: "1000", reorderPoint: "500" }, { qty: "1000" }],
      perPortion: ["300", "10"],
    });
    const fire = async () => {
      const [oi] = await makeOrderItems(server, item.id, 1);
      return db.$transaction((tx) =>
        applyStockForFiredItems(tx, server, [{ orderItemId: oi, menuItemId: item.id, quantity: 1, modifierIds: [] }]),
      );
    };
    expect((await fire()).lowStock).toEqual([]); // 1000 → 700: still above 500
    expect((await fire()).lowStock).toEqual([
      { ingredientId: ingredients[0].id, name: ingredients[0].name, onHand: "400", reorderPoint: "500", baseUnit: "G" },
    ]); // 700 → 400: crossed, the other ingredient (no reorder point) is not mentioned
    expect((await fire()).lowStock).toEqual([]); // 400 → 100: already below, no second alert
    // An archived ingredient is not alerted on.
    await db.stockLevel.update({ where: { ingredientId: ingredients[0].id }, data: { quantity: "900" } });
    await db.ingredient.update({ where: { id: ingredients[0].id }, data: { archivedAt: new Date() } });
    expect((await fire()).lowStock).toEqual([]);
  });
});

describe("auto-86 and back", () => {
  it("modifiers add to the recipe; a manual 86 is never lifted by stock", async () => {
    const { item, ingredients } = await makeDish(manager, {
      stock: [{ qty: "300" }, { qty: "100" }],
      perPortion: ["100"],
    });
    const group = await db.modifierGroup.create({
      data: {
        locationId: manager.locationId,
        name: `Extra ${randomUUID().slice(0, 6)}`,
        modifiers: { create: [{ name: "Double" }] },
      },
      include: { modifiers: true },
    });
    await db.recipeLine.create({
      data: {
        locationId: manager.locationId,
        modifierId: group.modifiers[0].id,
        ingredientId: ingredients[0].id,
        quantity: "100",
      },
    });
    const [oi] = await makeOrderItems(server, item.id, 1);
    await db.$transaction((tx) =>
      applyStockForFiredItems(tx, server, [
        { orderItemId: oi, menuItemId: item.id, quantity: 1, modifierIds: [group.modifiers[0].id] },
      ]),
    );
    expect(await level(ingredients[0].id)).toBe(100);
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: item.id } })).is86d).toBe(false); // one portion still covered

    // A manual 86 stays when stock arrives.
    await db.menuItem.update({
      where: { id: item.id },
      data: { is86d: true, eightySixedBy: "MANUAL", eightySixedAt: new Date() },
    });
    await adjustStock(manager, {
      ingredientId: ingredients[0].id,
      direction: "ADD",
      quantity: "1",
      unit: "kg",
      reason: "Delivery without PO",
    });
    expect(await level(ingredients[0].id)).toBe(1100);
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: item.id } })).eightySixedBy).toBe("MANUAL");
  });

  it("voiding before preparation puts stock back and restores an AUTO-86'd dish once", async () => {
    const { item, ingredients } = await makeDish(manager, { stock: [{ qty: "200" }], perPortion: ["100"] });
    const [oi] = await makeOrderItems(server, item.id, 1);
    await db.$transaction((tx) =>
      applyStockForFiredItems(tx, server, [{ orderItemId: oi, menuItemId: item.id, quantity: 2, modifierIds: [] }]),
    );
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: item.id } })).is86d).toBe(true);
    const r = await db.$transaction((tx) => reverseStockForVoidedItems(tx, server, [oi]));
    expect(r.restored.map((i) => i.id)).toEqual([item.id]);
    expect(await level(ingredients[0].id)).toBe(200);
    const again = await db.$transaction((tx) => reverseStockForVoidedItems(tx, server, [oi]));
    expect(again.restored).toEqual([]);
    expect(await level(ingredients[0].id)).toBe(200);
  });
});
