import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { publishChange, type CommittedChange } from "../realtime/publish";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { appendOrderEvents } from "../orders/append-order-events";
import { committedChange } from "../orders/committed-change";
import { lockOrder } from "../orders/lock-order";
import { canMoveItem } from "../orders/order-state";

import { settleOrder } from "../orders/settle-order";
import { findStation } from "./find-station";
import { bumpItemsSchema, type BumpItemsInput } from "./schemas";
import { assertCan } from "../auth/permissions";

/**
 * A station finished items (one item, or a whole ticket). Bumping a voided line acknowledges the
 * void. Expo may bump any station's items. Bumping twice is harmless: already-bumped items are
 * skipped and, if nothing changed, no event is written.
 * A ticket line id is an order item's, or for a side routed to this station (a ticket line of
 * its own there), the order item modifier's. At a station expo does not follow (a bar), a bump
 * is also the hand-off: the items become READY at once.
 */
export async function bumpItems(ctx: Ctx, raw: BumpItemsInput) {
  assertCan(ctx, "kitchen.work");
  const input = parseInput(bumpItemsSchema, raw);
  const station = await findStation(ctx, input.station);
  const ids = [...new Set(input.orderItemIds)];
  const atStation = station.isExpo ? {} : { stationId: station.id };

  const result = await db.$transaction(async (tx) => {
    const [foundItems, foundSides] = await Promise.all([
      tx.orderItem.findMany({
        where: { id: { in: ids }, locationId: ctx.locationId, firedAt: { not: null }, ...atStation },
        select: { id: true, orderId: true },
      }),
      station.isExpo
        ? []
        : tx.orderItemModifier.findMany({
            where: {
              id: { in: ids },
              stationId: station.id,
              orderItem: { locationId: ctx.locationId, firedAt: { not: null } },
            },
            select: { id: true, orderItem: { select: { orderId: true } } },
          }),
    ]);
    if (foundItems.length + foundSides.length !== ids.length) throw notFound("Ticket item");
    const orderIds = [...new Set([...foundItems.map((i) => i.orderId), ...foundSides.map((s) => s.orderItem.orderId)])];
    if (orderIds.length !== 1)
      throw new AppError("VALIDATION", "Bump one ticket at a time", {
        orderItemIds: ["Items belong to different orders"],
      });
    const orderId = orderIds[0];
    if (input.orderId && input.orderId !== orderId) throw notFound("Ticket item");
    await lockOrder(tx, ctx, orderId);
    // Re-read under the lock: a concurrent void or bump may have changed them.
    const [items, sides] = await Promise.all([
      tx.orderItem.findMany({
        where: { id: { in: foundItems.map((i) => i.id) } },
        select: { id: true, status: true, bumpedAt: true, stationId: true, fireBatch: true },
      }),
      tx.orderItemModifier.findMany({
        where: { id: { in: foundSides.map((s) => s.id) } },
        select: { id: true, bumpedAt: true, stationId: true, orderItem: { select: { status: true, fireBatch: true } } },
      }),
    ]);
    const bumpable = items.filter((i) => canMoveItem(i, "bump"));
    const bumpableSides = sides.filter(
      (s) => s.bumpedAt == null && (s.orderItem.status === "SENT" || s.orderItem.status === "VOIDED"),
    );
    if (bumpable.length + bumpableSides.length === 0) return { change: null, bumped: [] as string[] };
    const now = new Date();
    const handOff = !station.isExpo && !station.showOnExpo;
    const made = bumpable.filter((i) => i.status === "SENT").map((i) => i.id);
    const acknowledged = bumpable.filter((i) => i.status !== "SENT").map((i) => i.id);
    if (handOff && made.length)
      await tx.orderItem.updateMany({ where: { id: { in: made } }, data: { bumpedAt: now, status: "READY" } });
    const plain = handOff ? acknowledged : [...made, ...acknowledged];
    if (plain.length) await tx.orderItem.updateMany({ where: { id: { in: plain } }, data: { bumpedAt: now } });
    if (bumpableSides.length)
      await tx.orderItemModifier.updateMany({
        where: { id: { in: bumpableSides.map((s) => s.id) } },
        data: { bumpedAt: now },
      });
    const settled = await settleOrder(tx, orderId);
    const bumped = [...bumpable.map((i) => i.id), ...bumpableSides.map((s) => s.id)];
    const events = await appendOrderEvents(tx, ctx, [
      {
        orderId,
        type: "items.bumped",
        payload: {
          stationIds: [...new Set([...bumpable.map((i) => i.stationId), ...bumpableSides.map((s) => s.stationId)])],
          itemIds: bumped,
          fireBatch: bumpable[0]?.fireBatch ?? bumpableSides[0]?.orderItem.fireBatch ?? null,
        },
      },
    ]);
    return { change: committedChange(ctx.locationId, settled, events) as CommittedChange | null, bumped };
  }, TX_OPTIONS);

  if (result.change) await publishChange(result.change);
  return { bumpedItemIds: result.bumped, seq: result.change?.events.at(-1)?.seq ?? null };
}
