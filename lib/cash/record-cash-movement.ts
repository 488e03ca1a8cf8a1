import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { formatCents } from "../money";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { drawerFlows } from "./drawer-view";
import { expectedCash } from "./drawer-math";
import { getDrawer } from "./get-drawer";
import { cashMovementSchema } from "./schemas";

/** Locks an open session of this location for the rest of the transaction; 404 / 409 otherwise. */
export async function lockOpenDrawer(tx: Tx, ctx: Ctx, sessionId: string) {
  const [row] = await tx.$queryRaw<{ id: string; name: string; closedAt: Date | null }[]>`
    SELECT id, name, "closedAt" FROM "CashDrawerSession"
    WHERE id = ${sessionId} AND "locationId" = ${ctx.locationId}
    FOR UPDATE`;
  if (!row) throw notFound("Cash drawer");
  if (row.closedAt) throw new AppError("INVALID_STATE", `${row.name} is already closed`);
  return row;
}

/** A pay-in (change brought in) or pay-out (a supplier paid from the till) with its reason. */
export async function recordCashMovement(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "cash.drawer");
  const input = parseInput(cashMovementSchema, raw);
  await db.$transaction(async (tx) => {
    const drawer = await lockOpenDrawer(tx, ctx, input.sessionId);
    if (input.kind === "PAY_OUT") {
      const held = expectedCash((await drawerFlows(tx, ctx.locationId, [drawer.id])).get(drawer.id)!);
      if (input.amountCents > held)
        throw new AppError("VALIDATION", "The drawer does not hold that much", {
          amountCents: [`The drawer should hold ${formatCents(held)}; a pay-out cannot be larger`],
        });
    }
    const movement = await tx.cashMovement.create({
      data: {
        locationId: ctx.locationId,
        sessionId: drawer.id,
        kind: input.kind,
        amountCents: input.amountCents,
        reason: input.reason,
        actorId: ctx.userId,
      },
      select: { id: true },
    });
    await auditAs(
      ctx,
      {
        action: input.kind === "PAY_IN" ? "cash.drawer.pay-in" : "cash.drawer.pay-out",
        entityType: "CashDrawerSession",
        entityId: drawer.id,
        details: { movementId: movement.id, amountCents: input.amountCents, reason: input.reason },
      },
      tx,
    );
  });
  return getDrawer(ctx, input.sessionId);
}
