import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { tableGuestUrl } from "../tables/table-url";

/** The table's live guest session for the tablet: PIN, mode, who joined, the QR link. Null when none. */
export async function getTableGuestSession(ctx: Ctx, tableId: string) {
  assertCan(ctx, "orders.take");
  const table = await db.diningTable.findFirst({
    where: { id: tableId, locationId: ctx.locationId },
    select: { id: true, mergedIntoId: true, qrToken: true },
  });
  if (!table) throw notFound("Table");
  const primaryId = table.mergedIntoId ?? table.id;
  const session = await db.guestSession.findFirst({
    where: { tableId: primaryId, status: "ACTIVE", expiresAt: { gt: new Date() } },
    select: {
      id: true,
      pin: true,
      cartMode: true,
      createdAt: true,
      table: { select: { qrToken: true, label: true } },
      members: { orderBy: { joinedAt: "asc" }, select: { id: true, nickname: true } },
      _count: { select: { submissions: { where: { status: "PENDING_APPROVAL" } } } },
    },
  });
  if (!session) return null;
  return {
    id: session.id,
    pin: session.pin,
    mode: session.cartMode,
    createdAt: session.createdAt,
    tableLabel: session.table.label,
    members: session.members,
    pendingSubmissions: session._count.submissions,
    guestUrl: tableGuestUrl(session.table.qrToken),
  };
}
