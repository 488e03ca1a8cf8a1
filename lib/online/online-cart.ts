// The ordering site's cart: lines as the customer built them, totals as the server will compute
// them, the allergen/dietary filter, and "Order again". Pure and browser-safe.
import { computeTotals, type DeliveryFee, type Totals } from "../orders/totals";

export type CartLine = {
  key: string;
  menuItemId: string;
  name: string;
  unitPriceCents: number;
  modifiersCents: number;
  taxRateBps: number;
  quantity: number;
  modifierIds: string[];
  modifierNames: string[];
  notes: string;
};

export type MenuItemForCart = {
  id: string;
  name: string;
  priceCents: number;
  taxRateBps: number;
  available: boolean;
  allergens: string[];
  dietaryTags: string[];
  modifierGroups: {
    id: string;
    modifiers: { id: string; name: string; priceDeltaCents: number; available: boolean }[];
  }[];
};

/** Subtotal, tax (per rate, the fee's included, as the server rounds it) and the delivery fee on top. */
export function cartTotals(lines: readonly CartLine[], locationTaxBps: number, fee: DeliveryFee): Totals {
  return computeTotals(lines, locationTaxBps, fee);
}

/** Whether an item passes the filters: none of the excluded allergens, every required dietary tag. */
export function passesFilters(
  item: Pick<MenuItemForCart, "allergens" | "dietaryTags">,
  excludedAllergens: readonly string[],
  requiredTags: readonly string[],
): boolean {
  if (item.allergens.some((a) => excludedAllergens.includes(a))) return false;
  const tags = item.dietaryTags.map((t) => t.toLowerCase());
  return requiredTags.every((t) => tags.includes(t.toLowerCase()));
}

/** A cart line for an item with the chosen options (their price deltas and names from the menu). */
export function lineFor(
  item: MenuItemForCart,
  modifierIds: readonly string[],
  quantity: number,
  notes: string,
  key: string,
): CartLine {
  const chosen = item.modifierGroups.flatMap((g) => g.modifiers).filter((m) => modifierIds.includes(m.id));
  return {
    key,
    menuItemId: item.id,
    name: item.name,
    unitPriceCents: item.priceCents,
    modifiersCents: chosen.reduce((n, m) => n + m.priceDeltaCents, 0),
    taxRateBps: item.taxRateBps,
    quantity,
    modifierIds: [...modifierIds],
    modifierNames: chosen.map((m) => m.name),
    notes,
  };
}

/**
 * "Order again": a past order's lines at today's prices, leaving out what is no longer on the menu,
 * unavailable now, or whose options have gone (the names left out are answered for a message).
 */
export function reorderLines(
  past: readonly { menuItemId: string; name: string; quantity: number; modifierIds: string[]; notes: string }[],
  menu: readonly MenuItemForCart[],
  newKey: () => string,
): { lines: CartLine[]; missing: string[] } {
  const byId = new Map(menu.map((m) => [m.id, m]));
  const lines: CartLine[] = [];
  const missing: string[] = [];
  for (const p of past) {
    const item = byId.get(p.menuItemId);
    const options = new Map(item?.modifierGroups.flatMap((g) => g.modifiers).map((m) => [m.id, m]) ?? []);
    if (!item || !item.available || p.modifierIds.some((id) => !options.get(id)?.available)) {
      missing.push(p.name);
      continue;
    }
    lines.push(lineFor(item, p.modifierIds, p.quantity, p.notes, newKey()));
  }
  return { lines, missing };
}
