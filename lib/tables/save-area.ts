import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { publishLayoutChanged } from "./publish-layout-changed";
import { areaNameSchema } from "./table-fields";

export const saveAreaSchema = z.object({ id: idSchema.optional(), name: areaNameSchema });
export type SaveAreaInput = z.input<typeof saveAreaSchema>;

/** Create an area (placed last) or rename one. Names are unique per location, archived ones included. */
export async function saveArea(ctx: Ctx, raw: SaveAreaInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(saveAreaSchema, raw);
  try {
    const id = await db.$transaction(async (tx) => {
      if (input.id) {
        const found = await tx.floorArea.findFirst({ where: { id: input.id, locationId: ctx.locationId } });
        if (!found) throw notFound("Area");
        await tx.floorArea.update({ where: { id: found.id }, data: { name: input.name } });
        await auditAs(
          ctx,
          {
            action: "floor.area.rename",
            entityType: "FloorArea",
            entityId: found.id,
            details: { before: { name: found.name }, after: { name: input.name } },
          },
          tx,
        );
        return found.id;
      }
      const last = await tx.floorArea.aggregate({ where: { locationId: ctx.locationId }, _max: { sortOrder: true } });
      const created = await tx.floorArea.create({
        data: { locationId: ctx.locationId, name: input.name, sortOrder: (last._max.sortOrder ?? -1) + 1 },
      });
      await auditAs(
        ctx,
        { action: "floor.area.create", entityType: "FloorArea", entityId: created.id, details: { name: input.name } },
        tx,
      );
      return created.id;
    });
    publishLayoutChanged(ctx, { areaIds: [id] });
    return { id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "An area with this name exists", {
        name: ["Already used by another area (archived ones count: restore it instead)"],
      });
    }
    throw error;
  }
}
