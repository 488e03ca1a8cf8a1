import { describe, expect, it } from "vitest";
import { cartTotals, lineFor, passesFilters, reorderLines, type MenuItemForCart } from "./online-cart";

const burger: MenuItemForCart = {
  id: "b",
  name: "Burger",
  priceCents: 1500,
  taxRateBps: 1000,
  available: true,
  allergens: ["GLUTEN"],
  dietaryTags: [],
  modifierGroups: [
    {
      id: "g",
      modifiers: [
        { id: "k", name: "Ketchup", priceDeltaCents: 0, available: true },
        { id: "c", name: "Cheese", priceDeltaCents: 150, available: false },
      ],
    },
  ],
};
const salad: MenuItemForCart = {
  ...burger,
  id: "s",
  name: "Salad",
  allergens: ["TREE_NUTS"],
  dietaryTags: ["Vegetarian"],
  modifierGroups: [],
};

describe("cart totals", () => {
  it("adds options, tax per rate and the fee, as the server does", () => {
    const lines = [lineFor(burger, ["k"], 2, "", "1"), lineFor(salad, [], 1, "", "2")];
    expect(cartTotals(lines, 0, { cents: 399, rateBps: 0 })).toEqual({
      subtotalCents: 4500,
      taxCents: 450,
      totalCents: 5349,
    });
    // A taxed fee: 10 % of 399 = 39.9 → 40 more tax (the salad's 0 % rate is the location's here).
    expect(cartTotals(lines, 0, { cents: 399, rateBps: 1000 }).taxCents).toBe(490);
  });
});

describe("filters", () => {
  it("hides dishes with an excluded allergen and keeps only those with every required tag", () => {
    expect(passesFilters(salad, ["TREE_NUTS", "PEANUTS"], [])).toBe(false);
    expect(passesFilters(burger, ["TREE_NUTS"], [])).toBe(true);
    expect(passesFilters(salad, [], ["vegetarian"])).toBe(true);
    expect(passesFilters(burger, [], ["vegetarian"])).toBe(false);
  });
});

describe("order again", () => {
  it("takes today's prices and leaves out what is gone or unavailable", () => {
    let n = 0;
    const { lines, missing } = reorderLines(
      [
        { menuItemId: "b", name: "Burger", quantity: 1, modifierIds: ["k"], notes: "" },
        { menuItemId: "b", name: "Cheeseburger", quantity: 1, modifierIds: ["c"], notes: "" },
        { menuItemId: "x", name: "Old dish", quantity: 1, modifierIds: [], notes: "" },
      ],
      [burger],
      () => String(++n),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ menuItemId: "b", unitPriceCents: 1500, modifierNames: ["Ketchup"] });
    expect(missing).toEqual(["Cheeseburger", "Old dish"]);
  });
});
