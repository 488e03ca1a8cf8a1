import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import { changeableCheck, changeChecks, checksEvent, placedState } from "./check-ops";
import { mergeChecksSchema, type MergeChecksInput } from "./schemas";

/** Merge one check into another: its lines (shares added up) and discounts move, it is voided. */
export async function mergeChecks(ctx: Ctx, raw: MergeChecksInput) {
  assertCan(ctx, "checks.manage");
  const input = parseInput(mergeChecksSchema, raw);
  if (input.fromCheckId === input.intoCheckId)
    throw new AppError("VALIDATION", "Choose two different checks", { intoCheckId: ["Choose another check"] });
  return changeChecks(ctx, input.orderId, async (tx) => {
    const state = await placedState(tx, ctx, input.orderId);
    const from = changeableCheck(state, input.fromCheckId, "merge");
    const into = changeableCheck(state, input.intoCheckId, "merge");
    for (const line of from.lines) {
      const there = into.lines.find((l) => l.orderItemId === line.orderItemId);
      if (there)
        await tx.checkLine.update({
          where: { checkId_orderItemId: { checkId: into.id, orderItemId: line.orderItemId } },
          data: { parts: there.parts + line.parts },
        });
      else await tx.checkLine.create({ data: { checkId: into.id, orderItemId: line.orderItemId, parts: line.parts } });
    }
    await tx.checkLine.deleteMany({ where: { checkId: from.id } });
    await tx.checkDiscount.updateMany({ where: { checkId: from.id, removedAt: null }, data: { checkId: into.id } });
    await tx.check.update({ where: { id: from.id }, data: { status: "VOIDED" } });
    await auditAs(
      ctx,
      {
        action: "checks.merged",
        entityType: "Order",
        entityId: input.orderId,
        details: { from: from.number, into: into.number },
      },
      tx,
    );
    return {
      result: { orderId: input.orderId, checkId: into.id },
      events: [checksEvent(input.orderId, [into.id, from.id])],
    };
  });
}
