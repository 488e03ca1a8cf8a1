import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { isUniqueViolation, notFound } from "../errors";
import { parseInput } from "../validation";
import { labelConflict, lockActiveArea } from "./create-table";
import { clampToGrid } from "./floor-grid";
import { publishLayoutChanged } from "./publish-layout-changed";
import { updateTableSchema, type UpdateTableInput } from "./table-fields";

/**
 * Change a table: a drag (posX/posY), a turn (rotation), the form (label, seats, shape, size) or
 * a move to another area. The result always fits the room; the audit keeps what changed.
 */
export async function updateTable(ctx: Ctx, raw: UpdateTableInput) {
  assertCan(ctx, "setup.manage");
  const { id, changes } = parseInput(updateTableSchema, raw);
  try {
    const result = await db.$transaction(async (tx) => {
      const before = await tx.diningTable.findFirst({
        where: { id, locationId: ctx.locationId },
        select: {
          id: true,
          areaId: true,
          label: true,
          seats: true,
          shape: true,
          posX: true,
          posY: true,
          width: true,
          height: true,
          rotation: true,
        },
      });
      if (!before) throw notFound("Table");
      if (changes.areaId && changes.areaId !== before.areaId) await lockActiveArea(tx, ctx, changes.areaId);
      const merged = { ...before, ...changes };
      const after = { ...merged, ...clampToGrid(merged) };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
      if (changed.length === 0) return { table: after, changed };
      const { id: _id, ...data } = after;
      await tx.diningTable.update({ where: { id }, data });
      await auditAs(
        ctx,
        {
          action: "floor.table.update",
          entityType: "DiningTable",
          entityId: id,
          details: {
            before: Object.fromEntries(changed.map((k) => [k, before[k]])),
            after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          },
        },
        tx,
      );
      return { table: after, changed, fromArea: before.areaId };
    });
    if (result.changed.length > 0) {
      publishLayoutChanged(ctx, {
        areaIds: [result.table.areaId, result.fromArea ?? result.table.areaId],
        tableIds: [id],
      });
    }
    return result.table;
  } catch (error) {
    if (isUniqueViolation(error) && changes.label) throw await labelConflict(ctx, changes.label);
    throw error;
  }
}
