import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { publishChange } from "../realtime/publish";
import { idSchema, parseInput } from "../validation";
import { publishLayoutChanged } from "./publish-layout-changed";
import { partGroup } from "./table-groups";

export const clearTableSchema = z.object({ tableId: idSchema });
export type ClearTableInput = z.input<typeof clearTableSchema>;

/**
 * The table was cleared and reset after a paid party left (Location.bussingStep): it turns FREE,
 * and a group of tables pushed together for that party parts (any of its tables may be tapped).
 */
export async function clearTable(ctx: Ctx, raw: ClearTableInput) {
  assertCan(ctx, "floor.use");
  const input = parseInput(clearTableSchema, raw);
  const { tableId, parted } = await db.$transaction(async (tx) => {
    const probe = await tx.diningTable.findFirst({
      where: { id: input.tableId, locationId: ctx.locationId },
      select: { mergedIntoId: true },
    });
    if (!probe) throw notFound("Table");
    const tableId = probe.mergedIntoId ?? input.tableId;
    const updated = await tx.diningTable.updateMany({
      where: { id: tableId, locationId: ctx.locationId, status: "NEEDS_BUSSING" },
      data: { status: "FREE", statusAt: new Date() },
    });
    if (updated.count === 0) throw new AppError("INVALID_STATE", "This table is not waiting to be cleared");
    return { tableId, parted: await partGroup(tx, ctx, tableId) };
  });
  await publishChange({
    locationId: ctx.locationId,
    events: [],
    tables: [{ tableId, status: "FREE", orderId: null, seq: null }],
  });
  if (parted.length) publishLayoutChanged(ctx, { tableIds: [tableId, ...parted] });
  return { tableId, status: "FREE" as const, partedIds: parted };
}
