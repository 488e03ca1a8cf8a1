import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { applyStockForFiredItems, type FiredItem } from "../inventory/apply-stock-for-fired-items";
import type { StockEffects } from "../inventory/stock-effects";
import type { LockedOrder } from "./lock-order";
import { enqueueKitchenChits } from "../printing/kitchen-chits";

export type Fired = {
  fireBatch: number;
  itemIds: string[];
  stationIds: (string | null)[];
  forStock: FiredItem[];
  /** Kitchen chits queued with this fire (kick the print queue after commit when > 0). */
  chits: number;
};

/**
 * Put the order's items matching `which` on a new kitchen ticket (none → null): SENT, the order's next fire batch, firedAt now. Items no
 * station cooks (no station on the item or its category) are marked done at once (bumpedAt),
 * so expo is not left waiting for them. Refuses items 86'd since they were added. Stock is
 * deducted separately by `deductStock`, as late as possible in the transaction.
 */
export async function fireItems(
  tx: Tx,
  ctx: Actor,
  order: Pick<LockedOrder, "id" | "lastFireBatch">,
  which: Prisma.OrderItemWhereInput,
): Promise<Fired | null> {
  const orderId = order.id;
  const items = await tx.orderItem.findMany({
    where: { ...which, orderId, locationId: ctx.locationId },
    select: {
      id: true,
      menuItemId: true,
      quantity: true,
      stationId: true,
      menuItem: { select: { name: true, is86d: true } },
      modifiers: { select: { modifierId: true, stationId: true, modifier: { select: { name: true, is86d: true } } } },
    },
  });
  if (items.length === 0) return null;
  const sold = [
    ...items.filter((i) => i.menuItem.is86d).map((i) => i.menuItem.name),
    ...items.flatMap((i) =>
      i.modifiers.filter((m) => m.modifier.is86d).map((m) => `${i.menuItem.name} (${m.modifier.name})`),
    ),
  ];
  if (sold.length > 0) {
    throw new AppError(
      "UNAVAILABLE_ITEM",
      `86'd since it was added: ${[...new Set(sold)].join(", ")}. Remove it and send again.`,
    );
  }

  const fireBatch = order.lastFireBatch + 1; // read with the order's lock: no one else fires it meanwhile
  const now = new Date();
  const withStation = items.filter((i) => i.stationId).map((i) => i.id);
  const noStation = items.filter((i) => !i.stationId).map((i) => i.id);
  if (withStation.length) {
    await tx.orderItem.updateMany({
      where: { id: { in: withStation } },
      data: { status: "SENT", fireBatch, firedAt: now },
    });
  }
  if (noStation.length) {
    await tx.orderItem.updateMany({
      where: { id: { in: noStation } },
      data: { status: "SENT", fireBatch, firedAt: now, bumpedAt: now },
    });
  }

  // Stations making a routed option (a side at the fryer) get the ticket too.
  const stationIds = [
    ...new Set([
      ...items.map((i) => i.stationId),
      ...items.flatMap((i) => i.modifiers.flatMap((m) => (m.stationId ? [m.stationId] : []))),
    ]),
  ];
  // Stations with a kitchen printer get a chit (queued with the send, printed after commit).
  const chits = await enqueueKitchenChits(tx, {
    locationId: ctx.locationId,
    orderId,
    fireBatch,
    stationIds: stationIds.filter((s): s is string => s !== null),
    createdById: ctx.userId,
  });

  return {
    fireBatch,
    itemIds: items.map((i) => i.id),
    stationIds,
    chits,
    forStock: items.map((i) => ({
      orderItemId: i.id,
      menuItemId: i.menuItemId,
      quantity: i.quantity,
      modifierIds: i.modifiers.map((m) => m.modifierId),
    })),
  };
}

/**
 * Inventory's hook, inside the same transaction (OUT_OF_STOCK rolls the whole send back). Called
 * last before the events: stock rows stay locked until commit, and every send touches the same
 * few ingredients, so the shorter that tail, the less concurrent sends queue behind each other.
 * The effects (auto-86'd items, low stock) are published after commit with the order's events.
 */
export async function deductStock(tx: Tx, ctx: Actor, fired: Fired | null): Promise<StockEffects | null> {
  if (!fired) return null;
  return applyStockForFiredItems(tx, ctx, fired.forStock);
}
