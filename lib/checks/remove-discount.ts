import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan, can } from "../auth/permissions";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import { changeChecks, checksEvent } from "./check-ops";
import { removeDiscountSchema, type RemoveDiscountInput } from "./schemas";

/** Take a discount off an open check (its row stays, marked removed). Others' discounts: a manager. */
export async function removeDiscount(ctx: Ctx, raw: RemoveDiscountInput) {
  assertCan(ctx, "checks.discount");
  const input = parseInput(removeDiscountSchema, raw);
  const find = (tx: Parameters<Parameters<typeof changeChecks>[1] & object>[0]) =>
    tx.checkDiscount.findFirst({
      where: { id: input.discountId, locationId: ctx.locationId, removedAt: null },
      select: {
        id: true,
        checkId: true,
        createdById: true,
        amountCents: true,
        reason: true,
        check: { select: { orderId: true, status: true, number: true } },
      },
    });
  return changeChecks(
    ctx,
    async (tx) => {
      const d = await find(tx);
      if (!d) throw notFound("Discount");
      return d.check.orderId;
    },
    async (tx, order) => {
      const d = await find(tx);
      if (!d) throw notFound("Discount");
      if (d.check.status !== "OPEN")
        throw new AppError("INVALID_STATE", `Check ${d.check.number} is paid; reopen it first`);
      if (d.createdById !== ctx.userId && !can(ctx, "checks.discountAny"))
        throw new AppError("FORBIDDEN", "Only a manager can take off someone else's discount");
      await tx.checkDiscount.update({ where: { id: d.id }, data: { removedAt: new Date(), removedById: ctx.userId } });
      await auditAs(
        ctx,
        {
          action: "check.discount_removed",
          entityType: "Check",
          entityId: d.checkId,
          details: { discountId: d.id, reason: d.reason, amountCents: d.amountCents, orderId: order.id },
        },
        tx,
      );
      return { result: { discountId: d.id, checkId: d.checkId }, events: [checksEvent(order.id, [d.checkId])] };
    },
  );
}
