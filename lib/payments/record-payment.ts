import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { AppError, notFound } from "../errors";
import { formatCents } from "../money";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import { runIdempotent } from "../idempotency/run-idempotent";
import type { NewOrderEvent } from "../orders/append-order-events";
import { publishOrderChange, recordOrderEvents } from "../orders/change-order";
import { lockOrder } from "../orders/lock-order";
import { settleOrder, type Settled } from "../orders/settle-order";
import type { CommittedChange } from "../realtime/publish";
import { findOpenDrawerForPayment } from "../cash/find-open-drawer";
import { orderOfCheck, placedState } from "../checks/check-ops";
import { refreshChecks } from "../checks/refresh-checks";
import { paidOf } from "../checks/load-check-state";
import { recordPaymentSchema, type RecordPaymentInput } from "../checks/schemas";
import { paymentProviderFor } from "./payment-provider";
import { emitOrderPaid } from "../webhooks/order-webhooks";
import { kickWebhookDispatcher } from "../webhooks/webhook-worker";

export type RecordPaymentResult = {
  paymentId: string;
  checkId: string;
  orderId: string;
  tender: "CASH" | "CARD" | "HOUSE_ACCOUNT";
  amountCents: number;
  tipCents: number;
  changeCents: number;
  /** What the check still owes after this payment. */
  balanceCents: number;
  checkPaid: boolean;
  paymentState: "UNPAID" | "PARTLY_PAID" | "PAID";
};

/**
 * Take a payment for a check. Idempotent per key like a send (ADR 0007): a double tap or a retry
 * replays the first answer and never charges twice. The order row lock serialises cashiers, so
 * two paying the same check cannot over-collect: the second sees the smaller balance. Only cash
 * may exceed the balance, as change. A check whose payments cover it is paid and frozen.
 */
export async function recordPayment(
  ctx: Ctx,
  raw: RecordPaymentInput,
): Promise<RecordPaymentResult & { replayed: boolean }> {
  assertCan(ctx, "payments.take");
  const input = parseInput(recordPaymentSchema, raw);
  const { idempotencyKey, ...request } = input;
  let pending: { settled: Settled; events: NewOrderEvent[] } | null = null;
  let change: CommittedChange | undefined;
  let webhooks = 0;

  const { value, replayed } = await runIdempotent(
    ctx,
    { scope: "checks.pay", key: idempotencyKey, request },
    async (tx) => {
      const orderId = await orderOfCheck(ctx, input.checkId)(tx);
      const order = await lockOrder(tx, ctx, orderId);
      if (order.status === "VOIDED") throw new AppError("INVALID_STATE", `Order #${order.number} is voided`);
      await placedState(tx, ctx, orderId);
      const now = await refreshChecks(tx, order);
      const check = now.state.checks.find((c) => c.id === input.checkId);
      const figures = now.checks.find((c) => c.checkId === input.checkId);
      if (!check || !figures || check.status === "VOIDED") throw notFound("Check");
      const balance = figures.totalCents - paidOf(check.payments).paidCents;
      if (check.status === "PAID" || balance <= 0)
        throw new AppError("INVALID_STATE", `Check ${check.number} is already paid`);

      const tender = input.tender;
      let amount = input.amountCents;
      let tendered: number | null = null;
      if (tender === "CASH") {
        tendered = input.tenderedCents ?? input.amountCents;
        amount = Math.min(amount, balance);
      } else if (amount > balance) {
        throw new AppError("VALIDATION", `More than the balance of ${formatCents(balance)}`, {
          amountCents: [`The check owes ${formatCents(balance)}; only cash can be more (change)`],
        });
      }
      const changeCents = tendered === null ? 0 : tendered - amount;
      const card =
        tender === "CARD"
          ? await paymentProviderFor(ctx.locationId).takeCard({
              locationId: ctx.locationId,
              amountCents: amount,
              tipCents: input.tipCents,
              keyed: { cardBrand: input.cardBrand, cardLast4: input.cardLast4, reference: input.reference },
              idempotencyKey,
            })
          : null;
      const payment = await tx.payment.create({
        data: {
          locationId: ctx.locationId,
          orderId,
          checkId: check.id,
          tender,
          amountCents: amount,
          tipCents: input.tipCents,
          tenderedCents: tendered,
          changeCents,
          provider: card?.provider ?? "house",
          cardBrand: card?.cardBrand ?? null,
          cardLast4: card?.cardLast4 ?? null,
          reference: card?.reference ?? input.reference ?? null,
          drawerSessionId: tender === "CASH" ? await findOpenDrawerForPayment(tx, ctx) : null,
          createdById: ctx.userId,
        },
        select: { id: true },
      });
      const paidNow = amount >= balance;
      if (paidNow)
        await tx.check.update({
          where: { id: check.id },
          data: {
            status: "PAID",
            paidAt: new Date(),
            subtotalCents: figures.subtotalCents,
            discountCents: figures.discountCents,
            compCents: figures.compCents,
            serviceChargeCents: figures.serviceChargeCents,
            serviceChargeName: figures.serviceChargeName,
            taxCents: figures.taxCents,
            totalCents: figures.totalCents,
            taxLines: figures.taxLines,
          },
        });
      await auditAs(
        ctx,
        {
          action: "payment.recorded",
          entityType: "Payment",
          entityId: payment.id,
          details: {
            orderId,
            checkId: check.id,
            checkNumber: check.number,
            tender,
            amountCents: amount,
            tipCents: input.tipCents,
            changeCents,
            ...(card ? { cardBrand: card.cardBrand, cardLast4: card.cardLast4, reference: card.reference } : {}),
          },
        },
        tx,
      );
      const settled = await settleOrder(tx, order, undefined, { checks: true });
      // The check owed money before this payment, so the order was not paid: this payment paid it.
      webhooks = await emitOrderPaid(tx, order, settled, { paymentId: payment.id, checkId: check.id });
      pending = {
        settled,
        events: [
          {
            orderId,
            type: "payment.recorded",
            payload: { stationIds: [], itemIds: [], checkIds: [check.id], paymentId: payment.id },
          },
        ],
      };
      return {
        paymentId: payment.id,
        checkId: check.id,
        orderId,
        tender,
        amountCents: amount,
        tipCents: input.tipCents,
        changeCents,
        balanceCents: Math.max(0, balance - amount),
        checkPaid: paidNow,
        paymentState: settled.paymentState ?? "PARTLY_PAID",
      } satisfies RecordPaymentResult;
    },
    async (tx) => {
      if (pending) change = await recordOrderEvents(tx, ctx, pending.settled, pending.events);
    },
  );
  if (change) publishOrderChange(ctx, change);
  if (!replayed && webhooks > 0) kickWebhookDispatcher();
  return { ...value, replayed };
}
