import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";

/**
 * The drawer a cash payment (or cash refund) goes into: the open session the acting user opened,
 * else the location's only open session, else null (the payment is then in no drawer).
 * The session row is locked FOR SHARE until the caller's transaction ends, so a close counting
 * the drawer at the same moment waits for this payment and includes it — or the payment sees the
 * drawer closed and does not attach to it.
 */
export async function findOpenDrawerForPayment(
  tx: Tx,
  ctx: Pick<Ctx, "userId" | "locationId">,
): Promise<string | null> {
  const open = await tx.$queryRaw<{ id: string; mine: boolean }[]>`
    SELECT id, ("openedById" = ${ctx.userId}) AS mine
    FROM "CashDrawerSession"
    WHERE "locationId" = ${ctx.locationId} AND "closedAt" IS NULL
    ORDER BY ("openedById" = ${ctx.userId}) DESC, "openedAt" DESC
    FOR SHARE`;
  const mine = open.find((s) => s.mine);
  if (mine) return mine.id;
  return open.length === 1 ? open[0].id : null;
}
