import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import { changeableCheck, changeChecks, checksEvent, createCheck, placedState, voidEmptyChecks } from "./check-ops";
import { moveItemsSchema, shareItemSchema, type MoveItemsInput, type ShareItemInput } from "./schemas";

/** Move items (every share of each) onto one check, or onto a new one ("new"): split by item. */
export async function moveItems(ctx: Ctx, raw: MoveItemsInput) {
  assertCan(ctx, "checks.manage");
  const input = parseInput(moveItemsSchema, raw);
  return changeChecks(ctx, input.orderId, async (tx) => {
    const state = await placedState(tx, ctx, input.orderId);
    const target =
      input.toCheckId === "new"
        ? await createCheck(tx, ctx, state)
        : changeableCheck(state, input.toCheckId, "take items");
    const ids = [...new Set(input.orderItemIds)];
    const from = new Set<string>();
    for (const id of ids) {
      const item = state.items.find((i) => i.id === id && i.status !== "VOIDED");
      if (!item) throw notFound("Item");
      for (const c of state.checks)
        if (c.id !== target.id && c.lines.some((l) => l.orderItemId === id)) {
          changeableCheck(state, c.id, "give items");
          from.add(c.id);
        }
    }
    await tx.checkLine.deleteMany({ where: { orderItemId: { in: ids } } });
    await tx.checkLine.createMany({ data: ids.map((id) => ({ checkId: target.id, orderItemId: id, parts: 1 })) });
    await tx.checkDiscount.updateMany({
      where: { orderItemId: { in: ids }, removedAt: null },
      data: { checkId: target.id },
    });
    const voided = await voidEmptyChecks(tx, input.orderId);
    await auditAs(
      ctx,
      {
        action: "checks.items_moved",
        entityType: "Order",
        entityId: input.orderId,
        details: { itemIds: ids, toCheckId: target.id, from: [...from], voided },
      },
      tx,
    );
    return {
      result: { orderId: input.orderId, checkId: target.id },
      events: [checksEvent(input.orderId, [target.id, ...from], { itemIds: ids })],
    };
  });
}

/** Share one item equally between checks (each gets one part): two guests split a bottle. */
export async function shareItem(ctx: Ctx, raw: ShareItemInput) {
  assertCan(ctx, "checks.manage");
  const input = parseInput(shareItemSchema, raw);
  return changeChecks(ctx, input.orderId, async (tx) => {
    const state = await placedState(tx, ctx, input.orderId);
    const item = state.items.find((i) => i.id === input.orderItemId && i.status !== "VOIDED");
    if (!item) throw notFound("Item");
    const ids = [...new Set(input.checkIds)];
    if (ids.length < 2)
      throw new AppError("VALIDATION", "Share between at least 2 checks", { checkIds: ["Choose 2 or more checks"] });
    for (const id of ids) changeableCheck(state, id, "take a share");
    const holders = state.checks.filter((c) => c.lines.some((l) => l.orderItemId === item.id));
    for (const h of holders) changeableCheck(state, h.id, "give items");
    await tx.checkLine.deleteMany({ where: { orderItemId: item.id } });
    await tx.checkLine.createMany({ data: ids.map((checkId) => ({ checkId, orderItemId: item.id, parts: 1 })) });
    // A line discount belongs to one share; sharing the line takes it off (the server can add it again).
    await tx.checkDiscount.updateMany({
      where: { orderItemId: item.id, removedAt: null },
      data: { removedAt: new Date(), removedById: ctx.userId },
    });
    const voided = await voidEmptyChecks(tx, input.orderId);
    await auditAs(
      ctx,
      {
        action: "checks.item_shared",
        entityType: "OrderItem",
        entityId: item.id,
        details: { orderId: input.orderId, checkIds: ids, voided },
      },
      tx,
    );
    return {
      result: { orderId: input.orderId, checkIds: ids },
      events: [checksEvent(input.orderId, [...new Set([...ids, ...holders.map((h) => h.id)])], { itemIds: [item.id] })],
    };
  });
}
