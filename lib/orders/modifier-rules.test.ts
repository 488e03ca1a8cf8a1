import { describe, expect, it } from "vitest";
import { checkModifierSelection, modifiersCents, type ModifierGroupRule } from "./modifier-rules";

const temp: ModifierGroupRule = {
  id: "g-temp",
  name: "Steak temperature",
  minSelect: 1,
  maxSelect: 1,
  modifiers: [
    { id: "rare", name: "Rare", priceDeltaCents: 0, is86d: false },
    { id: "medium", name: "Medium", priceDeltaCents: 0, is86d: false },
  ],
};
const addOns: ModifierGroupRule = {
  id: "g-add",
  name: "Add-ons",
  minSelect: 0,
  maxSelect: 2,
  modifiers: [
    { id: "cheese", name: "Cheese", priceDeltaCents: 150, is86d: false },
    { id: "bacon", name: "Bacon", priceDeltaCents: 250, is86d: false },
    { id: "egg", name: "Egg", priceDeltaCents: 150, is86d: true },
  ],
};

describe("modifier selection", () => {
  it("accepts a valid choice and prices it", () => {
    expect(checkModifierSelection([temp, addOns], ["rare", "cheese", "bacon"])).toEqual([]);
    expect(modifiersCents([temp, addOns], ["rare", "cheese", "bacon"])).toBe(400);
  });

  it("enforces min (required groups)", () => {
    expect(checkModifierSelection([temp], [])).toEqual([{ groupId: "g-temp", message: "Choose Steak temperature" }]);
    const two = { ...addOns, minSelect: 2 };
    expect(checkModifierSelection([two], ["cheese"])[0].message).toBe("Choose at least 2 for Add-ons");
  });

  it("enforces max", () => {
    expect(checkModifierSelection([temp], ["rare", "medium"])).toEqual([
      { groupId: "g-temp", message: "Choose at most 1 for Steak temperature" },
    ]);
  });

  it("refuses 86'd, foreign and duplicated modifiers", () => {
    expect(checkModifierSelection([addOns], ["egg"])[0].message).toMatch(/Egg is unavailable/);
    expect(checkModifierSelection([addOns], ["salmon"])[0].message).toMatch(/does not belong/);
    expect(checkModifierSelection([addOns], ["cheese", "cheese"]).map((p) => p.message)).toContain(
      "A modifier was chosen twice",
    );
  });

  it("an item without groups takes no modifiers", () => {
    expect(checkModifierSelection([], [])).toEqual([]);
    expect(checkModifierSelection([], ["rare"])).toHaveLength(1);
  });
});
