import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { assertCan } from "../auth/permissions";

export const ledgerQuerySchema = z.object({
  ingredientId: idSchema,
  /** Cursor: the id of the last movement of the previous page. */
  after: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type LedgerQuery = z.input<typeof ledgerQuerySchema>;

/**
 * The movements that explain an ingredient's level, newest first. Each row carries the balance
 * after it, so reading down the page reconstructs the level at any time.
 */
export async function getIngredientLedger(ctx: Ctx, query: LedgerQuery) {
  assertCan(ctx, "inventory.manage");
  const q = parseInput(ledgerQuerySchema, query);
  const ingredient = await db.ingredient.findFirst({
    where: { id: q.ingredientId, locationId: ctx.locationId },
    select: { id: true, name: true, baseUnit: true },
  });
  if (!ingredient) throw notFound("Ingredient");
  const rows = await db.stockMovement.findMany({
    where: { locationId: ctx.locationId, ingredientId: ingredient.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(q.after ? { cursor: { id: q.after }, skip: 1 } : {}),
    take: q.limit + 1,
    include: {
      actor: { select: { name: true } },
      orderItem: { select: { name: true, order: { select: { number: true } } } },
      purchaseOrderLine: { select: { purchaseOrder: { select: { id: true, number: true } } } },
    },
  });
  const page = rows.slice(0, q.limit);
  return {
    ingredient,
    movements: page.map((m) => ({
      id: m.id,
      at: m.createdAt.toISOString(),
      type: m.type,
      delta: m.quantityDelta.toString(),
      balanceAfter: m.balanceAfter.toString(),
      reason: m.reason,
      actor: m.actor?.name ?? null,
      source: m.orderItem
        ? `Order #${m.orderItem.order.number} · ${m.orderItem.name}`
        : m.purchaseOrderLine
          ? `PO #${m.purchaseOrderLine.purchaseOrder.number}`
          : m.stockCountId
            ? "Stock count"
            : null,
      purchaseOrderId: m.purchaseOrderLine?.purchaseOrder.id ?? null,
      stockCountId: m.stockCountId,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
  };
}
