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
import { assertRole, KITCHEN_ACTORS } from "../orders/permissions";
import { settleOrder } from "../orders/settle-order";
import { findStation } from "./find-station";
import { bumpItemsSchema, type BumpItemsInput } from "./schemas";

/**
 * A station finished items (one item, or a whole ticket). Bumping a voided line acknowledges the
 * void. Expo may bump any station's items. Bumping twice is harmless: already-bumped items are
 * skipped and, if nothing changed, no event is written.
 */
export async function bumpItems(ctx: Ctx, raw: BumpItemsInput) {
  assertRole(ctx, KITCHEN_ACTORS);
  const input = parseInput(bumpItemsSchema, raw);
  const station = await findStation(ctx, input.station);
  const ids = [...new Set(input.orderItemIds)];

  const result = await db.$transaction(async (tx) => {
    const found = await tx.orderItem.findMany({
      where: { id: { in: ids }, locationId: ctx.locationId, firedAt: { not: null }, ...(station.isExpo ? {} : { stationId: station.id }) },
      select: { orderId: true },
    });
    if (found.length !== ids.length) throw notFound("Ticket item");
    const orderIds = [...new Set(found.map((i) => i.orderId))];
    if (orderIds.length !== 1) throw new AppError("VALIDATION", "Bump one ticket at a time", { orderItemIds: ["Items belong to different orders"] });
    const orderId = orderIds[0];
    if (input.orderId && input.orderId !== orderId) throw notFound("Ticket item");
    await lockOrder(tx, ctx, orderId);
    // Re-read under the lock: a concurrent void or bump may have changed them.
    const items = await tx.orderItem.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, bumpedAt: true, stationId: true, fireBatch: true },
    });
    const bumpable = items.filter((i) => canMoveItem(i, "bump"));
    if (bumpable.length === 0) return { change: null, bumped: [] as string[] };
    await tx.orderItem.updateMany({ where: { id: { in: bumpable.map((i) => i.id) } }, data: { bumpedAt: new Date() } });
    const settled = await settleOrder(tx, orderId);
    const events = await appendOrderEvents(tx, ctx, [
      {
        orderId,
        type: "items.bumped",
        payload: { stationIds: [...new Set(bumpable.map((i) => i.stationId))], itemIds: bumpable.map((i) => i.id), fireBatch: bumpable[0].fireBatch },
      },
    ]);
    return { change: committedChange(ctx.locationId, settled, events) as CommittedChange | null, bumped: bumpable.map((i) => i.id) };
  }, TX_OPTIONS);

  if (result.change) await publishChange(result.change);
  return { bumpedItemIds: result.bumped, seq: result.change?.events.at(-1)?.seq ?? null };
}
