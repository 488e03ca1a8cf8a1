import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { assertCan } from "../auth/permissions";

/**
 * A table of this location with its open order id (another location's id → 404); `mergedIntoId`
 * names the primary whose order serves it while it is pushed against another (ADR 0033).
 */
export async function getTable(ctx: Ctx, input: { tableId: string }) {
  assertCan(ctx, "orders.read");
  const table = await db.diningTable.findFirst({
    where: { id: input.tableId, locationId: ctx.locationId },
    select: {
      id: true,
      label: true,
      seats: true,
      status: true,
      mergedIntoId: true,
      area: { select: { name: true } },
      orders: {
        where: { status: { notIn: ["CLOSED", "VOIDED"] } },
        select: { id: true },
        orderBy: { openedAt: "desc" },
        take: 1,
      },
    },
  });
  if (!table) throw notFound("Table");
  const { orders, ...rest } = table;
  return { ...rest, openOrderId: orders[0]?.id ?? null };
}
