// Which station makes a dish or an option: menu configuration, read when a line is sent.

/** The item's own station, else its category's default, else none (expo only). */
export function stationFor(
  item: { stationId: string | null },
  category: { defaultStationId: string | null },
): string | null {
  return item.stationId ?? category.defaultStationId ?? null;
}

/**
 * Where a chosen modifier is made when that is not the dish's own station: its own station,
 * else the station of the dish it is a portion of (a side of fries → the fries' station).
 * Null = made with the dish (no line of its own on another screen). Removals are made by nobody.
 */
export function modifierStationFor(
  modifier: {
    stationId: string | null;
    removesIngredientId?: string | null;
    recipeItem: { stationId: string | null; category: { defaultStationId: string | null } } | null;
  },
  lineStationId: string | null,
): string | null {
  if (modifier.removesIngredientId) return null;
  const station =
    modifier.stationId ?? (modifier.recipeItem ? stationFor(modifier.recipeItem, modifier.recipeItem.category) : null);
  return station && station !== lineStationId ? station : null;
}
