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
        },
      },
    },
  });
  return areas.map((a) => ({
    id: a.id,
    name: a.name,
    tables: a.tables
      .sort((x, y) => x.label.localeCompare(y.label, undefined, { numeric: true }))
      .map((t) => ({
        id: t.id,
        label: t.label,
        seats: t.seats,
        shape: t.shape,
        posX: t.posX,
        posY: t.posY,
        width: t.width,
        height: t.height,
        rotation: t.rotation,
        status: t.status,
        statusAt: t.statusAt,
        openOrder: t.orders[0] ?? null,
      })),
  }));
}

export type FloorArea = Awaited<ReturnType<typeof listFloor>>[number];
