import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { assertCan } from "../auth/permissions";

/** One item as the edit form needs it (plain JSON: decimals as numbers, dates as YYYY-MM-DD). */
export async function getMenuItem(ctx: Ctx, id: string) {
  assertCan(ctx, "menu.edit");
  const i = await db.menuItem.findFirst({
    where: { id, locationId: ctx.locationId, archivedAt: null },
    include: {
      modifierGroups: { orderBy: { sortOrder: "asc" }, select: { groupId: true } },
      availability: { select: { windowId: true } },
    },
  });
  if (!i) throw notFound("Menu item");
  const num = (d: { toString(): string } | null) => (d === null ? null : Number(d.toString()));
  return {
    id: i.id,
    name: i.name,
    categoryId: i.categoryId,
    description: i.description,
    priceCents: i.priceCents,
    taxRateBps: i.taxRateBps,
    stationId: i.stationId,
    imageUrl: i.imageUrl,
    allergens: i.allergens,
    dietaryTags: i.dietaryTags,
    kcal: i.kcal,
    proteinG: num(i.proteinG),
    carbsG: num(i.carbsG),
    fatG: num(i.fatG),
    prepMinutes: i.prepMinutes,
    seasonalFrom: i.seasonalFrom?.toISOString().slice(0, 10) ?? null,
    seasonalTo: i.seasonalTo?.toISOString().slice(0, 10) ?? null,
    modifierGroupIds: i.modifierGroups.map((g) => g.groupId),
    availabilityWindowIds: i.availability.map((a) => a.windowId),
    is86d: i.is86d,
    eightySixedBy: i.eightySixedBy,
    updatedAt: i.updatedAt.toISOString(),
  };
}
export type MenuItemDetail = Awaited<ReturnType<typeof getMenuItem>>;
