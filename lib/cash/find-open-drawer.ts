import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";

/**
 * The cash drawer a cash payment (or refund) goes into: the one the acting user opened and is
 * still open, else the location's only open drawer, else none (cash is still recorded; the
 * drawer count then cannot expect it).
 */
export async function findOpenDrawerForPayment(
  tx: Tx,
  ctx: Pick<Ctx, "locationId" | "userId">,
): Promise<string | null> {
  const open = await tx.cashDrawerSession.findMany({
    where: { locationId: ctx.locationId, closedAt: null },
    select: { id: true, openedById: true },
    orderBy: { openedAt: "desc" },
  });
  return open.find((d) => d.openedById === ctx.userId)?.id ?? (open.length === 1 ? open[0]!.id : null);
}
