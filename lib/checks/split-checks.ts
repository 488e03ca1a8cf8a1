import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import { changeableCheck, changeChecks, checksEvent, createCheck, placedState, voidEmptyChecks } from "./check-ops";
import type { CheckState } from "./load-check-state";
import { splitChecksSchema, type SplitChecksInput } from "./schemas";

/**
 * Split an order's bill. By seat: every open check without payments is regrouped into one check
 * per seat (items without a seat stay on the first). Evenly: one check becomes N checks and every
 * line on it is shared N ways (cents by largest remainder, ADR 0025). Paid checks never move.
 */
export async function splitChecks(ctx: Ctx, raw: SplitChecksInput) {
  assertCan(ctx, "checks.manage");
  const input = parseInput(splitChecksSchema, raw);
  return changeChecks(ctx, input.orderId, async (tx) => {
    const state = await placedState(tx, ctx, input.orderId);
    const touched = input.by === "seat" ? await bySeat(tx, ctx, state) : await evenly(tx, ctx, state, input);
    const voided = await voidEmptyChecks(tx, input.orderId);
    await auditAs(
      ctx,
      {
        action: "checks.split",
        entityType: "Order",
        entityId: input.orderId,
        details: { by: input.by, ...(input.by === "even" ? { ways: input.ways } : {}), checkIds: touched, voided },
      },
      tx,
    );
    return { result: { orderId: input.orderId, checkIds: touched }, events: [checksEvent(input.orderId, touched)] };
  });
}

async function bySeat(tx: Tx, ctx: Ctx, state: CheckState): Promise<string[]> {
  const free = state.checks.filter((c) => c.status === "OPEN" && c.payments.length === 0);
  if (free.length === 0) throw new AppError("INVALID_STATE", "Every check has payments; nothing left to split");
  const freeIds = new Set(free.map((c) => c.id));
  // Items wholly on free checks move; an item shared with a paid or part-paid check stays put.
  const movable = state.items.filter((i) => {
    if (i.status === "VOIDED") return false;
    const holders = state.checks.filter((c) => c.status !== "VOIDED" && c.lines.some((l) => l.orderItemId === i.id));
    return holders.length > 0 && holders.every((c) => freeIds.has(c.id));
  });
  if (movable.length === 0) throw new AppError("INVALID_STATE", "No items to split");
  const seats = [...new Set(movable.map((i) => i.seat ?? 0))].sort((a, b) => a - b);
  if (seats.length < 2)
    throw new AppError(
      "INVALID_STATE",
      seats[0] === 0 ? "No item has a seat; split evenly or move items instead" : "Every item is on the same seat",
    );
  const targets = new Map<number, { id: string }>();
  const reusable = [...free].sort((a, b) => a.number - b.number);
  for (const seat of seats) {
    const label = seat === 0 ? "Table" : `Seat ${seat}`;
    const reuse = reusable.shift();
    if (reuse) {
      await tx.check.update({ where: { id: reuse.id }, data: { label } });
      targets.set(seat, reuse);
    } else targets.set(seat, await createCheck(tx, ctx, state, label));
  }
  await tx.checkLine.deleteMany({
    where: { orderItemId: { in: movable.map((i) => i.id) }, checkId: { in: [...freeIds] } },
  });
  await tx.checkLine.createMany({
    data: movable.map((i) => ({ checkId: targets.get(i.seat ?? 0)!.id, orderItemId: i.id, parts: 1 })),
  });
  // Line discounts follow their line; check-wide ones stay on their check.
  for (const i of movable)
    await tx.checkDiscount.updateMany({
      where: { orderItemId: i.id, removedAt: null, checkId: { in: [...freeIds] } },
      data: { checkId: targets.get(i.seat ?? 0)!.id },
    });
  return [...targets.values()].map((t) => t.id);
}

async function evenly(
  tx: Tx,
  ctx: Ctx,
  state: CheckState,
  input: { checkId?: string; ways: number },
): Promise<string[]> {
  const open = state.checks.filter((c) => c.status === "OPEN" && c.payments.length === 0);
  const sourceId = input.checkId ?? (open.length === 1 ? open[0]!.id : undefined);
  if (!sourceId) throw new AppError("VALIDATION", "Choose the check to split", { checkId: ["Choose a check"] });
  const source = changeableCheck(state, sourceId, "split");
  if (source.lines.length === 0) throw new AppError("INVALID_STATE", `Check ${source.number} is empty`);
  const most = Math.max(...state.checks.flatMap((c) => c.lines.map((l) => l.parts)));
  if (most * input.ways > 1000) throw new AppError("INVALID_STATE", "These items are already split too finely");
  const made = [];
  for (let i = 1; i < input.ways; i++) made.push(await createCheck(tx, ctx, state));
  // Item on the source with p of T parts: other holders ×N, the source keeps p, each new check p → T×N parts.
  for (const line of source.lines) {
    for (const other of state.checks)
      if (other.id !== source.id)
        for (const l of other.lines)
          if (l.orderItemId === line.orderItemId)
            await tx.checkLine.update({
              where: { checkId_orderItemId: { checkId: other.id, orderItemId: l.orderItemId } },
              data: { parts: l.parts * input.ways },
            });
  }
  await tx.checkLine.createMany({
    data: made.flatMap((m) => source.lines.map((l) => ({ checkId: m.id, orderItemId: l.orderItemId, parts: l.parts }))),
  });
  return [source.id, ...made.map((m) => m.id)];
}
