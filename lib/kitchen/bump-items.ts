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
import type { OrderItemStatus } from "@/generated/prisma/enums";
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

  let firstFired = Infinity;
  let bumpedAt = 0;
  // Found before the lock (to learn the order), re-read under it.
  let found: { items: { id: string }[]; sides: { id: string }[] } = { items: [], sides: [] };
  const findOrder = async (tx: Tx) => {
    // Hand-written (every bump; docs/adr/0048): the ticket's lines by id — this station's dishes, or
    // at a station that makes a routed option, that option's line — with the order they belong to.
    const rows = await tx.$queryRaw<{ id: string; orderId: string; side: boolean }[]>`
      SELECT oi.id, oi."orderId", false AS side FROM "OrderItem" oi
       WHERE oi.id = ANY(${ids}::text[]) AND oi."locationId" = ${ctx.locationId} AND oi."firedAt" IS NOT NULL
         AND (${station.isExpo} OR oi."stationId" = ${station.id})
      UNION ALL
      SELECT om.id, oi."orderId", true AS side FROM "OrderItemModifier" om
        JOIN "OrderItem" oi ON oi.id = om."orderItemId"
       WHERE NOT ${station.isExpo} AND om.id = ANY(${ids}::text[]) AND om."stationId" = ${station.id}
         AND oi."locationId" = ${ctx.locationId} AND oi."firedAt" IS NOT NULL`;
    const foundItems = rows.filter((r) => !r.side);
    const foundSides = rows.filter((r) => r.side).map((r) => ({ id: r.id, orderItem: { orderId: r.orderId } }));
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
    const rows = await tx.$queryRaw<
      {
        id: string;
        side: boolean;
        status: OrderItemStatus;
        bumpedAt: Date | null;
        stationId: string | null;
        fireBatch: number | null;
        firedAt: Date | null;
      }[]
    >`
      SELECT id, false AS side, status, "bumpedAt", "stationId", "fireBatch", "firedAt" FROM "OrderItem"
       WHERE id = ANY(${foundItems.map((i) => i.id)}::text[])
      UNION ALL
      SELECT om.id, true AS side, oi.status, om."bumpedAt", om."stationId", oi."fireBatch", oi."firedAt"
        FROM "OrderItemModifier" om JOIN "OrderItem" oi ON oi.id = om."orderItemId"
       WHERE om.id = ANY(${foundSides.map((x) => x.id)}::text[])`;
    const items = rows.filter((r) => !r.side);
    const sides = rows
      .filter((r) => r.side)
      .map((r) => ({
        id: r.id,
        bumpedAt: r.bumpedAt,
        stationId: r.stationId,
        orderItem: { status: r.status, fireBatch: r.fireBatch, firedAt: r.firedAt },
      }));
    const bumpable = items.filter((i) => canMoveItem(i, "bump"));
    const bumpableSides = sides.filter(
      (s) => s.bumpedAt == null && (s.orderItem.status === "SENT" || s.orderItem.status === "VOIDED"),
    );
    if (bumpable.length + bumpableSides.length === 0) return { result: [] as string[], events: [] };
    const now = new Date();
    const handOff = !station.isExpo && !station.showOnExpo;
    const made = bumpable.filter((i) => i.status === "SENT").map((i) => i.id);
    const acknowledged = bumpable.filter((i) => i.status !== "SENT").map((i) => i.id);
    // At a hand-off station the made dishes are READY at once; acknowledged voids only get bumpedAt.
    const lineIds = [...made, ...acknowledged];
    const readyIds = handOff ? made : [];
    if (lineIds.length)
      await tx.$executeRaw`
        UPDATE "OrderItem"
           SET "bumpedAt" = ${now}, "updatedAt" = ${now},
               status = CASE WHEN id = ANY(${readyIds}::text[]) THEN 'READY'::"OrderItemStatus" ELSE status END
         WHERE id = ANY(${lineIds}::text[])`;
    if (bumpableSides.length)
      await tx.$executeRaw`
        UPDATE "OrderItemModifier" SET "bumpedAt" = ${now} WHERE id = ANY(${bumpableSides.map((x) => x.id)}::text[])`;
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
