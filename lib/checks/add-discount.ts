import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { AppError, notFound } from "../errors";
import { formatCents } from "../money";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import { approvalIfNeeded, approvedByDetails, auditApprovalGiven } from "../staff/approve-with-pin";
import { computeChecks } from "./check-math";
import { changeableCheck, changeChecks, checksEvent, orderOfCheck, placedState } from "./check-ops";
import { discountLimitFor, readDiscountLimits } from "./discount-limits";
import { mathInput } from "./load-check-state";
import { addDiscountSchema, type AddDiscountInput } from "./schemas";

/**
 * Discount or comp a check or one of its lines, with a reason from the location's list. Above the
 * acting role's limit it needs a manager's approval typed on the same device (PIN or password,
 * `input.approval`), verified before the transaction; both people are audited.
 */
export async function addDiscount(ctx: Ctx, raw: AddDiscountInput) {
  assertCan(ctx, "checks.discount");
  const input = parseInput(addDiscountSchema, raw);
  const approval = await approvalIfNeeded(ctx, input.approval, {
    permission: "checks.discountAny",
    action: "check.discount",
    entityType: "Check",
    entityId: input.checkId,
  });
  return changeChecks(ctx, orderOfCheck(ctx, input.checkId), async (tx, order) => {
    const reason = await tx.discountReason.findFirst({
      where: { id: input.reasonId, locationId: ctx.locationId, archivedAt: null },
      select: { name: true, comp: true },
    });
    if (!reason) throw new AppError("VALIDATION", "Choose a reason", { reasonId: ["Choose a reason from the list"] });
    const state = await placedState(tx, ctx, order.id);
    const check = changeableCheck(state, input.checkId, "discount");
    if (input.orderItemId && !check.lines.some((l) => l.orderItemId === input.orderItemId))
      throw notFound("Item on this check");
    const created = await tx.checkDiscount.create({
      data: {
        locationId: ctx.locationId,
        checkId: check.id,
        orderItemId: input.orderItemId ?? null,
        kind: input.kind,
        value: input.value,
        comp: reason.comp,
        reason: reason.name,
        createdById: ctx.userId,
      },
      select: { id: true },
    });
    // What it takes off once applied after the check's other discounts.
    const after = computeChecks(
      mathInput({
        ...state,
        checks: state.checks.map((c) =>
          c.id === check.id
            ? {
                ...c,
                discounts: [
                  ...c.discounts,
                  {
                    id: created.id,
                    orderItemId: input.orderItemId ?? null,
                    kind: input.kind,
                    value: input.value,
                    comp: reason.comp,
                    reason: reason.name,
                    amountCents: 0,
                    createdById: ctx.userId,
                    approvedById: null,
                    createdAt: new Date(),
                  },
                ],
              }
            : c,
        ),
      }),
    );
    const amount = after.find((c) => c.checkId === check.id)?.discountAmounts[created.id] ?? 0;
    if (amount === 0) throw new AppError("INVALID_STATE", "Nothing left to discount on this check");
    const location = await tx.location.findUniqueOrThrow({
      where: { id: ctx.locationId },
      select: { discountLimits: true },
    });
    const limit = discountLimitFor(ctx.role, readDiscountLimits(location.discountLimits));
    const needsApproval = amount > limit;
    if (needsApproval && !approval)
      throw new AppError(
        "FORBIDDEN",
        `${formatCents(amount)} is above your limit of ${formatCents(Number.isFinite(limit) ? limit : 0)}: a manager must approve`,
        undefined,
        { approvalRequired: true, amountCents: amount },
      );
    const approvedBy = needsApproval ? approval : null;
    if (approvedBy)
      await tx.checkDiscount.update({ where: { id: created.id }, data: { approvedById: approvedBy.approverId } });
    await auditAs(
      ctx,
      {
        action: reason.comp ? "check.comp" : "check.discount",
        entityType: "Check",
        entityId: check.id,
        details: {
          orderId: order.id,
          discountId: created.id,
          orderItemId: input.orderItemId ?? null,
          kind: input.kind,
          value: input.value,
          amountCents: amount,
          reason: reason.name,
          ...approvedByDetails(approvedBy),
        },
      },
      tx,
    );
    await auditApprovalGiven(
      ctx,
      approvedBy,
      {
        for: reason.comp ? "check.comp" : "check.discount",
        entityType: "Check",
        entityId: check.id,
        details: { amountCents: amount },
      },
      tx,
    );
    return {
      result: {
        discountId: created.id,
        checkId: check.id,
        amountCents: amount,
        approvedById: approvedBy?.approverId ?? null,
      },
      events: [checksEvent(order.id, [check.id], approvedBy ? { approvedById: approvedBy.approverId } : {})],
    };
  });
}
