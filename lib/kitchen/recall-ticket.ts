import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { publishChange } from "../realtime/publish";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { appendOrderEvents } from "../orders/append-order-events";
import { committedChange } from "../orders/committed-change";
import { lockOrder } from "../orders/lock-order";
import { assertRole, KITCHEN_ACTORS } from "../orders/permissions";
import { settleOrder } from "../orders/settle-order";
import { findStation } from "./find-station";
import { recallSchema, type RecallInput } from "./schemas";

/**
 * Bring back the most recently bumped ticket (pressing R again brings back the one before).
 * At a station: its bumped items of that ticket go back on the line (bump undone). At expo: the
 * last ticket marked ready goes back to the pass (READY → SENT, still bumped, ready to re-ready).
 * An optional `ticket` ("orderId:fireBatch") recalls that one instead of the latest.
 */
export async function recallTicket(ctx: Ctx, raw: RecallInput) {
  assertRole(ctx, KITCHEN_ACTORS);
  const input = parseInput(recallSchema, raw);
  const station = await findStation(ctx, input.station);
  const [wantOrder, wantBatch] = input.ticket?.split(":") ?? [];

  const change = await db.$transaction(async (tx) => {
    const latest = await tx.orderItem.findFirst({
      where: {
        locationId: ctx.locationId,
        bumpedAt: { not: null },
        ...(station.isExpo ? { status: "READY" } : { stationId: station.id, status: { in: ["SENT", "READY"] } }),
        ...(wantOrder ? { orderId: wantOrder, fireBatch: Number(wantBatch) || 0 } : {}),
        order: { status: { notIn: ["CLOSED", "VOIDED"] } },
      },
      orderBy: { bumpedAt: "desc" },
      select: { orderId: true, fireBatch: true },
    });
    if (!latest) throw new AppError("NOT_FOUND", "Nothing to recall");
    await lockOrder(tx, ctx, latest.orderId);
    const where = {
      orderId: latest.orderId,
      fireBatch: latest.fireBatch,
      ...(station.isExpo ? { status: "READY" as const } : { stationId: station.id, bumpedAt: { not: null }, status: { in: ["SENT" as const, "READY" as const] } }),
    };
    const items = await tx.orderItem.findMany({ where, select: { id: true, stationId: true } });
    if (items.length === 0) throw new AppError("NOT_FOUND", "Nothing to recall");
    await tx.orderItem.updateMany({
      where: { id: { in: items.map((i) => i.id) } },
      data: station.isExpo ? { status: "SENT" } : { status: "SENT", bumpedAt: null },
    });
    const settled = await settleOrder(tx, latest.orderId);
    const events = await appendOrderEvents(tx, ctx, [
      {
        orderId: latest.orderId,
        type: "items.recalled",
        payload: { stationIds: [...new Set(items.map((i) => i.stationId))], itemIds: items.map((i) => i.id), fireBatch: latest.fireBatch },
      },
    ]);
    return committedChange(ctx.locationId, settled, events);
  }, TX_OPTIONS);

  await publishChange(change);
  return { orderId: change.orders?.[0]?.orderId ?? null, seq: change.events.at(-1)?.seq ?? null };
}
