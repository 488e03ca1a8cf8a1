import "server-only";
import type { Ctx } from "../auth/context";

import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";

import { canMoveItem } from "../orders/order-state";

import { findStation } from "./find-station";
import { bumpItemsSchema, type BumpItemsInput } from "./schemas";
import { assertCan } from "../auth/permissions";
import { changeOrder } from "../orders/change-order";
import type { NewOrderEvent } from "../orders/append-order-events";
import type { Tx } from "../db";
import { metrics } from "../observability/metrics";
import { inSpan } from "../observability/tracing";

/**
 * A station finished items (one item, or a whole ticket). Bumping a voided line acknowledges the
 * void. Expo may bump any station's items. Bumping twice is harmless: already-bumped items are
 * skipped and, if nothing changed, no event is written.
 * A ticket line id is an order item's, or for a side routed to this station (a ticket line of
 * its own there), the order item modifier's. At a station expo does not follow (a bar), a bump
 * is also the hand-off: the items become READY at once.
 */
export function bumpItems(ctx: Ctx, raw: BumpItemsInput) {
  return inSpan("use-case bumpItems", { "kitchen.location_id": ctx.locationId }, () => bumpItemsNow(ctx, raw));
}

async function bumpItemsNow(ctx: Ctx, raw: BumpItemsInput) {
  assertCan(ctx, "kitchen.work");
  const input = parseInput(bumpItemsSchema, raw);
  const station = await findStation(ctx, input.station);
  const ids = [...new Set(input.orderItemIds)];
  const atStation = station.isExpo ? {} : { stationId: station.id };

  let firstFired = Infinity;
  let bumpedAt = 0;
  // Found before the lock (to learn the order), re-read under it.
  let found: { items: { id: string }[]; sides: { id: string }[] } = { items: [], sides: [] };
  const findOrder = async (tx: Tx) => {
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
    found = { items: foundItems, sides: foundSides };
    return orderId;
  };

  const { result: bumped, change } = await changeOrder(ctx, findOrder, async (tx, order) => {
    const orderId = order.id;
    const { items: foundItems, sides: foundSides } = found;
    // Re-read under the lock: a concurrent void or bump may have changed them.
    const [items, sides] = await Promise.all([
      tx.orderItem.findMany({
        where: { id: { in: foundItems.map((i) => i.id) } },
        select: { id: true, status: true, bumpedAt: true, stationId: true, fireBatch: true, firedAt: true },
      }),
      tx.orderItemModifier.findMany({
        where: { id: { in: foundSides.map((s) => s.id) } },
        select: {
          id: true,
          bumpedAt: true,
          stationId: true,
          orderItem: { select: { status: true, fireBatch: true, firedAt: true } },
        },
      }),
    ]);
    const bumpable = items.filter((i) => canMoveItem(i, "bump"));
    const bumpableSides = sides.filter(
      (s) => s.bumpedAt == null && (s.orderItem.status === "SENT" || s.orderItem.status === "VOIDED"),
    );
    if (bumpable.length + bumpableSides.length === 0) return { result: [] as string[], events: [] };
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
    const bumped = [...bumpable.map((i) => i.id), ...bumpableSides.map((s) => s.id)];
    const fired = [...bumpable.map((i) => i.firedAt), ...bumpableSides.map((s) => s.orderItem.firedAt)];
    firstFired = Math.min(...fired.map((d) => d?.getTime() ?? Infinity));
    bumpedAt = now.getTime();
    const events: NewOrderEvent[] = [
      {
        orderId,
        type: "items.bumped",
        payload: {
          stationIds: [...new Set([...bumpable.map((i) => i.stationId), ...bumpableSides.map((s) => s.stationId)])],
          itemIds: bumped,
          fireBatch: bumpable[0]?.fireBatch ?? bumpableSides[0]?.orderItem.fireBatch ?? null,
        },
      },
    ];
    return { result: bumped, events };
  });
  if (bumped.length) {
    const m = metrics();
    m.ticketsBumped.inc({ station: station.slug });
    if (Number.isFinite(firstFired)) m.ticketSeconds.observe({ station: station.slug }, (bumpedAt - firstFired) / 1000);
  }
  return { bumpedItemIds: bumped, seq: change?.events.at(-1)?.seq ?? null };
}
