import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { assertCan } from "../auth/permissions";

/** Active floor areas with their active tables and each table's open order (if any). */
export async function listFloor(ctx: Ctx) {
  assertCan(ctx, "orders.read");
  const areas = await db.floorArea.findMany({
    where: { locationId: ctx.locationId, archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: {
      tables: {
        where: { archivedAt: null },
        orderBy: { label: "asc" },
        include: {
          orders: {
            where: { status: { notIn: ["CLOSED", "VOIDED"] } },
            select: {
              id: true,
              number: true,
              status: true,
              totalCents: true,
              // The tile's payment badge (partly paid / paid): checks' total and what payments cover.
              dueCents: true,
              paidCents: true,
              paymentState: true,
              guestCount: true,
              openedAt: true,
              server: { select: { name: true } },
            },
            take: 1,
            orderBy: { openedAt: "desc" },
          },
          // A guest ordering session by QR (ADR 0034): the tile shows a phone badge.
          guestSessions: { where: { status: "ACTIVE" }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  const all = areas.flatMap((a) => a.tables);
  const byId = new Map(all.map((t) => [t.id, t]));
  const byLabel = (x: { label: string }, y: { label: string }) =>
    x.label.localeCompare(y.label, undefined, { numeric: true });
  return areas.map((a) => ({
    id: a.id,
    name: a.name,
    tables: a.tables.sort(byLabel).map((t) => {
      // A table pushed against another shows the primary's party and order (ADR 0033).
      const primary = (t.mergedIntoId && byId.get(t.mergedIntoId)) || t;
      const members = all.filter((x) => x.id === primary.id || x.mergedIntoId === primary.id).sort(byLabel);
      return {
        id: t.id,
        label: t.label,
        seats: t.seats,
        shape: t.shape,
        posX: t.posX,
        posY: t.posY,
        width: t.width,
        height: t.height,
        rotation: t.rotation,
        status: primary.status,
        statusAt: primary.statusAt,
        openOrder: primary.orders[0] ?? null,
        guestOrdering: primary.guestSessions.length > 0,
        group: members.length > 1 ? { primaryId: primary.id, labels: members.map((m) => m.label) } : null,
      };
    }),
  }));
}

export type FloorArea = Awaited<ReturnType<typeof listFloor>>[number];
