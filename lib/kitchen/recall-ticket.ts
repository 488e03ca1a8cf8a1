import "server-only";
import type { Ctx } from "../auth/context";

import { AppError } from "../errors";
import { parseInput } from "../validation";

import { findStation } from "./find-station";
import { SHOWN_AT_EXPO } from "./get-station-snapshot";
import { recallSchema, type RecallInput } from "./schemas";
import { assertCan } from "../auth/permissions";
import { changeOrder } from "../orders/change-order";
import type { NewOrderEvent } from "../orders/append-order-events";
import type { Tx } from "../db";

/**
 * Bring back the most recently bumped ticket (pressing R again brings back the one before).
 * At a station: its bumped items of that ticket go back on the line (bump undone). At expo: the
 * last ticket marked ready goes back to the pass (READY → SENT, still bumped, ready to re-ready).
 * An optional `ticket` ("orderId:fireBatch") recalls that one instead of the latest. Sides made
 * at this station for another station's dish come back too while that dish is on the line.
 */
export async function recallTicket(ctx: Ctx, raw: RecallInput) {
  assertCan(ctx, "kitchen.work");
  const input = parseInput(recallSchema, raw);
  const station = await findStation(ctx, input.station);
  const [wantOrder, wantBatch] = input.ticket?.split(":") ?? [];

  let latest: { orderId: string; fireBatch: number | null } | null = null;
  const findLatest = async (tx: Tx) => {
    const which = wantOrder ? { orderId: wantOrder, fireBatch: Number(wantBatch) || 0 } : {};
    const open = { status: { notIn: ["CLOSED" as const, "VOIDED" as const] } };
    const [latestItem, latestSide] = await Promise.all([
      tx.orderItem.findFirst({
        where: {
          locationId: ctx.locationId,
          bumpedAt: { not: null },
          ...(station.isExpo
            ? { status: "READY", ...SHOWN_AT_EXPO }
            : { stationId: station.id, status: { in: ["SENT", "READY"] } }),
          ...which,
          order: open,
        },
        orderBy: { bumpedAt: "desc" },
        select: { orderId: true, fireBatch: true, bumpedAt: true },
      }),
      // A side made here goes back on the line while its dish is still being made.
      station.isExpo
        ? null
        : tx.orderItemModifier.findFirst({
            where: {
              stationId: station.id,
              bumpedAt: { not: null },
              orderItem: { locationId: ctx.locationId, status: "SENT", ...which, order: open },
            },
            orderBy: { bumpedAt: "desc" },
            select: { bumpedAt: true, orderItem: { select: { orderId: true, fireBatch: true } } },
          }),
    ]);
    latest =
      latestSide && (!latestItem || latestSide.bumpedAt! > latestItem.bumpedAt!)
        ? { orderId: latestSide.orderItem.orderId, fireBatch: latestSide.orderItem.fireBatch }
        : latestItem;
    if (!latest) throw new AppError("NOT_FOUND", "Nothing to recall");
    return latest.orderId;
  };

  const { change } = await changeOrder(ctx, findLatest, async (tx) => {
    const { orderId, fireBatch } = latest!;
    const where = {
      orderId: orderId,
      fireBatch: fireBatch,
      ...(station.isExpo
        ? { status: "READY" as const, ...SHOWN_AT_EXPO }
        : { stationId: station.id, bumpedAt: { not: null }, status: { in: ["SENT" as const, "READY" as const] } }),
    };
    const [items, sides] = await Promise.all([
      tx.orderItem.findMany({ where, select: { id: true, stationId: true } }),
      station.isExpo
        ? []
        : tx.orderItemModifier.findMany({
            where: {
              stationId: station.id,
              bumpedAt: { not: null },
              orderItem: { orderId: orderId, fireBatch: fireBatch, status: "SENT" },
            },
            select: { id: true },
          }),
    ]);
    if (items.length + sides.length === 0) throw new AppError("NOT_FOUND", "Nothing to recall");
    if (items.length) {
      await tx.orderItem.updateMany({
        where: { id: { in: items.map((i) => i.id) } },
        data: station.isExpo ? { status: "SENT" } : { status: "SENT", bumpedAt: null },
      });
    }
    if (sides.length)
      await tx.orderItemModifier.updateMany({
        where: { id: { in: sides.map((s) => s.id) } },
        data: { bumpedAt: null },
      });
    const events: NewOrderEvent[] = [
      {
        orderId: orderId,
        type: "items.recalled",
        payload: {
          stationIds: [...new Set([...items.map((i) => i.stationId), ...(sides.length ? [station.id] : [])])],
          itemIds: [...items.map((i) => i.id), ...sides.map((s) => s.id)],
          fireBatch: fireBatch,
        },
      },
    ];
    return { result: null, events };
  });
  return { orderId: change?.orders?.[0]?.orderId ?? null, seq: change?.events.at(-1)?.seq ?? null };
}
