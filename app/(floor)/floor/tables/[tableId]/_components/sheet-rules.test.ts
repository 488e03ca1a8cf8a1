import { describe, expect, it } from "vitest";
import { chosenCount, groupRuleLabel, seatChoices, stepQuantity, toggleModifier, withAllergy } from "./sheet-rules";

const group = (minSelect: number, maxSelect: number, ids: string[]) => ({
  minSelect,
  maxSelect,
  modifiers: ids.map((id) => ({ id })),
});

describe("toggleModifier", () => {
  const sides = group(1, 1, ["fries", "salad"]);
  const toppings = group(0, 2, ["bacon", "cheese", "egg"]);

  it("chooses and unchooses a modifier", () => {
    expect(toggleModifier(toppings, [], "bacon")).toEqual(["bacon"]);
    expect(toggleModifier(toppings, ["bacon", "fries"], "bacon")).toEqual(["fries"]);
  });

  it("replaces the old choice in a single-choice group and leaves other groups alone", () => {
    expect(toggleModifier(sides, ["fries", "bacon"], "salad")).toEqual(["bacon", "salad"]);
  });

  it("takes no more once a multi-choice group is full (same array, nothing re-renders)", () => {
    const selected = ["bacon", "cheese", "fries"];
    expect(toggleModifier(toppings, selected, "egg")).toBe(selected);
  });
});

describe("sheet rules", () => {
  it("counts the group's chosen modifiers only", () => {
    expect(chosenCount(group(0, 3, ["a", "b"]), ["a", "b", "z"])).toBe(2);
  });

  it("states the group's rule", () => {
    expect(groupRuleLabel(group(1, 1, []))).toBe("choose 1");
    expect(groupRuleLabel(group(1, 3, []))).toBe("choose 1–3");
    expect(groupRuleLabel(group(0, 2, []))).toBe("up to 2");
  });

  it("keeps the quantity between 1 and 50", () => {
    expect(stepQuantity(1, -1)).toBe(1);
    expect(stepQuantity(2, -1)).toBe(1);
    expect(stepQuantity(49, 1)).toBe(50);
    expect(stepQuantity(50, 1)).toBe(50);
  });

  it("offers the table's seats, or up to the line's seat when it is higher", () => {
    expect(seatChoices(3, null)).toEqual([1, 2, 3]);
    expect(seatChoices(2, 4)).toEqual([1, 2, 3, 4]);
    expect(seatChoices(0, null)).toEqual([]);
  });

  it("appends a guest allergy once and keeps the notes within 200 characters", () => {
    expect(withAllergy("", "Peanuts")).toBe("ALLERGY: peanuts");
    expect(withAllergy(" no onions ", "Tree nuts")).toBe("no onions; ALLERGY: tree nuts");
    expect(withAllergy("no onions; allergy: PEANUTS", "Peanuts")).toBe("no onions; allergy: PEANUTS");
    expect(withAllergy("x".repeat(195), "Milk")).toHaveLength(200);
  });
});
