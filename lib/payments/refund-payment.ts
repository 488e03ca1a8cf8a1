import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { AppError, notFound } from "../errors";
import { formatCents } from "../money";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import {
  approvalIfNeeded,
  approvedByDetails,
  assertPermittedOrApproved,
  auditApprovalGiven,
} from "../staff/approve-with-pin";
import { findOpenDrawerForPayment } from "../cash/find-open-drawer";
import { changeChecks } from "../checks/check-ops";
import { refundPaymentSchema, type RefundPaymentInput } from "../checks/schemas";

/**
 * Refund a payment, fully or partly (amount and/or tip), with a reason. A manager's own, or a
 * cashier's with a manager's approval on the same device. The check keeps its frozen figures;
 * what it collected falls by the refund, and the end-of-day report counts it on the day it happens.
 */
export async function refundPayment(ctx: Ctx, raw: RefundPaymentInput) {
  assertCan(ctx, "payments.take");
  const input = parseInput(refundPaymentSchema, raw);
  const approval = await approvalIfNeeded(ctx, input.approval, {
    permission: "payments.refund",
    action: "payment.refund",
    entityType: "Payment",
    entityId: input.paymentId,
  });
  assertPermittedOrApproved(ctx, "payments.refund", approval, "Only a manager can refund a payment");
  const find = (tx: Parameters<Parameters<typeof changeChecks>[1] & object>[0]) =>
    tx.payment.findFirst({
      where: { id: input.paymentId, locationId: ctx.locationId },
      select: {
        id: true,
        orderId: true,
        checkId: true,
        tender: true,
        amountCents: true,
        tipCents: true,
        refundedCents: true,
        refundedTipCents: true,
      },
    });
  return changeChecks(
    ctx,
    async (tx) => {
      const p = await find(tx);
      if (!p) throw notFound("Payment");
      return p.orderId;
    },
    async (tx, order) => {
      const p = (await find(tx))!;
      const amountLeft = p.amountCents - p.refundedCents;
      const tipLeft = p.tipCents - p.refundedTipCents;
      if (input.amountCents > amountLeft)
        throw new AppError("VALIDATION", `At most ${formatCents(amountLeft)} of this payment can be refunded`, {
          amountCents: [`At most ${formatCents(amountLeft)}`],
        });
      if (input.tipCents > tipLeft)
        throw new AppError("VALIDATION", `At most ${formatCents(tipLeft)} of the tip can be refunded`, {
          tipCents: [`At most ${formatCents(tipLeft)}`],
        });
      const refund = await tx.refund.create({
        data: {
          locationId: ctx.locationId,
          paymentId: p.id,
          amountCents: input.amountCents,
          tipCents: input.tipCents,
          reason: input.reason,
          createdById: ctx.userId,
          approvedById: approval?.approverId ?? null,
          drawerSessionId: p.tender === "CASH" ? await findOpenDrawerForPayment(tx, ctx) : null,
        },
        select: { id: true },
      });
      await tx.payment.update({
        where: { id: p.id },
        data: { refundedCents: { increment: input.amountCents }, refundedTipCents: { increment: input.tipCents } },
      });
      await auditAs(
        ctx,
        {
          action: "payment.refunded",
          entityType: "Payment",
          entityId: p.id,
          details: {
            orderId: order.id,
            checkId: p.checkId,
            refundId: refund.id,
            tender: p.tender,
            amountCents: input.amountCents,
            tipCents: input.tipCents,
            reason: input.reason,
            ...approvedByDetails(approval),
          },
        },
        tx,
      );
      await auditApprovalGiven(
        ctx,
        approval,
        {
          for: "payment.refund",
          entityType: "Payment",
          entityId: p.id,
          details: { amountCents: input.amountCents + input.tipCents },
        },
        tx,
      );
      return {
        result: { refundId: refund.id, paymentId: p.id, amountCents: input.amountCents, tipCents: input.tipCents },
        events: [
          {
            orderId: order.id,
            type: "payment.refunded" as const,
            payload: {
              stationIds: [],
              itemIds: [],
              checkIds: [p.checkId],
              paymentId: p.id,
              ...(approval ? { approvedById: approval.approverId } : {}),
            },
          },
        ],
      };
    },
    { open: false },
  );
}
