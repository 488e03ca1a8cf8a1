import { describe, expect, it } from "vitest";
import { toMilli as m } from "./quantity";
import {
  consumptionOf,
  firstShortfall,
  portionNeeds,
  portionsCoverable,
  recipesFrom,
  totalsByIngredient,
  type Recipes,
} from "./recipe-math";

const recipes: Recipes = {
  byMenuItem: new Map([
    [
      "burger",
      [
        { ingredientId: "ing-bun", quantity: m("1") },
        { ingredientId: "ing-beef", quantity: m("180") },
      ],
    ],
    ["salad", [{ ingredientId: "ing-lettuce", quantity: m("80") }]],
    ["water", []],
  ]),
  byModifier: new Map([
    ["double", [{ ingredientId: "ing-beef", quantity: m("180") }]],
    ["cheese", [{ ingredientId: "ing-cheddar", quantity: m("30") }]],
  ]),
};

describe("recipe math", () => {
  it("adds chosen modifiers to the base recipe", () => {
    const needs = portionNeeds("burger", ["double", "cheese"], recipes);
    expect(Object.fromEntries(needs)).toEqual({ "ing-bun": m("1"), "ing-beef": m("360"), "ing-cheddar": m("30") });
  });

  it("a removal modifier skips that ingredient of the dish's own recipe, not of an add-on", () => {
    const withRemovals: Recipes = {
      ...recipes,
      removes: new Map([
        ["no-bun", ["ing-bun"]],
        ["no-beef", ["ing-beef"]],
      ]),
    };
    expect(Object.fromEntries(portionNeeds("burger", ["no-bun"], withRemovals))).toEqual({ "ing-beef": m("180") });
    // "No patty" with "double": the add-on's beef is still used, the base patty is not.
    expect(Object.fromEntries(portionNeeds("burger", ["no-beef", "double"], withRemovals))).toEqual({
      "ing-bun": m("1"),
      "ing-beef": m("180"),
    });
    // Removing what the dish does not contain changes nothing.
    expect(Object.fromEntries(portionNeeds("salad", ["no-bun"], withRemovals))).toEqual({ "ing-lettuce": m("80") });
    // Without the rule (a free-text "no bun" note) everything is consumed.
    expect(Object.fromEntries(portionNeeds("burger", ["no-bun"], recipes))).toEqual({
      "ing-bun": m("1"),
      "ing-beef": m("180"),
    });
  });

  it("builds recipes from stored lines: a side that is a portion of a dish uses that dish's recipe unless it has its own", () => {
    const r = recipesFrom(
      [
        { menuItemId: "fries", modifierId: null, ingredientId: "ing-potato", quantity: m("250") },
        { menuItemId: "salmon", modifierId: null, ingredientId: "ing-lemon", quantity: m("0.5") },
        { menuItemId: null, modifierId: "side-salad", ingredientId: "ing-lettuce", quantity: m("40") },
      ],
      [
        { id: "side-fries", recipeItemId: "fries", removesIngredientId: null },
        { id: "side-salad", recipeItemId: "salad", removesIngredientId: null },
        { id: "no-lemon", recipeItemId: null, removesIngredientId: "ing-lemon" },
      ],
    );
    expect(Object.fromEntries(portionNeeds("salmon", ["side-fries", "no-lemon"], r))).toEqual({
      "ing-potato": m("250"),
    });
    expect(Object.fromEntries(portionNeeds("salmon", ["side-salad"], r))).toEqual({
      "ing-lemon": m("0.5"),
      "ing-lettuce": m("40"),
    });
    expect(r.byModifier.has("no-lemon")).toBe(false);
  });

  it("multiplies by quantity, one consumption per order item and ingredient", () => {
    const c = consumptionOf(
      [
        { orderItemId: "oi1", menuItemId: "burger", quantity: 2, modifierIds: ["cheese"] },
        { orderItemId: "oi2", menuItemId: "salad", quantity: 1, modifierIds: [] },
        { orderItemId: "oi3", menuItemId: "water", quantity: 3, modifierIds: [] },
      ],
      recipes,
    );
    expect(c).toEqual([
      { orderItemId: "oi1", menuItemId: "burger", ingredientId: "ing-bun", quantity: m("2") },
      { orderItemId: "oi1", menuItemId: "burger", ingredientId: "ing-beef", quantity: m("360") },
      { orderItemId: "oi1", menuItemId: "burger", ingredientId: "ing-cheddar", quantity: m("60") },
      { orderItemId: "oi2", menuItemId: "salad", ingredientId: "ing-lettuce", quantity: m("80") },
    ]);
    expect(() =>
      consumptionOf([{ orderItemId: "x", menuItemId: "salad", quantity: 0, modifierIds: [] }], recipes),
    ).toThrow();
  });

  it("totals per ingredient sorted by id (the lock order)", () => {
    const totals = totalsByIngredient([
      { ingredientId: "b", quantity: 1 },
      { ingredientId: "a", quantity: 2 },
      { ingredientId: "b", quantity: 3 },
    ]);
    expect(totals).toEqual([
      ["a", 2],
      ["b", 4],
    ]);
  });

  it("counts the whole portions stock can cover", () => {
    const stock = new Map([
      ["ing-bun", m("10")],
      ["ing-beef", m("500")],
    ]);
    expect(portionsCoverable(recipes.byMenuItem.get("burger")!, stock)).toBe(2); // beef: 500 / 180
    expect(portionsCoverable(recipes.byMenuItem.get("salad")!, stock)).toBe(0); // no lettuce row at all
    expect(portionsCoverable(recipes.byMenuItem.get("water")!, stock)).toBe(Infinity);
    expect(portionsCoverable(new Map([["ing-beef", m("180")]]), new Map([["ing-beef", m("180")]]))).toBe(1);
    expect(portionsCoverable(new Map([["ing-beef", m("180")]]), new Map([["ing-beef", -5]]))).toBe(0);
  });

  it("names the first item that runs short", () => {
    const c = consumptionOf(
      [
        { orderItemId: "oi1", menuItemId: "burger", quantity: 1, modifierIds: [] },
        { orderItemId: "oi2", menuItemId: "burger", quantity: 1, modifierIds: ["double"] },
      ],
      recipes,
    );
    const available = new Map([
      ["ing-bun", m("5")],
      ["ing-beef", m("400")],
    ]);
    expect(firstShortfall(c, available)).toEqual({
      orderItemId: "oi2",
      menuItemId: "burger",
      ingredientId: "ing-beef",
      available: m("400"),
      needed: m("540"),
    });
    expect(
      firstShortfall(
        c,
        new Map([
          ["ing-bun", m("5")],
          ["ing-beef", m("540")],
        ]),
      ),
    ).toBeNull();
  });
});
