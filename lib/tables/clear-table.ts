import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { publishChange } from "../realtime/publish";
import { idSchema, parseInput } from "../validation";

export const clearTableSchema = z.object({ tableId: idSchema });
export type ClearTableInput = z.input<typeof clearTableSchema>;

/** The table was cleared and reset after a paid party left (Location.bussingStep): it turns FREE. */
export async function clearTable(ctx: Ctx, raw: ClearTableInput) {
  assertCan(ctx, "floor.use");
  const input = parseInput(clearTableSchema, raw);
  const updated = await db.diningTable.updateMany({
    where: { id: input.tableId, locationId: ctx.locationId, status: "NEEDS_BUSSING" },
    data: { status: "FREE", statusAt: new Date() },
  });
  if (updated.count === 0) {
    const exists = await db.diningTable.count({ where: { id: input.tableId, locationId: ctx.locationId } });
    if (!exists) throw notFound("Table");
    throw new AppError("INVALID_STATE", "This table is not waiting to be cleared");
  }
  await publishChange({
    locationId: ctx.locationId,
    events: [],
    tables: [{ tableId: input.tableId, status: "FREE", orderId: null, seq: null }],
  });
  return { tableId: input.tableId, status: "FREE" as const };
}
