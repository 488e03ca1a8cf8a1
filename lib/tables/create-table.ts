import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import type { Tx } from "../db";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { parseInput } from "../validation";
import { clampToGrid, firstFreeSpot } from "./floor-grid";
import { publishLayoutChanged } from "./publish-layout-changed";
import { createTableSchema, type CreateTableInput } from "./table-fields";

/** An active area of this location, locked so it cannot be archived under the new table. */
export async function lockActiveArea(tx: Tx, ctx: Pick<Ctx, "locationId">, areaId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "FloorArea"
    WHERE id = ${areaId} AND "locationId" = ${ctx.locationId} AND "archivedAt" IS NULL FOR SHARE`;
  if (rows.length === 0) {
    throw new AppError("VALIDATION", "Some fields are invalid", { areaId: ["Choose an active area"] });
  }
}

/** Labels are unique per location, archived tables included (see docs/adr/0020): say which. */
export async function labelConflict(ctx: Pick<Ctx, "locationId">, label: string): Promise<AppError> {
  const other = await db.diningTable.findFirst({
    where: { locationId: ctx.locationId, label },
    select: { archivedAt: true },
  });
  return new AppError("CONFLICT", `Table ${label} exists`, {
    label: [other?.archivedAt ? `Table ${label} is archived: restore it instead` : `Table ${label} already exists`],
  });
}

/** Add a table to an area: at the given cell, or the first free spot. */
export async function createTable(ctx: Ctx, raw: CreateTableInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(createTableSchema, raw);
  try {
    const table = await db.$transaction(async (tx) => {
      await lockActiveArea(tx, ctx, input.areaId);
      let { posX, posY } = input;
      if (posX === undefined || posY === undefined) {
        const existing = await tx.diningTable.findMany({
          where: { locationId: ctx.locationId, areaId: input.areaId, archivedAt: null },
          select: { posX: true, posY: true, width: true, height: true },
        });
        ({ posX, posY } = firstFreeSpot(existing, input.width, input.height));
      }
      const box = clampToGrid({ posX, posY, width: input.width, height: input.height });
      const data = {
        areaId: input.areaId,
        label: input.label,
        seats: input.seats,
        shape: input.shape,
        rotation: input.rotation,
        ...box,
      };
      const created = await tx.diningTable.create({ data: { ...data, locationId: ctx.locationId } });
      await auditAs(
        ctx,
        { action: "floor.table.create", entityType: "DiningTable", entityId: created.id, details: { after: data } },
        tx,
      );
      return created;
    });
    publishLayoutChanged(ctx, { areaIds: [table.areaId], tableIds: [table.id] });
    return { id: table.id, posX: table.posX, posY: table.posY };
  } catch (error) {
    if (isUniqueViolation(error)) throw await labelConflict(ctx, input.label);
    throw error;
  }
}
