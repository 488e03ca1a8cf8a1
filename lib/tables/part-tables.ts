import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { parseInput } from "../validation";
import { partTablesSchema, type PartTablesInput } from "./arrange-schemas";
import { publishLayoutChanged } from "./publish-layout-changed";
import { arranging, lockTables, partGroup } from "./table-groups";

/**
 * Pull a group apart (any of its tables names it): each joined table stands alone again, free;
 * the party and its order stay on the primary.
 */
export async function partTables(ctx: Ctx, raw: PartTablesInput) {
  assertCan(ctx, "tables.arrange");
  const { tableId } = parseInput(partTablesSchema, raw);
  const result = await arranging(() =>
    db.$transaction(async (tx) => {
      const probe = await tx.diningTable.findFirst({
        where: { id: tableId, locationId: ctx.locationId, archivedAt: null },
        select: { mergedIntoId: true },
      });
      if (!probe) throw notFound("Table");
      const primaryId = probe.mergedIntoId ?? tableId;
      const locked = await lockTables(tx, ctx.locationId, [primaryId]);
      const primary = locked.find((t) => t.id === primaryId);
      // The group changed between the probe and the lock (parted or re-formed): say so.
      if (!primary || primary.mergedIntoId || (probe.mergedIntoId && !locked.some((t) => t.id === tableId)))
        throw new AppError("CONFLICT", "Someone else just changed these tables; try again");
      const parted = await partGroup(tx, ctx, primaryId);
      if (parted.length === 0) throw new AppError("INVALID_STATE", `Table ${primary.label} is not joined with another`);
      await auditAs(
        ctx,
        {
          action: "tables.parted",
          entityType: "DiningTable",
          entityId: primaryId,
          details: { primary: primary.label, parted: locked.filter((t) => parted.includes(t.id)).map((t) => t.label) },
        },
        tx,
      );
      return { primaryId, areaId: primary.areaId, partedIds: parted };
    }, TX_OPTIONS),
  );
  publishLayoutChanged(ctx, { areaIds: [result.areaId], tableIds: [result.primaryId, ...result.partedIds] });
  return { primaryId: result.primaryId, partedIds: result.partedIds };
}
