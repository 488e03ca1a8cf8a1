import "server-only";
import type { Ctx } from "../auth/context";

import type { Tx } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";

import { canMoveOrder } from "./order-state";
import { updateOrderStatusSchema, type UpdateOrderStatusInput } from "./schemas";

import { reverseStockForVoidedItems } from "../inventory/reverse-stock-for-voided-items";

import { assertCan, can, type Permission } from "../auth/permissions";
import { refreshChecks } from "../checks/refresh-checks";
import { paidOf } from "../checks/load-check-state";
import { formatCents } from "../money";
import { approvalIfNeeded, approvedByDetails, auditApprovalGiven, type Approval } from "../staff/approve-with-pin";
import { changeOrder } from "./change-order";
import { partyLeft, publishPartyLeft, type PartyLeft } from "../tables/party-left";

const PERMISSION_FOR = {
  SERVED: "orders.take",
  CLOSED: "orders.close",
  VOIDED: "orders.voidSent",
} as const satisfies Record<string, Permission>;

/**
 * The explicit order moves: SERVED (food at the pass reached the guests), CLOSED (check done,
 * table free; unsent lines are dropped) and VOIDED (manager; everything voided, table free).
 * A void puts back the stock of every line the kitchen had not made yet (fired, not bumped),
 * exactly as voiding that line alone would, and un-86s what that brings back.
 * The other statuses follow from the items (see order-state.ts).
 */
export async function updateOrderStatus(
  ctx: Ctx,
  raw: UpdateOrderStatusInput,
  opts: {
    /** Runs first inside the transaction, the order locked: a caller's own check on fresh rows (throw to refuse). */
    guard?: (tx: Tx, order: { id: string; locationId: string }) => Promise<void>;
  } = {},
) {
  const input = parseInput(updateOrderStatusSchema, raw);
  assertCan(
    ctx,
    PERMISSION_FOR[input.status],
    input.status === "VOIDED" ? "Only a manager can void an order" : undefined,
  );

  // Closing with money owed needs a manager; one typed on this device is checked before the lock.
  const approval = await approvalIfNeeded(ctx, input.status === "CLOSED" ? input.approval : undefined, {
    permission: "checks.reopen",
    action: "order.close_unpaid",
    entityType: "Order",
    entityId: input.orderId,
  });

  const { change, result } = await changeOrder<PartyLeft | null>(ctx, input.orderId, async (tx, order) => {
    await opts.guard?.(tx, order);
    const items = await tx.orderItem.findMany({
      where: { orderId: order.id },
      select: {
        id: true,
        status: true,
        bumpedAt: true,
        stationId: true,
        firedAt: true,
        modifiers: { where: { stationId: { not: null }, bumpedAt: null }, select: { stationId: true } },
      },
    });
    const move = input.status === "SERVED" ? "serve" : input.status === "CLOSED" ? "close" : "void";
    if (!canMoveOrder(order.status, items, move)) {
      const why =
        move === "serve"
          ? "nothing is ready at the pass"
          : move === "close"
            ? "food is still in the kitchen or at the pass"
            : `it is ${order.status.toLowerCase()}`;
      throw new AppError("INVALID_STATE", `Order #${order.number} cannot be ${input.status.toLowerCase()}: ${why}`);
    }
    const now = new Date();
    if (move === "serve") {
      const ready = items.filter((i) => i.status === "READY").map((i) => i.id);
      await tx.orderItem.updateMany({ where: { id: { in: ready } }, data: { status: "SERVED", servedAt: now } });
      return {
        result: null,
        events: [{ orderId: order.id, type: "items.served", payload: { stationIds: [], itemIds: ready } }],
      };
    }

    const reason = move === "close" ? "Not sent before the check closed" : input.reason!;
    const dropped = items.filter((i) =>
      move === "close" ? i.status === "PENDING" || i.status === "HELD" : i.status !== "VOIDED",
    );
    if (dropped.length) {
      await tx.orderItem.updateMany({
        where: { id: { in: dropped.map((i) => i.id) } },
        data: { status: "VOIDED", voidedAt: now, voidReason: reason, voidedById: ctx.userId },
      });
    }
    if (move === "close") await assertPaidOrExcused(tx, ctx, order, input.reason, approval);
    // The party is gone: its booking completes, and a table free at once parts its group.
    const left = await partyLeft(tx, ctx, order, move === "void" || !order.bussingStep);
    if (move === "void") {
      await auditAs(
        ctx,
        { action: "order.void", entityType: "Order", entityId: order.id, details: { number: order.number, reason } },
        tx,
      );
    }
    // Stations still cooking something of a voided order must see it go; its stock goes back
    // after the settle (lock order: order → table → stock → counter, ADR 0006).
    const unmade = move === "void" ? dropped.filter((i) => i.status === "SENT" && i.firedAt && !i.bumpedAt) : [];
    const onLine =
      move === "void"
        ? [
            ...new Set(
              dropped
                .filter((i) => i.firedAt && i.status === "SENT")
                .flatMap((i) => [...(i.bumpedAt ? [] : [i.stationId]), ...i.modifiers.map((m) => m.stationId)]),
            ),
          ]
        : [];
    return {
      result: left,
      status: input.status,
      events: [
        {
          orderId: order.id,
          type: move === "close" ? "order.closed" : "order.voided",
          payload: {
            stationIds: onLine,
            itemIds: dropped.map((i) => i.id).slice(0, 200),
            status: input.status,
            ...(move === "void" ? { reason } : {}),
          },
        },
      ],
      afterSettle: async () => {
        if (unmade.length === 0) return undefined;
        return reverseStockForVoidedItems(
          tx,
          ctx,
          unmade.map((i) => i.id),
        );
      },
    };
  });

  publishPartyLeft(ctx, result);
  return { orderId: input.orderId, status: change?.orders?.[0]?.status ?? input.status };
}

