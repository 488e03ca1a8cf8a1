import "server-only";
import type { Actor, Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { publishGuest } from "./publish-guest";
import { closeGuestSessionSchema, type CloseGuestSessionInput } from "./schemas";

export type EndedSession = { id: string; tableId: string };

/**
 * End sessions inside the caller's transaction: their carts go, waiting submissions are declined,
 * the phones are told (publishEnded after commit). Used when staff end guest ordering and when the
 * party's order closes or is voided (lib/tables/party-left.ts).
 */
export async function endGuestSessionsInTx(
  tx: Tx,
  actor: Actor,
  where: { ids?: string[]; tableId?: string | null },
  reason: string,
): Promise<EndedSession[]> {
  const or = [
    ...(where.ids?.length ? [{ id: { in: where.ids } }] : []),
    ...(where.tableId ? [{ tableId: where.tableId }] : []),
  ];
  if (or.length === 0) return [];
  const sessions = await tx.guestSession.findMany({
    where: { locationId: actor.locationId, status: "ACTIVE", OR: or },
    select: { id: true, tableId: true },
  });
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const now = new Date();
  await tx.guestSession.updateMany({
    where: { id: { in: ids }, status: "ACTIVE" },
    data: { status: "CLOSED", closedAt: now, closedById: actor.userId, checkoutMemberId: null, checkoutUntil: null },
  });
  await tx.guestCartItem.deleteMany({ where: { sessionId: { in: ids } } });
  await tx.guestSubmission.updateMany({
    where: { sessionId: { in: ids }, status: "PENDING_APPROVAL" },
    data: { status: "REJECTED", reason: "The table's session ended", decidedAt: now, decidedById: actor.userId },
  });
  await tx.guestRequest.updateMany({
    where: { sessionId: { in: ids }, acknowledgedAt: null },
    data: { acknowledgedAt: now, acknowledgedById: actor.userId },
  });
  for (const s of sessions)
    await auditAs(
      actor,
      {
        action: "guest_session.closed",
        entityType: "GuestSession",
        entityId: s.id,
        details: { tableId: s.tableId, reason },
      },
      tx,
    );
  return sessions;
}

/** After commit: the phones show "session ended", the tablets drop the badge. */
export function publishEnded(ctx: { locationId: string; requestId?: string }, ended: readonly EndedSession[]): void {
  for (const s of ended) publishGuest(ctx, s.id, ["session"], { tableId: s.tableId, what: "session" });
}

/** Staff end guest ordering at a table (the table stays seated; phones can no longer order). */
export async function closeGuestSession(ctx: Ctx, raw: CloseGuestSessionInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(closeGuestSessionSchema, raw);
  const ended = await db.$transaction(async (tx) => {
    const table = await tx.diningTable.findFirst({
      where: { id: input.tableId, locationId: ctx.locationId },
      select: { id: true, mergedIntoId: true },
    });
    if (!table) throw notFound("Table");
    return endGuestSessionsInTx(tx, ctx, { tableId: table.mergedIntoId ?? table.id }, "ended by staff");
  });
  publishEnded(ctx, ended);
  return { closed: ended.length > 0 };
}
