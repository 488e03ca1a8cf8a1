import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { parseInput } from "../validation";
import { runIdempotent } from "../idempotency/run-idempotent";
import type { NewOrderEvent } from "../orders/append-order-events";
import { publishOrderChange, recordOrderEvents } from "../orders/change-order";
import { lockOrder } from "../orders/lock-order";
import { settleOrder, type Settled } from "../orders/settle-order";
import type { CommittedChange } from "../realtime/publish";
import { orderOfCheck } from "../checks/check-ops";
import { recordPaymentSchema, type RecordPaymentInput } from "../checks/schemas";
import { takeCheckPayment } from "./take-check-payment";
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
      const taken = await takeCheckPayment(tx, ctx, order, { ...input, idempotencyKey });
      const { checkNumber: _checkNumber, ...answer } = taken;
      const settled = await settleOrder(tx, order, undefined, { checks: true });
      // The check owed money before this payment, so the order was not paid: this payment paid it.
      webhooks = await emitOrderPaid(tx, order, settled, { paymentId: taken.paymentId, checkId: taken.checkId });
      pending = {
        settled,
        events: [
          {
            orderId,
            type: "payment.recorded",
            payload: { stationIds: [], itemIds: [], checkIds: [taken.checkId], paymentId: taken.paymentId },
          },
        ],
      };
      return {
        ...answer,
        orderId,
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
