import "server-only";
import type { PaymentState } from "@/generated/prisma/enums";
import type { Tx } from "../db";
import { notFound } from "../errors";
import { computeChecks, NEW_CHECK, type ComputedCheck } from "./check-math";
import { loadCheckState, mathInput, paidOf, type CheckState } from "./load-check-state";

export type RefreshedChecks = {
  state: CheckState;
  checks: ComputedCheck[];
  dueCents: number;
  paidCents: number;
  /** What the checks not yet paid still owe. */
  openBalanceCents: number;
  paymentState: PaymentState;
};

/**
 * UNPAID until money comes in; PAID once nothing is owed: every check paid, or owing nothing (a
 * fully comped check). An order with nothing on it is UNPAID.
 */
export function paymentStateOf(paidCents: number, openBalanceCents: number, dueCents: number): PaymentState {
  if (openBalanceCents === 0 && (paidCents > 0 || dueCents > 0)) return "PAID";
  return paidCents > 0 ? "PARTLY_PAID" : "UNPAID";
}

/**
 * Recompute an order's checks inside its transaction (the order row locked): store each open
 * check's figures and each discount's amount, make a check for items that no open check can take
 * (every check was paid), and keep the order's due/paid/payment state. Paid checks keep their
 * frozen figures; only their payment sums move (refunds).
 */
export async function refreshChecks(tx: Tx, order: { id: string; locationId: string }): Promise<RefreshedChecks> {
  let state = await loadCheckState(tx, order.id, order.locationId);
  if (!state) throw notFound("Order");
  if (state.checks.length === 0) {
    await tx.check.create({ data: { locationId: order.locationId, orderId: order.id, number: 1 } });
    state = (await loadCheckState(tx, order.id, order.locationId))!;
  }
  let computed = computeChecks(mathInput(state));
  const fresh = computed.find((c) => c.checkId === NEW_CHECK);
  if (fresh) {
    // Items came after every check was paid: they start a check of their own.
    await tx.check.create({ data: { locationId: order.locationId, orderId: order.id, number: fresh.number } });
    state = (await loadCheckState(tx, order.id, order.locationId))!;
    computed = computeChecks(mathInput(state));
  }

  let dueCents = 0;
  let paidCents = 0;
  let openBalanceCents = 0;
  for (const check of state.checks) {
    if (check.status === "VOIDED") continue;
    const c = computed.find((x) => x.checkId === check.id)!;
    const paid = paidOf(check.payments);
    dueCents += c.totalCents;
    paidCents += paid.paidCents;
    if (check.status !== "PAID") openBalanceCents += Math.max(0, c.totalCents - paid.paidCents);
    const figures =
      check.status === "PAID"
        ? {}
        : {
            subtotalCents: c.subtotalCents,
            discountCents: c.discountCents,
            compCents: c.compCents,
            serviceChargeCents: c.serviceChargeCents,
            serviceChargeName: c.serviceChargeName,
            deliveryFeeCents: c.deliveryFeeCents,
            taxCents: c.taxCents,
            totalCents: c.totalCents,
            taxLines: c.taxLines,
          };
    const changed =
      check.paidCents !== paid.paidCents ||
      check.tipCents !== paid.tipCents ||
      check.refundedCents !== paid.refundedCents ||
      (check.status !== "PAID" &&
        (check.subtotalCents !== c.subtotalCents ||
          check.discountCents !== c.discountCents ||
          check.compCents !== c.compCents ||
          check.serviceChargeCents !== c.serviceChargeCents ||
          check.deliveryFeeCents !== c.deliveryFeeCents ||
          check.taxCents !== c.taxCents ||
          check.totalCents !== c.totalCents ||
          JSON.stringify(check.taxLines) !== JSON.stringify(c.taxLines)));
    if (changed) await tx.check.update({ where: { id: check.id }, data: { ...figures, ...paid } });
    if (check.status !== "PAID")
      for (const d of check.discounts) {
        const amount = c.discountAmounts[d.id] ?? 0;
        if (amount !== d.amountCents)
          await tx.checkDiscount.update({ where: { id: d.id }, data: { amountCents: amount } });
      }
  }
  const paymentState = paymentStateOf(paidCents, openBalanceCents, dueCents);
  await tx.order.update({ where: { id: order.id }, data: { dueCents, paidCents, paymentState } });
  return { state, checks: computed, dueCents, paidCents, openBalanceCents, paymentState };
}
