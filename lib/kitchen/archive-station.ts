import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { archiveSchema, type ArchiveInput } from "../tables/table-fields";
import { assertNotRouted } from "./save-station";

/**
 * Archive a station (kept for the tickets and reports that name it; off the kitchen picker and
 * the routing choices) or restore it. Refused while dishes route to it or it has live tickets.
 */
export async function archiveStation(ctx: Ctx, raw: ArchiveInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(archiveSchema, raw);
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT id, name FROM "KitchenStation" WHERE id = ${input.id} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
    const station = rows[0];
    if (!station) throw notFound("Station");
    if (input.archived) {
      await assertNotRouted(tx, ctx, station.id);
      const live = await tx.orderItem.count({
        where: { locationId: ctx.locationId, stationId: station.id, status: "SENT", bumpedAt: null },
      });
      if (live > 0)
        throw new AppError("INVALID_STATE", `${station.name} has ${live} live ticket items: bump them first`);
    }
    await tx.kitchenStation.update({
      where: { id: station.id },
      data: { archivedAt: input.archived ? new Date() : null },
    });
    await auditAs(
      ctx,
      {
        action: input.archived ? "kitchen.station.archive" : "kitchen.station.restore",
        entityType: "KitchenStation",
        entityId: station.id,
        details: { name: station.name },
      },
      tx,
    );
  });
  return { id: input.id, archived: input.archived };
}
