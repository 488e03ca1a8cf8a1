import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { formatCents } from "../money";
import { afterOnlineMove } from "../online/after-online-move";
import { moveOnlineOrder, type OnlineMove } from "../online/move-online-order";
import type { NewOrderEvent } from "../orders/append-order-events";
import { changeOrder } from "../orders/change-order";
import { payInFull } from "../payments/pay-in-full";
import { payInFullProblems, type PayInFull } from "../payments/pay-in-full-rules";
import { checksOwing } from "../payments/take-check-payment";
import { parseInput } from "../validation";
import { emitOrderPaid } from "../webhooks/order-webhooks";
import { kickWebhookDispatcher } from "../webhooks/webhook-worker";
import { defaultDoorTender } from "./delivery-rules";
import { finishRouteIfDone, lockMyOrder } from "./driver-locks";
import { deliveredSchema, orderIdSchema, type DeliveredInput } from "./schemas";

export type Delivered = {
  orderId: string;
  status: "DELIVERED";
  tender: "CASH" | "CARD" | null;
  /** What the order owed at the door and was paid (cash or card). */
  paidCents: number;
  /** Cash that counts towards the driver's cash-up (the due amount; the rest was change). */
  collectedCents: number | null;
  changeCents: number;
  routeDone: boolean;
};

/**
 * Handed over at the door, and paid there: what the order owes is recorded as payments on its
 * checks, on the driver's shift (cash into their cash-up, card on their terminal), its food is
 * served and the order closes, so the end-of-day report and the driver's cash-up agree without a
 * cashier keying anything. The order row is locked first, then the online order (the order → online
 * order lock order every order change uses). A second tap finds the order delivered and is refused.
 */
export async function markDelivered(ctx: Ctx, raw: { orderId: string } & DeliveredInput): Promise<Delivered> {
  assertCan(ctx, "delivery.drive");
  const { orderId } = parseInput(orderIdSchema, { orderId: raw.orderId });
  const { orderId: _orderId, ...body } = raw;
  const input = parseInput(deliveredSchema, body);
  let move: OnlineMove | null = null;
  let webhooks = 0;

  const { result } = await changeOrder(ctx, orderId, async (tx, order) => {
    const o = await lockMyOrder(tx, ctx, orderId);
    if (o.status !== "OUT_FOR_DELIVERY")
      throw new AppError("INVALID_STATE", `Order #${o.number} is not out for delivery; pick it up first`);
    const owing = await checksOwing(tx, order);
    const dueCents = owing.reduce((sum, c) => sum + c.balanceCents, 0);
    const door: PayInFull = {
      tender: input.tender ?? defaultDoorTender(o.payment),
      collectedCents: input.collectedCents,
      reference: input.reference,
      cardLast4: input.cardLast4,
      tipCents: input.tipCents,
    };
    const problems = payInFullProblems(dueCents, door);
    if (Object.keys(problems).length > 0) {
      const first = Object.values(problems)[0][0];
      throw new AppError("VALIDATION", `${first} (due ${formatCents(dueCents)})`, problems);
    }
    const shiftId = await shiftOfDelivery(tx, ctx, o.routeId);
    const taken = await payInFull(tx, ctx, order, owing, door, { key: "delivered", driverShiftId: shiftId });
    const cash = door.tender === "CASH" && dueCents > 0;
    const now = new Date();
    move = await moveOnlineOrder(tx, { locationId: ctx.locationId, orderId }, "DELIVERED", {
      now,
      patch: { collectedCents: cash ? dueCents : null },
    });
    const served = await tx.orderItem.findMany({ where: { orderId, status: "READY" }, select: { id: true } });
    const servedIds = served.map((i) => i.id);
    if (servedIds.length)
      await tx.orderItem.updateMany({ where: { id: { in: servedIds } }, data: { status: "SERVED", servedAt: now } });
    const routeDone = await finishRouteIfDone(tx, o.routeId, now);
    const changeCents = taken.reduce((sum, t) => sum + t.changeCents, 0);
    await auditAs(
      ctx,
      {
        action: "delivery.order.delivered",
        entityType: "Order",
        entityId: orderId,
        details: {
          number: o.number,
          payment: o.payment,
          tender: dueCents > 0 ? door.tender : null,
          dueCents,
          collectedCents: cash ? dueCents : null,
          tenderedCents: cash ? (input.collectedCents ?? null) : null,
          tipCents: door.tender === "CARD" ? door.tipCents : 0,
          paymentIds: taken.map((t) => t.paymentId),
        },
      },
      tx,
    );
    const events: NewOrderEvent[] = [
      ...taken.map((t) => ({
        orderId,
        type: "payment.recorded" as const,
        payload: { stationIds: [], itemIds: [], checkIds: [t.checkId], paymentId: t.paymentId },
      })),
      { orderId, type: "order.closed", payload: { stationIds: [], itemIds: servedIds, status: "CLOSED" } },
    ];
    const last = taken.at(-1);
    return {
      result: {
        orderId,
        status: "DELIVERED" as const,
        tender: dueCents > 0 ? door.tender : null,
        paidCents: dueCents,
        collectedCents: cash ? dueCents : null,
        changeCents,
        routeDone,
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
  await afterOnlineMove([move]);
  return result;
}

/** The shift the delivery belongs to: its route's (set at pickup), else the driver's open shift. */
async function shiftOfDelivery(tx: Tx, ctx: Ctx, routeId: string | null): Promise<string> {
  const route = routeId
    ? await tx.deliveryRoute.findFirst({
        where: { id: routeId, locationId: ctx.locationId },
        select: { shiftId: true },
      })
    : null;
  if (route?.shiftId) return route.shiftId;
  const open = await tx.driverShift.findFirst({
    where: { locationId: ctx.locationId, driverId: ctx.userId, endedAt: null },
    select: { id: true },
  });
  if (!open) throw new AppError("INVALID_STATE", "Go on duty first: the payment belongs to your shift");
  return open.id;
}
