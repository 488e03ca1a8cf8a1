// Bad input that used to reach PostgreSQL and fail there (500): every case now answers a
// VALIDATION error and writes nothing (issue 7 #5).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { adjustStock, adjustStockSchema } from "@/lib/inventory/adjust-stock";
import { listKitchenEvents } from "@/lib/kitchen/list-kitchen-events";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { voidOrderItem } from "@/lib/orders/void-order-item";
import { MAX_PRICE_CENTS } from "@/lib/menu/price-math";
import { parseInput } from "@/lib/validation";
import { buildIngredient } from "./builders/inventory";
import { buildLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

let manager: Ctx, server: Ctx, chef: Ctx;
let flourId: string, soupId: string, categoryId: string;
let tables: string[];

beforeAll(async () => {
  await resetDb();
  const location = await buildLocation();
  ({ MANAGER: manager, SERVER: server, CHEF: chef } = location.ctx);
  flourId = (await buildIngredient(location.id, { name: "Flour", baseUnit: "G", stock: "25000" })).id;
  categoryId = (await buildCategory(location.id)).id;
  soupId = (await buildMenuItem(location.id, { categoryId, name: "Soup of the Day", priceCents: 800 })).id;
  tables = Object.values(await buildTables(location.id, ["1", "2", "3"]));
});

const stockOf = async (ingredientId: string) =>
  String((await testDb().stockLevel.findUnique({ where: { ingredientId } }))?.quantity ?? "0");

describe("numbers beyond their columns", () => {
  it("a stock adjustment past DECIMAL(14,3) is refused, stock unchanged", async () => {
    const before = await stockOf(flourId);
    const movements = await testDb().stockMovement.count();
    const input = parseInput(adjustStockSchema, {
      ingredientId: flourId,
      direction: "ADD",
      quantity: "99999999999.999",
      reason: "overflow probe",
    });
    const error = await expectAppError(adjustStock(manager, input), "VALIDATION");
    expect(error.fieldErrors?.quantity).toBeTruthy();
    const inKg = parseInput(adjustStockSchema, {
      ingredientId: flourId,
      direction: "ADD",
      quantity: "99999999999",
      unit: "kg",
      reason: "overflow probe",
    });
    expect((await expectAppError(adjustStock(manager, inKg), "VALIDATION")).fieldErrors?.quantity).toBeTruthy();
    expect(await stockOf(flourId)).toBe(before);
    expect(await testDb().stockMovement.count()).toBe(movements);
  });

  it("an order that would total more than the limit is refused before the INTEGER cents overflow", async () => {
    const db = testDb();
    const caviar = await db.menuItem.create({
      data: {
        locationId: manager.locationId,
        categoryId,
        name: `Caviar ${randomUUID()}`,
        priceCents: MAX_PRICE_CENTS,
      },
    });
    const { orderId } = await openOrder(server, { tableId: tables[0], guestCount: 2 });
    const items = Array.from({ length: 50 }, () => ({ menuItemId: caviar.id, quantity: 50 })); // 2.5 × 10¹⁰ cents
    const error = await expectAppError(
      sendOrder(server, { orderId, idempotencyKey: randomUUID(), items }),
      "VALIDATION",
    );
    expect(error.message).toMatch(/cannot total more than \$1,000,000\.00/);
    expect(await db.orderItem.count({ where: { orderId } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).totalCents).toBe(0);
  });

  it("kitchen replay after an absurd seq, or a ticket batch past INTEGER, is a 400", async () => {
    expect(
      (await expectAppError(listKitchenEvents(chef, { after: "1000000000000000" }), "VALIDATION")).fieldErrors?.after,
    ).toBeTruthy();
    const { orderId } = await openOrder(server, { tableId: tables[1], guestCount: 2 });
    expect(
      (await expectAppError(markTicketReady(chef, { orderId, fireBatch: 2147483648 }), "VALIDATION")).fieldErrors
        ?.fireBatch,
    ).toBeTruthy();
  });
});

describe("text PostgreSQL or jsonb cannot store", () => {
  it("a NUL byte in notes or a lone surrogate in a reason is a field error, nothing saved", async () => {
    const db = testDb();
    const { orderId } = await openOrder(server, { tableId: tables[2], guestCount: 2 });
    const nul = await expectAppError(
      sendOrder(server, {
        orderId,
        idempotencyKey: randomUUID(),
        items: [{ menuItemId: soupId, quantity: 1, notes: "no\u0000salt" }],
      }),
      "VALIDATION",
    );
    expect(nul.fieldErrors?.["items.0.notes"]?.[0]).toMatch(/cannot be stored/);
    expect(await db.orderItem.count({ where: { orderId } })).toBe(0);

    const sent = await sendOrder(server, {
      orderId,
      idempotencyKey: randomUUID(),
      items: [{ menuItemId: soupId, quantity: 1 }],
    });
    const audits = await db.auditLog.count();
    const lone = await expectAppError(
      voidOrderItem(manager, { orderId, orderItemId: sent.firedItemIds[0], reason: "guest \uD800 left" }),
      "VALIDATION",
    );
    expect(lone.fieldErrors?.reason).toBeTruthy();
    expect(await db.auditLog.count()).toBe(audits);
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: sent.firedItemIds[0] } })).status).toBe("SENT");
  });
});
