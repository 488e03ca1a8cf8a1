import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import type { LockedOrder } from "../orders/lock-order";
import type { PayInFull } from "./pay-in-full-rules";
import { takeCheckPayment, type TakenPayment } from "./take-check-payment";

/**
 * Pays everything the order owes with one tender (checked by payInFullProblems first): one payment
 * per check that owes — an online order has one unless staff split it. Cash beyond the total is
 * change, recorded on the last payment; a card tip goes with the first. The card's idempotency key
 * is per order and check (`key` names the occasion), so a retried request never charges twice.
 */
export async function payInFull(
  tx: Tx,
  ctx: Ctx,
  order: LockedOrder,
  owing: { checkId: string; balanceCents: number }[],
  p: PayInFull,
  opts: { key: string; driverShiftId?: string },
): Promise<TakenPayment[]> {
  const due = owing.reduce((sum, c) => sum + c.balanceCents, 0);
  const extra = p.tender === "CASH" ? (p.collectedCents ?? due) - due : 0;
  const taken: TakenPayment[] = [];
  for (const [i, c] of owing.entries()) {
    const lastOne = i === owing.length - 1;
    taken.push(
      await takeCheckPayment(tx, ctx, order, {
        checkId: c.checkId,
        tender: p.tender,
        amountCents: c.balanceCents,
        tipCents: p.tender === "CARD" && i === 0 ? p.tipCents : 0,
        ...(p.tender === "CASH"
          ? { tenderedCents: c.balanceCents + (lastOne ? extra : 0) }
          : { reference: p.reference, cardLast4: p.cardLast4 }),
        idempotencyKey: `${opts.key}:${order.id}:${c.checkId}`,
        ...(opts.driverShiftId ? { driverShiftId: opts.driverShiftId } : {}),
      }),
    );
  }
  return taken;
}
