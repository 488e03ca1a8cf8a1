import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";
import { assertRole, ORDER_READERS } from "./permissions";
import { listOrdersSchema, type ListOrdersInput } from "./schemas";

/** Orders of this location, newest first; "ACTIVE" = not closed or voided. */
export async function listOrders(ctx: Ctx, raw: ListOrdersInput = {}) {
  assertRole(ctx, ORDER_READERS);
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
