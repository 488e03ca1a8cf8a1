import { describe, expect, it } from "vitest";
import { modifierStationFor, stationFor } from "./station-for";

const grill = { id: "st-grill" };
const fry = { id: "st-fry" };

describe("station routing", () => {
  it("uses the item's station, else the category default, else none", () => {
    expect(stationFor({ stationId: "a" }, { defaultStationId: "b" })).toBe("a");
    expect(stationFor({ stationId: null }, { defaultStationId: "b" })).toBe("b");
    expect(stationFor({ stationId: null }, { defaultStationId: null })).toBeNull();
  });

  it("routes a modifier to its own station, else to its dish's, and only when that is not the line's", () => {
    const fries = { stationId: null, category: { defaultStationId: fry.id } };
    expect(modifierStationFor({ stationId: fry.id, recipeItem: null }, grill.id)).toBe(fry.id);
    expect(modifierStationFor({ stationId: null, recipeItem: fries }, grill.id)).toBe(fry.id);
    expect(modifierStationFor({ stationId: "st-cold", recipeItem: fries }, grill.id)).toBe("st-cold"); // its own setting wins
    expect(modifierStationFor({ stationId: fry.id, recipeItem: null }, fry.id)).toBeNull(); // made with the dish
    expect(modifierStationFor({ stationId: null, recipeItem: null }, grill.id)).toBeNull(); // "medium rare"
    expect(
      modifierStationFor(
        { stationId: null, recipeItem: { stationId: null, category: { defaultStationId: null } } },
        grill.id,
      ),
    ).toBeNull();
    expect(
      modifierStationFor({ stationId: fry.id, removesIngredientId: "ing-onion", recipeItem: null }, grill.id),
    ).toBeNull(); // removals are made by nobody
  });
});
