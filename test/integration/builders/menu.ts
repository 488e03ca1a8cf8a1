// The menu: categories, items, modifier groups (linked to items) and availability windows.
import type { Allergen, MenuItem } from "@/generated/prisma/client";
import { testDb } from "../helpers";
import { tag } from "./tag";

export async function buildCategory(
  locationId: string,
  spec: { name?: string; defaultStationId?: string } = {},
): Promise<{ id: string; name: string }> {
  const category = await testDb().menuCategory.create({
    data: { locationId, name: spec.name ?? `Category ${tag()}`, defaultStationId: spec.defaultStationId },
  });
  return { id: category.id, name: category.name };
}

export type MenuItemSpec = {
  categoryId: string;
  name?: string;
  priceCents?: number;
  stationId?: string;
  allergens?: Allergen[];
  prepMinutes?: number;
};

export async function buildMenuItem(locationId: string, spec: MenuItemSpec): Promise<MenuItem> {
  return testDb().menuItem.create({
    data: {
      locationId,
      categoryId: spec.categoryId,
      stationId: spec.stationId,
      name: spec.name ?? `Dish ${tag()}`,
      priceCents: spec.priceCents ?? 1000,
      allergens: spec.allergens ?? [],
      prepMinutes: spec.prepMinutes,
    },
  });
}

export type ModifierSpec = {
  name: string;
  priceDeltaCents?: number;
  /** Made at this station rather than the dish's. */
  stationId?: string;
  /** A portion of this dish. */
  recipeItemId?: string;
  /** A removal of this ingredient from the dish's recipe. */
  removesIngredientId?: string;
};

export type BuiltModifierGroup = { id: string; name: string; modifiers: Record<string, string> };

/** A modifier group with its options (ids by option name), offered on `menuItemIds`. */
export async function buildModifierGroup(
  locationId: string,
  spec: { name?: string; minSelect?: number; maxSelect?: number; modifiers: ModifierSpec[]; menuItemIds?: string[] },
): Promise<BuiltModifierGroup> {
  const group = await testDb().modifierGroup.create({
    data: {
      locationId,
      name: spec.name ?? `Options ${tag()}`,
      minSelect: spec.minSelect ?? 0,
      maxSelect: spec.maxSelect ?? 1,
      modifiers: {
        create: spec.modifiers.map((m, i) => ({ ...m, priceDeltaCents: m.priceDeltaCents ?? 0, sortOrder: i })),
      },
      items: { create: (spec.menuItemIds ?? []).map((menuItemId) => ({ menuItemId })) },
    },
    include: { modifiers: true },
  });
  return { id: group.id, name: group.name, modifiers: Object.fromEntries(group.modifiers.map((m) => [m.name, m.id])) };
}

/** An availability window (location time) that `menuItemIds` are limited to. */
export async function buildAvailabilityWindow(
  locationId: string,
  spec: { name?: string; daysOfWeek: number[]; startMinute: number; endMinute: number; menuItemIds: string[] },
): Promise<{ id: string }> {
  const window = await testDb().availabilityWindow.create({
    data: {
      locationId,
      name: spec.name ?? `Window ${tag()}`,
      daysOfWeek: spec.daysOfWeek,
      startMinute: spec.startMinute,
      endMinute: spec.endMinute,
      items: { create: spec.menuItemIds.map((menuItemId) => ({ menuItemId })) },
    },
  });
  return { id: window.id };
}
