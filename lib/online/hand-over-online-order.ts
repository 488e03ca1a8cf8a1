import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { AppError, notFound } from "../errors";
import { formatCents } from "../money";
import type { NewOrderEvent } from "../orders/append-order-events";
import { changeOrder } from "../orders/change-order";
import { payInFull } from "../payments/pay-in-full";
import { payInFullProblems } from "../payments/pay-in-full-rules";
import { checksOwing, type TakenPayment } from "../payments/take-check-payment";
import { parseInput } from "../validation";
import { emitOrderPaid } from "../webhooks/order-webhooks";
import { kickWebhookDispatcher } from "../webhooks/webhook-worker";
import { afterOnlineMove } from "./after-online-move";
import { moveOnlineOrder, type OnlineMove } from "./move-online-order";
import { handOverSchema, type HandOverInput } from "./schemas";

export type HandedOver = {
  orderId: string;
  status: "PICKED_UP";
  /** What the counter took now (0 when the order was already paid, or on a repeated tap). */
  paidCents: number;
  changeCents: number;
};

/**
 * The counter hands a READY pickup to its customer and takes what it still owes in the same step
 * (cash into the open drawer, or the counter's card terminal): the food is served, the online
 * order is PICKED_UP and the order closes. Handing over food that is not paid for is refused, and
 * taking money needs a role that may take payments, so a host can hand over only what was paid at
 * the till. A repeated tap finds it handed over and changes nothing.
 */
export async function handOverOnlineOrder(ctx: Ctx, raw: HandOverInput): Promise<HandedOver> {
  assertCan(ctx, "online.orders");
  const input = parseInput(handOverSchema, raw);
  let webhooks = 0;
  const { result } = await changeOrder(ctx, input.orderId, async (tx, order) => {
    if (order.source !== "PICKUP" && order.source !== "DELIVERY") throw notFound("Online order");
    const current = await tx.onlineOrder.findUniqueOrThrow({ where: { orderId: order.id }, select: { status: true } });
    const none = { orderId: order.id, status: "PICKED_UP" as const, paidCents: 0, changeCents: 0 };
    if (current.status === "PICKED_UP") return { result: { handed: none, move: null }, events: [] };

    // The status machine first: anything but a READY pickup is refused before money is asked for.
    const move: OnlineMove | null = await moveOnlineOrder(
      tx,
      { locationId: ctx.locationId, orderId: order.id },
      "PICKED_UP",
    );
    const owing = await checksOwing(tx, order);
    const dueCents = owing.reduce((sum, c) => sum + c.balanceCents, 0);
    let taken: TakenPayment[] = [];
    if (dueCents > 0) {
      if (!input.payment)
        throw new AppError("VALIDATION", `Take the payment first: ${formatCents(dueCents)} is owed`, {
          payment: [`${formatCents(dueCents)} is owed; take it by cash or card`],
        });
      assertCan(ctx, "payments.take", "Taking the payment needs a cashier, a server or a manager");
      const problems = payInFullProblems(dueCents, input.payment);
      if (Object.keys(problems).length > 0)
        throw new AppError("VALIDATION", `${Object.values(problems)[0][0]} (owed ${formatCents(dueCents)})`, problems);
    }
    if (dueCents > 0 && input.payment) taken = await payInFull(tx, ctx, order, owing, input.payment, { key: "pickup" });
    const ready = await tx.orderItem.findMany({ where: { orderId: order.id, status: "READY" }, select: { id: true } });
    const ids = ready.map((i) => i.id);
    if (ids.length)
      await tx.orderItem.updateMany({ where: { id: { in: ids } }, data: { status: "SERVED", servedAt: new Date() } });
    await auditAs(
      ctx,
      {
        action: "online.order.handed_over",
        entityType: "Order",
        entityId: order.id,
        details: { number: order.number, dueCents, paymentIds: taken.map((t) => t.paymentId) },
      },
      tx,
    );
    const events: NewOrderEvent[] = [
      ...taken.map((t) => ({
        orderId: order.id,
        type: "payment.recorded" as const,
        payload: { stationIds: [], itemIds: [], checkIds: [t.checkId], paymentId: t.paymentId },
      })),
      { orderId: order.id, type: "order.closed", payload: { stationIds: [], itemIds: ids, status: "CLOSED" } },
    ];
    const last = taken.at(-1);
    return {
      result: {
        handed: {
          ...none,
          paidCents: taken.reduce((sum, t) => sum + t.amountCents, 0),
          changeCents: taken.reduce((sum, t) => sum + t.changeCents, 0),
        },
        move,
      },
      events,
      status: "CLOSED",
      checks: true,
      afterSettle: async (settled) => {
        if (last)
          webhooks = await emitOrderPaid(tx, order, settled, { paymentId: last.paymentId, checkId: last.checkId });
        return undefined;
      },
    };
  });
  if (webhooks > 0) kickWebhookDispatcher();
  await afterOnlineMove([result.move]);
  return result.handed;
}
