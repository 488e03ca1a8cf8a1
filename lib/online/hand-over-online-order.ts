import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { notFound } from "../errors";
import { changeOrder } from "../orders/change-order";
import { parseInput } from "../validation";
import { afterOnlineMove } from "./after-online-move";
import { moveOnlineOrder } from "./move-online-order";
import { onlineOrderRefSchema, type OnlineOrderRefInput } from "./schemas";

/**
 * The counter hands a READY pickup to its customer: its food is served and the online order is
 * PICKED_UP (the status machine refuses anything but a READY pickup). Payment at the counter goes
 * through the order's check as for any other order.
 */
export async function handOverOnlineOrder(ctx: Ctx, raw: OnlineOrderRefInput) {
  assertCan(ctx, "online.orders");
  const input = parseInput(onlineOrderRefSchema, raw);
  const { result } = await changeOrder(ctx, input.orderId, async (tx, order) => {
    if (order.source !== "PICKUP" && order.source !== "DELIVERY") throw notFound("Online order");
    const move = await moveOnlineOrder(tx, { locationId: ctx.locationId, orderId: order.id }, "PICKED_UP");
    const ready = await tx.orderItem.findMany({
      where: { orderId: order.id, status: "READY" },
      select: { id: true },
    });
    const ids = ready.map((i) => i.id);
    if (ids.length)
      await tx.orderItem.updateMany({ where: { id: { in: ids } }, data: { status: "SERVED", servedAt: new Date() } });
    return {
      result: move,
      events: ids.length
        ? [{ orderId: order.id, type: "items.served", payload: { stationIds: [], itemIds: ids } }]
        : [],
    };
  });
  await afterOnlineMove([result]);
  return { orderId: input.orderId, status: result?.to ?? "PICKED_UP" };
}