/**
 * A table closes when its checks are paid. With money still owed (a walk-out, a bill the house
 * takes) a manager closes it with a reason — their own role, or their PIN on this device — and
 * both are audited with the amount.
 */
async function assertPaidOrExcused(
  tx: Parameters<Parameters<typeof changeOrder>[2]>[0],
  ctx: Ctx,
  order: { id: string; locationId: string; number: number },
  reason: string | undefined,
  approval: Approval | null,
) {
  // What open checks still owe (a refund on a paid check is money given back, not owed).
  const checks = await refreshChecks(tx, order);
  const owed = checks.openBalanceCents;
  if (owed <= 0) {
    // Checks that owe nothing (comped in full, or covered) are settled with the table, so their
    // comps and discounts count in the day's report like any paid check.
    const settled = checks.state.checks.filter((c) => {
      const figures = checks.checks.find((x) => x.checkId === c.id);
      return (
        c.status === "OPEN" && figures && figures.lines.length > 0 && figures.totalCents <= paidOf(c.payments).paidCents
      );
    });
    if (settled.length > 0)
      await tx.check.updateMany({
        where: { id: { in: settled.map((c) => c.id) }, status: "OPEN" },
        data: { status: "PAID", paidAt: new Date() },
      });
    return;
  }
  if (!can(ctx, "checks.reopen") && !approval)
    throw new AppError(
      "FORBIDDEN",
      `Order #${order.number} still owes ${formatCents(owed)}: take the payment, or a manager closes it with a reason`,
      undefined,
      { approvalRequired: true, owedCents: owed },
    );
  if (!reason || reason.length < 3)
    throw new AppError("VALIDATION", "Give a reason to close with money owed", {
      reason: ["Give a reason (3+ characters)"],
    });
  await auditAs(
    ctx,
    {
      action: "order.closed_unpaid",
      entityType: "Order",
      entityId: order.id,
      details: {
        number: order.number,
        owedCents: owed,
        reason,
        ...approvedByDetails(approval),
      },
    },
    tx,
  );
  await auditApprovalGiven(
    ctx,
    approval,
    { for: "order.close_unpaid", entityType: "Order", entityId: order.id, details: { owedCents: owed } },
    tx,
  );
}
