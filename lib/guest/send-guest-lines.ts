import "server-only";
import type { Actor } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { courseFor } from "../menu/courses";
import { recordOrderEvents } from "../orders/change-order";
import { deductStock, fireItems } from "../orders/fire-items";
import type { LockedOrder } from "../orders/lock-order";
import { insertLines, prepareLines } from "../orders/prepare-lines";
import { settleOrder } from "../orders/settle-order";

/** A guest line as submitted (kept on the submission while it waits for approval). */
export type GuestLine = {
  menuItemId: string;
  quantity: number;
  modifierIds: string[];
  notes: string;
  guestLabel: string;
};

/**
 * The servers' send, for lines from phones: checked against the live menu, saved with the guest's
 * name, fired on a new ticket, stock deducted (OUT_OF_STOCK rolls everything back), the order
 * settled and its events recorded — all in the caller's transaction, the order already locked.
 * Only these lines fire: anything a server has pending on the order stays theirs to send.
 */
export async function sendGuestLinesInTx(tx: Tx, actor: Actor, order: LockedOrder, lines: GuestLine[]) {
  if (lines.length === 0) throw new AppError("INVALID_STATE", "Your cart is empty");
  const [location, categories] = await Promise.all([
    tx.location.findUniqueOrThrow({ where: { id: actor.locationId }, select: { coursesUsed: true } }),
    tx.menuItem.findMany({
      where: { id: { in: [...new Set(lines.map((l) => l.menuItemId))] }, locationId: actor.locationId },
      select: { id: true, category: { select: { name: true } } },
    }),
  ]);
  const categoryOf = new Map(categories.map((c) => [c.id, c.category.name]));
  const prepared = await prepareLines(
    tx,
    actor,
    order,
    lines.map((l) => ({
      menuItemId: l.menuItemId,
      quantity: l.quantity,
      modifierIds: l.modifierIds,
      notes: l.notes,
      seat: null,
      course: courseFor(categoryOf.get(l.menuItemId) ?? "", location.coursesUsed),
    })),
  );
  prepared.forEach((p, i) => (p.guestLabel = lines[i].guestLabel));
  await insertLines(tx, actor, order.id, prepared, "PENDING");
  const fired = await fireItems(tx, actor, order, { ids: prepared.map((p) => p.id), status: "PENDING" });
  const settled = await settleOrder(tx, order);
  const stock = await deductStock(tx, actor, fired);
  const change = await recordOrderEvents(
    tx,
    actor,
    settled,
    fired
      ? [
          {
            orderId: order.id,
            type: "items.fired",
            payload: { stationIds: fired.stationIds, itemIds: fired.itemIds, fireBatch: fired.fireBatch },
          },
        ]
      : [],
  );
  return { fired, settled, stock, change, lineIds: prepared.map((p) => p.id) };
}
