import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { drawerFlows } from "./drawer-view";
import { cashVariance, expectedCash } from "./drawer-math";
import { getDrawer } from "./get-drawer";
import { lockOpenDrawer } from "./record-cash-movement";
import { closeDrawerSchema } from "./schemas";

/**
 * Counts and closes a session: expected cash is computed under the session's row lock (a cash
 * payment attaching at the same moment either lands before and is counted, or finds it closed),
 * then frozen on the row with the count and the variance.
 */
export async function closeDrawer(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "cash.drawer");
  const input = parseInput(closeDrawerSchema, raw);
  await db.$transaction(async (tx) => {
    const drawer = await lockOpenDrawer(tx, ctx, input.sessionId);
    const flows = (await drawerFlows(tx, ctx.locationId, [drawer.id])).get(drawer.id)!;
    const expectedCents = expectedCash(flows);
    const varianceCents = cashVariance(input.countedCents, expectedCents);
    await tx.cashDrawerSession.update({
      where: { id: drawer.id },
      data: {
        closedAt: new Date(),
        closedById: ctx.userId,
        countedCents: input.countedCents,
        expectedCents,
        varianceCents,
        note: input.note,
      },
    });
    await auditAs(
      ctx,
      {
        action: "cash.drawer.closed",
        entityType: "CashDrawerSession",
        entityId: drawer.id,
        details: {
          ...flows,
          expectedCents,
          countedCents: input.countedCents,
          varianceCents,
          counts: input.counts ?? null,
        },
      },
      tx,
    );
  });
  return getDrawer(ctx, input.sessionId);
}
