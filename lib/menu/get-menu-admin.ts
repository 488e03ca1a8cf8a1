import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { assertCan } from "../auth/permissions";

/** Everything the menu console shows: items (for the table), categories, stations, groups, windows. */
export async function getMenuAdmin(ctx: Ctx) {
  assertCan(ctx, "menu.edit");
  const where = { locationId: ctx.locationId };
  const [location, categories, items, stations, groups, windows] = await Promise.all([
    db.location.findUniqueOrThrow({
      where: { id: ctx.locationId },
      select: { currency: true, taxRateBps: true, timezone: true },
    }),
    db.menuCategory.findMany({
      where,
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      include: { _count: { select: { items: { where: { archivedAt: null } } } } },
    }),
    db.menuItem.findMany({
      where: { ...where, archivedAt: null },
      orderBy: [{ category: { sortOrder: "asc" } }, { sortOrder: "asc" }, { name: "asc" }],
      include: {
        category: { select: { name: true } },
        station: { select: { name: true } },
        modifierGroups: { select: { group: { select: { name: true } } }, orderBy: { sortOrder: "asc" } },
        availability: { select: { window: { select: { name: true } } } },
        _count: { select: { recipeLines: true } },
      },
    }),
    db.kitchenStation.findMany({
      where: { ...where, isExpo: false, archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, slug: true },
    }),
    db.modifierGroup.findMany({
      where,
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      include: { modifiers: { orderBy: { sortOrder: "asc" } }, _count: { select: { items: true } } },
    }),
    db.availabilityWindow.findMany({
      where,
      orderBy: { name: "asc" },
      include: { _count: { select: { items: true } } },
    }),
  ]);
  return {
    currency: location.currency,
    defaultTaxRateBps: location.taxRateBps,
    timezone: location.timezone,
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      sortOrder: c.sortOrder,
      active: c.active,
      defaultStationId: c.defaultStationId,
      itemCount: c._count.items,
    })),
    items: items.map((i) => ({
      id: i.id,
      name: i.name,
      description: i.description,
      categoryId: i.categoryId,
      category: i.category.name,
      station: i.station?.name ?? null,
      priceCents: i.priceCents,
      taxRateBps: i.taxRateBps,
      allergens: i.allergens,
      dietaryTags: i.dietaryTags,
      is86d: i.is86d,
      eightySixedBy: i.eightySixedBy as "MANUAL" | "AUTO" | null,
      seasonal:
        i.seasonalFrom || i.seasonalTo
          ? {
              from: i.seasonalFrom?.toISOString().slice(0, 10) ?? null,
              to: i.seasonalTo?.toISOString().slice(0, 10) ?? null,
            }
          : null,
      modifierGroups: i.modifierGroups.map((g) => g.group.name),
      windows: i.availability.map((a) => a.window.name),
      hasRecipe: i._count.recipeLines > 0,
      imageUrl: i.imageUrl,
      updatedAt: i.updatedAt.toISOString(),
    })),
    stations,
    modifierGroups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      minSelect: g.minSelect,
      maxSelect: g.maxSelect,
      sortOrder: g.sortOrder,
      itemCount: g._count.items,
      modifiers: g.modifiers.map((m) => ({
        id: m.id,
        name: m.name,
        priceDeltaCents: m.priceDeltaCents,
        is86d: m.is86d,
      })),
    })),
    windows: windows.map((w) => ({
      id: w.id,
      name: w.name,
      daysOfWeek: w.daysOfWeek,
      startMinute: w.startMinute,
      endMinute: w.endMinute,
      itemCount: w._count.items,
    })),
  };
}
export type MenuAdmin = Awaited<ReturnType<typeof getMenuAdmin>>;
export type MenuAdminItem = MenuAdmin["items"][number];
