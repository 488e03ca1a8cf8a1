import "server-only";
import type { Ctx } from "../auth/context";
import { auditAs } from "../audit/record-audit";
import { findOpenDrawerForPayment } from "../cash/find-open-drawer";
import { placedState } from "../checks/check-ops";
import { paidOf } from "../checks/load-check-state";
import { refreshChecks } from "../checks/refresh-checks";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import { formatCents } from "../money";
import type { LockedOrder } from "../orders/lock-order";
import { paymentProviderFor } from "./payment-provider";

export type Tender = "CASH" | "CARD" | "HOUSE_ACCOUNT";

export type CheckPayment = {
  checkId: string;
  tender: Tender;
  amountCents: number;
  tipCents: number;
  tenderedCents?: number;
  cardBrand?: string;
  cardLast4?: string;
  reference?: string;
  idempotencyKey: string;
  /** Taken at the door by a driver on this shift: no drawer, the driver's cash-up counts it. */
  driverShiftId?: string;
};

export type TakenPayment = {
  paymentId: string;
  checkId: string;
  checkNumber: number;
  tender: Tender;
  amountCents: number;
  tipCents: number;
  changeCents: number;
  /** What the check still owes after this payment. */
  balanceCents: number;
  checkPaid: boolean;
};

/**
 * The one place a payment lands on a check, inside the caller's transaction with the order row
 * locked (lockOrder): the checks are brought up to date, the balance read, the card taken, the
 * Payment written (cash into the open drawer, or to the driver's shift), a covered check frozen as
 * PAID, and the payment audited. Only cash may exceed the balance, as change. The caller settles
 * the order and records its events (recordPayment at the till, markDelivered at the door,
 * handOverOnlineOrder at the counter).
 */
export async function takeCheckPayment(tx: Tx, ctx: Ctx, order: LockedOrder, p: CheckPayment): Promise<TakenPayment> {
  if (order.status === "VOIDED") throw new AppError("INVALID_STATE", `Order #${order.number} is voided`);
  await placedState(tx, ctx, order.id);
  const now = await refreshChecks(tx, order);
  const check = now.state.checks.find((c) => c.id === p.checkId);
  const figures = now.checks.find((c) => c.checkId === p.checkId);
  if (!check || !figures || check.status === "VOIDED") throw notFound("Check");
  const balance = figures.totalCents - paidOf(check.payments).paidCents;
  if (check.status === "PAID" || balance <= 0)
    throw new AppError("INVALID_STATE", `Check ${check.number} is already paid`);

  let amount = p.amountCents;
  let tendered: number | null = null;
  if (p.tender === "CASH") {
    tendered = p.tenderedCents ?? p.amountCents;
    amount = Math.min(amount, balance);
  } else if (amount > balance) {
    throw new AppError("VALIDATION", `More than the balance of ${formatCents(balance)}`, {
      amountCents: [`The check owes ${formatCents(balance)}; only cash can be more (change)`],
    });
  }
  const changeCents = tendered === null ? 0 : tendered - amount;
  const card =
    p.tender === "CARD"
      ? await paymentProviderFor(ctx.locationId).takeCard({
          locationId: ctx.locationId,
          amountCents: amount,
          tipCents: p.tipCents,
          keyed: { cardBrand: p.cardBrand, cardLast4: p.cardLast4, reference: p.reference },
          idempotencyKey: p.idempotencyKey,
        })
      : null;
  const atTheDoor = p.driverShiftId !== undefined;
  const payment = await tx.payment.create({
    data: {
      locationId: ctx.locationId,
      orderId: order.id,
      checkId: check.id,
      tender: p.tender,
      amountCents: amount,
      tipCents: p.tipCents,
      tenderedCents: tendered,
      changeCents,
      provider: card?.provider ?? "house",
      cardBrand: card?.cardBrand ?? null,
      cardLast4: card?.cardLast4 ?? null,
      reference: card?.reference ?? p.reference ?? null,
      drawerSessionId: p.tender === "CASH" && !atTheDoor ? await findOpenDrawerForPayment(tx, ctx) : null,
      driverShiftId: p.driverShiftId ?? null,
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
        deliveryFeeCents: figures.deliveryFeeCents,
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
        orderId: order.id,
        checkId: check.id,
        checkNumber: check.number,
        tender: p.tender,
        amountCents: amount,
        tipCents: p.tipCents,
        changeCents,
        ...(atTheDoor ? { driverShiftId: p.driverShiftId } : {}),
        ...(card ? { cardBrand: card.cardBrand, cardLast4: card.cardLast4, reference: card.reference } : {}),
      },
    },
    tx,
  );
  return {
    paymentId: payment.id,
    checkId: check.id,
    checkNumber: check.number,
    tender: p.tender,
    amountCents: amount,
    tipCents: p.tipCents,
    changeCents,
    balanceCents: Math.max(0, balance - amount),
    checkPaid: paidNow,
  };
}

/** The order's checks that still owe money, in check order, with what each owes. */
export async function checksOwing(
  tx: Tx,
  order: LockedOrder,
): Promise<{ checkId: string; number: number; balanceCents: number }[]> {
  const now = await refreshChecks(tx, order);
  return now.state.checks
    .filter((c) => c.status === "OPEN")
    .map((c) => {
      const figures = now.checks.find((f) => f.checkId === c.id);
      return {
        checkId: c.id,
        number: c.number,
        balanceCents: (figures?.totalCents ?? 0) - paidOf(c.payments).paidCents,
      };
    })
    .filter((c) => c.balanceCents > 0)
    .sort((a, b) => a.number - b.number);
}
