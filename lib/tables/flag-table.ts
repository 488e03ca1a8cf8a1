import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput, idSchema } from "../validation";
import { publishChange } from "../realtime/publish";
import { tableStatusFor } from "../orders/order-state";
import { assertCan } from "../auth/permissions";

export const flagTableSchema = z.object({ tableId: idSchema, attention: z.boolean() });
export type FlagTableInput = z.input<typeof flagTableSchema>;

/**
 * "Needs attention" (a guest waved, a complaint): shown on every tablet until cleared. Clearing
 * puts back the status the table's order implies. Not an order event (no seq): floor only.
 */
export async function flagTable(ctx: Ctx, raw: FlagTableInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(flagTableSchema, raw);
  const table = await db.diningTable.findFirst({
    where: { id: input.tableId, locationId: ctx.locationId },
    select: {
      id: true,
      orders: {
        where: { status: { notIn: ["CLOSED", "VOIDED"] } },
        select: { id: true, status: true, _count: { select: { items: { where: { status: "READY" } } } } },
        take: 1,
        orderBy: { openedAt: "desc" },
      },
    },
  });
  if (!table) throw notFound("Table");
  const order = table.orders[0] ?? null;
  const status = input.attention
    ? "NEEDS_ATTENTION"
    : tableStatusFor(order?.status ?? null, { foodWaiting: (order?._count.items ?? 0) > 0 });
  await db.diningTable.update({ where: { id: table.id }, data: { status, statusAt: new Date() } });
  await publishChange({
    locationId: ctx.locationId,
    events: [],
    tables: [{ tableId: table.id, status, orderId: order?.id ?? null, seq: null }],
  });
  return { tableId: table.id, status };
}
