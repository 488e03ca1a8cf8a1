import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { idSchema, parseInput, text } from "../validation";
import { assertCan } from "../auth/permissions";

export const saveCategorySchema = z.object({
  id: idSchema.optional(),
  name: text().trim().min(1, "Enter a name").max(60, "At most 60 characters"),
  active: z.boolean().default(true),
  defaultStationId: idSchema.nullable().default(null),
});
export type SaveCategoryInput = z.input<typeof saveCategorySchema>;

/** Create (appended last) or rename/re-station/(de)activate a category. */
export async function saveCategory(ctx: Ctx, raw: SaveCategoryInput) {
  assertCan(ctx, "menu.edit");
  const input = parseInput(saveCategorySchema, raw);
  return db.$transaction(async (tx) => {
    if (input.defaultStationId) {
      const st = await tx.kitchenStation.findFirst({
        where: { id: input.defaultStationId, locationId: ctx.locationId, archivedAt: null },
        select: { id: true },
      });
      if (!st)
        throw new AppError("VALIDATION", "Unknown station", { defaultStationId: ["Choose a station from the list"] });
    }
    const data = { name: input.name, active: input.active, defaultStationId: input.defaultStationId };
    try {
      if (input.id) {
        const found = await tx.menuCategory.findFirst({ where: { id: input.id, locationId: ctx.locationId } });
        if (!found) throw notFound("Category");
        await tx.menuCategory.update({ where: { id: found.id }, data });
        await auditAs(
          ctx,
          {
            action: "menu.category.update",
            entityType: "MenuCategory",
            entityId: found.id,
            details: {
              before: { name: found.name, active: found.active, defaultStationId: found.defaultStationId },
              after: data,
            },
          },
          tx,
        );
        return { id: found.id };
      }
      const last = await tx.menuCategory.aggregate({
        where: { locationId: ctx.locationId },
        _max: { sortOrder: true },
      });
      const created = await tx.menuCategory.create({
        data: { ...data, locationId: ctx.locationId, sortOrder: (last._max.sortOrder ?? -1) + 1 },
      });
      await auditAs(
        ctx,
        { action: "menu.category.create", entityType: "MenuCategory", entityId: created.id, details: { after: data } },
        tx,
      );
      return { id: created.id };
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", "A category with this name exists", {
          name: ["Already used by another category"],
        });
      throw error;
    }
  });
}
