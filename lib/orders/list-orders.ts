import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";
import { listOrdersSchema, type ListOrdersInput } from "./schemas";
import { assertCan } from "../auth/permissions";

/** Orders of this location, newest first; "ACTIVE" = not closed or voided. */
export async function listOrders(ctx: Ctx, raw: ListOrdersInput = {}) {
  assertCan(ctx, "orders.read");
  const input = parseInput(listOrdersSchema, raw);
  const orders = await db.order.findMany({
    where: {
      locationId: ctx.locationId,
      ...(input.status === "ACTIVE" ? { status: { notIn: ["CLOSED", "VOIDED"] } } : { status: input.status }),
      ...(input.tableId ? { tableId: input.tableId } : {}),
    },
    orderBy: { openedAt: "desc" },
    take: input.limit,
    select: {
      id: true,
      number: true,
      status: true,
      guestCount: true,
      subtotalCents: true,
      taxCents: true,
      totalCents: true,
      openedAt: true,
      table: { select: { id: true, label: true } },
      server: { select: { id: true, name: true } },
      _count: { select: { items: true } },
    },
  });
  return orders.map(({ _count, ...o }) => ({ ...o, itemCount: _count.items }));
}
