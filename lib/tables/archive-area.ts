import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { publishLayoutChanged } from "./publish-layout-changed";
import { archiveSchema, type ArchiveInput } from "./table-fields";

/**
 * Archive an area (hidden from the floor) or restore it. Refused while it still has active
 * tables: archive or move them first, so no table disappears from the floor by accident.
 */
export async function archiveArea(ctx: Ctx, raw: ArchiveInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(archiveSchema, raw);
  await db.$transaction(async (tx) => {
    // Lock the area: a table cannot be added to it between the count and the archive.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "FloorArea" WHERE id = ${input.id} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
    if (rows.length === 0) throw notFound("Area");
    if (input.archived) {
      const active = await tx.diningTable.count({
        where: { areaId: input.id, locationId: ctx.locationId, archivedAt: null },
      });
      if (active > 0) {
        throw new AppError(
          "INVALID_STATE",
          `This area still has ${active} active table${active === 1 ? "" : "s"}: archive or move them first`,
        );
      }
    }
    await tx.floorArea.update({ where: { id: input.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await auditAs(
      ctx,
      {
        action: input.archived ? "floor.area.archive" : "floor.area.restore",
        entityType: "FloorArea",
        entityId: input.id,
      },
      tx,
    );
  });
  publishLayoutChanged(ctx, { areaIds: [input.id] });
  return { id: input.id, archived: input.archived };
}
