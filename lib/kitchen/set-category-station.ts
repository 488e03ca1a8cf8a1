import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { setCategoryStationSchema, type SetCategoryStationInput } from "./station-fields";

/** Routing default: items of this category that name no station go to this one (null = none). */
export async function setCategoryStation(ctx: Ctx, raw: SetCategoryStationInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(setCategoryStationSchema, raw);
  return db.$transaction(async (tx) => {
    const category = await tx.menuCategory.findFirst({
      where: { id: input.categoryId, locationId: ctx.locationId },
      select: { id: true, defaultStationId: true },
    });
    if (!category) throw notFound("Category");
    if (input.stationId) {
      const station = await tx.kitchenStation.findFirst({
        where: { id: input.stationId, locationId: ctx.locationId, archivedAt: null, isExpo: false },
        select: { id: true },
      });
      if (!station) {
        throw new AppError("VALIDATION", "Some fields are invalid", {
          stationId: ["Choose an active cooking station"],
        });
      }
    }
    await tx.menuCategory.update({ where: { id: category.id }, data: { defaultStationId: input.stationId } });
    await auditAs(
      ctx,
      {
        action: "menu.category.route",
        entityType: "MenuCategory",
        entityId: category.id,
        details: {
          before: { defaultStationId: category.defaultStationId },
          after: { defaultStationId: input.stationId },
        },
      },
      tx,
    );
    return { categoryId: category.id, stationId: input.stationId };
  });
}
