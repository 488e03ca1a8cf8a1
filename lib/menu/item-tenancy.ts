import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { MenuItemFields } from "./menu-item-fields";

/**
 * Every id a form sends (category, station, groups, windows) must belong to the acting location.
 * Unknown ids are field errors: the form shows which select is wrong.
 */
export async function assertItemRefsHere(
  tx: Tx,
  ctx: Ctx,
  f: Pick<MenuItemFields, "categoryId" | "stationId" | "modifierGroupIds" | "availabilityWindowIds">,
) {
  const where = { locationId: ctx.locationId };
  const [category, station, groups, windows] = await Promise.all([
    tx.menuCategory.findFirst({ where: { ...where, id: f.categoryId }, select: { id: true } }),
    f.stationId
      ? tx.kitchenStation.findFirst({ where: { ...where, id: f.stationId, archivedAt: null }, select: { id: true } })
      : null,
    f.modifierGroupIds.length ? tx.modifierGroup.count({ where: { ...where, id: { in: f.modifierGroupIds } } }) : 0,
    f.availabilityWindowIds.length
      ? tx.availabilityWindow.count({ where: { ...where, id: { in: f.availabilityWindowIds } } })
      : 0,
  ]);
  const errors: Record<string, string[]> = {};
  if (!category) errors.categoryId = ["Choose a category from the list"];
  if (f.stationId && !station) errors.stationId = ["Choose a station from the list"];
  if (groups !== new Set(f.modifierGroupIds).size) errors.modifierGroupIds = ["Unknown modifier group"];
  if (windows !== new Set(f.availabilityWindowIds).size) errors.availabilityWindowIds = ["Unknown availability window"];
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Some fields are invalid", errors);
}

/** Prisma data for the scalar fields (dates as UTC midnight for DATE columns). */
export function itemData(f: MenuItemFields) {
  return {
    name: f.name,
    categoryId: f.categoryId,
    description: f.description,
    priceCents: f.priceCents,
    taxRateBps: f.taxRateBps,
    stationId: f.stationId,
    imageUrl: f.imageUrl,
    allergens: f.allergens,
    dietaryTags: f.dietaryTags,
    kcal: f.kcal,
    proteinG: f.proteinG,
    carbsG: f.carbsG,
    fatG: f.fatG,
    prepMinutes: f.prepMinutes,
    seasonalFrom: f.seasonalFrom ? new Date(`${f.seasonalFrom}T00:00:00Z`) : null,
    seasonalTo: f.seasonalTo ? new Date(`${f.seasonalTo}T00:00:00Z`) : null,
  };
}
