import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import {
  approvalIfNeeded,
  approvedByDetails,
  assertPermittedOrApproved,
  auditApprovalGiven,
} from "../staff/approve-with-pin";
import { changeChecks, orderOfCheck } from "./check-ops";
import { reopenCheckSchema, type ReopenCheckInput } from "./schemas";

/**
 * Reopen a paid check of an open order (a wrong tender, an item to add): a manager, or anyone
 * taking payments with a manager's approval. Its payments stay; its figures follow the items
 * again. A closed order's checks are corrected with refunds instead (ADR 0025).
 */
export async function reopenCheck(ctx: Ctx, raw: ReopenCheckInput) {
  assertCan(ctx, "payments.take");
  const input = parseInput(reopenCheckSchema, raw);
  const approval = await approvalIfNeeded(ctx, input.approval, {
    permission: "checks.reopen",
    action: "check.reopen",
    entityType: "Check",
    entityId: input.checkId,
  });
  assertPermittedOrApproved(ctx, "checks.reopen", approval, "Only a manager can reopen a paid check");
  return changeChecks(ctx, orderOfCheck(ctx, input.checkId), async (tx, order) => {
    const check = await tx.check.findFirst({
      where: { id: input.checkId, orderId: order.id },
      select: { id: true, number: true, status: true, totalCents: true },
    });
    if (!check) throw notFound("Check");
    if (check.status !== "PAID") throw new AppError("INVALID_STATE", `Check ${check.number} is not paid`);
    await tx.check.update({ where: { id: check.id }, data: { status: "OPEN", paidAt: null } });
    await auditAs(
      ctx,
      {
        action: "check.reopened",
        entityType: "Check",
        entityId: check.id,
        details: {
          orderId: order.id,
          number: check.number,
          totalCents: check.totalCents,
          reason: input.reason,
          ...approvedByDetails(approval),
        },
      },
      tx,
    );
    await auditApprovalGiven(ctx, approval, { for: "check.reopen", entityType: "Check", entityId: check.id }, tx);
    return {
      result: { checkId: check.id },
      events: [
        {
          orderId: order.id,
          type: "check.reopened" as const,
          payload: { stationIds: [], itemIds: [], checkIds: [check.id], reason: input.reason },
        },
      ],
    };
  });
}
