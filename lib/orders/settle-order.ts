import "server-only";
import type { OrderItemStatus, OrderStatus, PaymentState } from "@/generated/prisma/enums";
import { refreshChecks } from "../checks/refresh-checks";
import type { Tx } from "../db";
import type { TableChanged } from "../realtime/events";
import { deriveOrderStatus, isTerminalOrder, tableStatusFor } from "./order-state";
import { AppError } from "../errors";
import { formatCents } from "../money";
import type { LockedOrder } from "./lock-order";
import { computeTotals, exceedsOrderLimit, MAX_ORDER_TOTAL_CENTS, type Totals } from "./totals";

export type Settled = {
  orderId: string;
  tableId: string | null;
  guestSessionId: string | null;
  status: OrderStatus;
  previous: OrderStatus;
  table: TableChanged | null;
  totals: Totals;
  /** Set when the checks were recomputed. */
  paymentState?: PaymentState;
};

/**
 * After items changed: recompute the order's totals and status from its items, and move the
 * table along (ORDERED when sent, FOOD_READY when ready, FREE when closed). Runs inside the
 * caller's transaction, with the order row already locked (and read) by lockOrder.
 */
export async function settleOrder(
  tx: Tx,
  order: LockedOrder,
  explicit?: OrderStatus,
  opts: { checks?: boolean } = {},
): Promise<Settled> {
  const orderId = order.id;
  // Hand-written SQL: every order change settles, so these run on every send and bump (ADR 0018).
  const items = await tx.$queryRaw<
    {
      status: OrderItemStatus;
      bumpedAt: Date | null;
      unitPriceCents: number;
      modifiersCents: number;
      quantity: number;
      taxRateBps: number | null;
    }[]
  >`
    SELECT status::text AS status, "bumpedAt", "unitPriceCents", "modifiersCents", quantity, "taxRateBps"
    FROM "OrderItem" WHERE "orderId" = ${orderId}`;
  const totals = computeTotals(
    items.map((i) => ({ ...i, voided: i.status === "VOIDED" })),
    order.taxRateBps,
    // An online delivery's fee (0 for every other order) is owed and taxed with the items (ADR 0046).
    { cents: order.deliveryFeeCents, rateBps: order.deliveryFeeTaxRateBps },
  );
  if (exceedsOrderLimit(totals)) {
    throw new AppError(
      "VALIDATION",
      `An order cannot total more than ${formatCents(MAX_ORDER_TOTAL_CENTS)}; check the quantities`,
      {
        items: [`This order would total ${formatCents(totals.totalCents)}`],
      },
    );
  }
  const status = explicit ?? deriveOrderStatus(order.status, items);
  const closing = isTerminalOrder(status) && !isTerminalOrder(order.status);
  await tx.$executeRaw`
    UPDATE "Order" SET "subtotalCents" = ${totals.subtotalCents}, "taxCents" = ${totals.taxCents},
      "totalCents" = ${totals.totalCents}, status = ${status}::"OrderStatus", "updatedAt" = now(),
      "dueCents" = ${totals.totalCents},
      "closedAt" = CASE WHEN ${closing}::boolean THEN now() ELSE "closedAt" END
    WHERE id = ${orderId}`;

  // Split, discounted, partly paid or service-charged: the checks decide what is due (after the
  // UPDATE above, which set the plain case).
  const payment = order.checksNeedRefresh || opts.checks ? (await refreshChecks(tx, order)).paymentState : undefined;

  let table: TableChanged | null = null;
  const plain = tableStatusFor(status, { foodWaiting: items.some((i) => i.status === "READY") });
  const next = status === "CLOSED" && order.bussingStep ? "NEEDS_BUSSING" : plain;
  // A manual "needs attention" flag stays until the order itself moves on.
  const keepFlag = order.tableStatus === "NEEDS_ATTENTION" && status === order.status;
  if (order.tableId && order.tableStatus && next !== order.tableStatus && !keepFlag) {
    await tx.diningTable.update({ where: { id: order.tableId }, data: { status: next, statusAt: new Date() } });
    table = { tableId: order.tableId, status: next, orderId: isTerminalOrder(status) ? null : orderId, seq: null };
  }
  return {
    orderId,
    tableId: order.tableId,
    guestSessionId: order.guestSessionId,
    status,
    previous: order.status,
    table,
    totals,
    paymentState: payment,
  };
}
