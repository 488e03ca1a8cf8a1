import { describe, expect, it } from "vitest";
import { recipesFrom } from "../inventory/recipe-math";
import { analyseMix, menuClass, soldFoodCostCents } from "./menu-engineering";

describe("menu engineering quadrants", () => {
  it("names the four classes from popularity and profitability", () => {
    expect(menuClass(true, true)).toBe("STAR");
    expect(menuClass(true, false)).toBe("PLOWHORSE");
    expect(menuClass(false, true)).toBe("PUZZLE");
    expect(menuClass(false, false)).toBe("DOG");
  });

  it("places dishes against 70 % of the fair share and the quantity-weighted average margin", () => {
    // 4 dishes, 200 portions: fair share 25 %, threshold 17.5 %.
    // Weighted margin = (80·900 + 70·300 + 30·1000 + 20·200) / 200 = 635.
    const a = analyseMix([
      { id: "star", quantity: 80, marginPerUnitCents: 900 },
      { id: "plowhorse", quantity: 70, marginPerUnitCents: 300 },
      { id: "puzzle", quantity: 30, marginPerUnitCents: 1000 },
      { id: "dog", quantity: 20, marginPerUnitCents: 200 },
    ]);
    expect(a.analysed).toBe(4);
    expect(a.popularityThreshold).toBeCloseTo(0.175, 10);
    expect(a.marginThresholdCents).toBeCloseTo(635, 10);
    expect(Object.fromEntries([...a.classes].map(([id, c]) => [id, c.menuClass]))).toEqual({
      star: "STAR",
      plowhorse: "PLOWHORSE",
      puzzle: "PUZZLE",
      dog: "DOG",
    });
    expect(a.classes.get("puzzle")!.mixShare).toBeCloseTo(0.15, 10);
  });

  it("counts a dish exactly on a threshold as high", () => {
    // 2 dishes: threshold 35 %; 35 of 100 portions sits on it. Equal margins sit on the average.
    const a = analyseMix([
      { id: "a", quantity: 65, marginPerUnitCents: 500 },
      { id: "b", quantity: 35, marginPerUnitCents: 500 },
    ]);
    expect(a.classes.get("b")!.menuClass).toBe("STAR");
    expect(a.classes.get("a")!.menuClass).toBe("STAR");
  });

  it("leaves out dishes without a known cost or without sales, and they do not move the thresholds", () => {
    const a = analyseMix([
      { id: "a", quantity: 10, marginPerUnitCents: 400 },
      { id: "b", quantity: 10, marginPerUnitCents: 200 },
      { id: "no-recipe", quantity: 500, marginPerUnitCents: null },
      { id: "unsold", quantity: 0, marginPerUnitCents: 9000 },
    ]);
    expect(a.analysed).toBe(2);
    expect(a.popularityThreshold).toBeCloseTo(0.35, 10);
    expect(a.marginThresholdCents).toBe(300);
    expect(a.classes.has("no-recipe")).toBe(false);
    expect(a.classes.has("unsold")).toBe(false);
  });

  it("analyses nothing when nothing sold", () => {
    expect(analyseMix([])).toMatchObject({ analysed: 0, popularityThreshold: 0, marginThresholdCents: 0 });
  });
});

describe("food cost of portions sold", () => {
  // Beef 1 000 g for 2 000 ¢ (2 ¢/g); cheese 1 000 g for 1 500 ¢; onion 1 000 g for 300 ¢.
  const costs = new Map([
    ["beef", { purchaseUnitSize: 1_000_000, costCentsPerPurchaseUnit: 2000 }],
    ["cheese", { purchaseUnitSize: 1_000_000, costCentsPerPurchaseUnit: 1500 }],
    ["onion", { purchaseUnitSize: 1_000_000, costCentsPerPurchaseUnit: 300 }],
  ]);
  const recipes = recipesFrom(
    [
      { menuItemId: "burger", modifierId: null, ingredientId: "beef", quantity: 150_000 },
      { menuItemId: "burger", modifierId: null, ingredientId: "onion", quantity: 20_000 },
      { menuItemId: null, modifierId: "extra-cheese", ingredientId: "cheese", quantity: 30_000 },
    ],
    [{ id: "no-onion", recipeItemId: null, removesIngredientId: "onion" }],
  );

  it("costs the recipe per portion, plus add-ons, minus removals", () => {
    // Per burger: 150 g × 2 + 20 g × 0.3 = 306 ¢. 10 burgers; 4 with cheese (+45 ¢), 2 without onion (−6 ¢).
    const cents = soldFoodCostCents(
      "burger",
      10,
      [
        { modifierId: "extra-cheese", quantity: 4 },
        { modifierId: "no-onion", quantity: 2 },
      ],
      recipes,
      costs,
    );
    expect(cents).toBeCloseTo(3060 + 180 - 12, 9);
  });

  it("is unknown, not zero, for a dish without a recipe", () => {
    expect(soldFoodCostCents("salad", 3, [], recipes, costs)).toBeNull();
  });
});
