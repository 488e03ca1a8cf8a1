import "server-only";
import type { Ctx } from "../auth/context";

import { AppError } from "../errors";
import { parseInput } from "../validation";

import { canMoveItem } from "../orders/order-state";

import { ticketReadySchema, type TicketReadyInput } from "./schemas";
import { SHOWN_AT_EXPO } from "./get-station-snapshot";
import { assertCan } from "../auth/permissions";
import { changeOrder } from "../orders/change-order";

/**
 * Expo passes a ticket: every live item of it must have been bumped by its station, and every
 * side made elsewhere for it by that station. The items become READY; when nothing else of the
 * order is on the line the order is READY and the server's tablet shows the table as FOOD_READY
 * at once (floor channel). Items of stations expo does not follow (a bar) neither hold the
 * ticket nor move with it: their station hands them out.
 */
export async function markTicketReady(ctx: Ctx, raw: TicketReadyInput) {
  assertCan(ctx, "kitchen.work");
  const input = parseInput(ticketReadySchema, raw);
  const { change } = await changeOrder(
    ctx,
    input.orderId,
    async (tx, order) => {
      const items = await tx.orderItem.findMany({
        where: { orderId: order.id, fireBatch: input.fireBatch, status: "SENT", ...SHOWN_AT_EXPO },
        select: {
          id: true,
          name: true,
          status: true,
          bumpedAt: true,
          stationId: true,
          station: { select: { name: true } },
          modifiers: {
            where: { stationId: { not: null }, bumpedAt: null, station: { showOnExpo: true } },
            select: { name: true, station: { select: { name: true } } },
          },
        },
      });
      if (items.length === 0) throw new AppError("INVALID_STATE", "This ticket has nothing waiting at the pass");
      const waiting = [
        ...items
          .filter((i) => !canMoveItem(i, "ready"))
          .map((i) => `${i.name}${i.station ? ` (${i.station.name})` : ""}`),
        ...items.flatMap((i) => i.modifiers.map((m) => `${m.name}${m.station ? ` (${m.station.name})` : ""}`)),
      ];
      if (waiting.length) throw new AppError("INVALID_STATE", `Still cooking: ${waiting.join(", ")}`);
      await tx.orderItem.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { status: "READY" } });
      return {
        result: null,
        events: [
          {
            orderId: order.id,
            type: "ticket.ready",
            payload: {
              stationIds: [...new Set(items.map((i) => i.stationId))],
              itemIds: items.map((i) => i.id),
              fireBatch: input.fireBatch,
            },
          },
        ],
      };
    },
    { open: true },
  );
  return {
    orderId: input.orderId,
    status: change?.orders?.[0]?.status ?? null,
    seq: change?.events.at(-1)?.seq ?? null,
  };
}
