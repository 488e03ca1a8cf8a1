import { describe, expect, it } from "vitest";
import { errorSummaryItems } from "./error-summary";

const fields = [
  { key: "name", id: "name", label: "Name" },
  { key: "priceCents", id: "price", label: "Price" },
  { key: "allergens", id: "allergens", label: "Allergens" },
  { key: "seasonalTo", id: "seasonalTo", label: "Seasonal until" },
];

describe("errorSummaryItems", () => {
  it("lists errors in the form's field order, linked to the element ids", () => {
    const items = errorSummaryItems(
      { seasonalTo: ["Must be on or after Seasonal from"], priceCents: ["Enter a price"], name: ["Required"] },
      fields,
      "item-form",
    );
    expect(items).toEqual([
      { id: "name", label: "Name", message: "Required" },
      { id: "price", label: "Price", message: "Enter a price" },
      { id: "seasonalTo", label: "Seasonal until", message: "Must be on or after Seasonal from" },
    ]);
  });

  it("groups nested keys under their field and keeps unclaimed errors, pointing at the form", () => {
    const items = errorSummaryItems(
      { "allergens.1": ["Unknown allergen"], "allergens.3": ["Unknown allergen"], mystery: ["Odd"] },
      fields,
      "item-form",
    );
    expect(items).toEqual([
      { id: "allergens", label: "Allergens", message: "Unknown allergen" },
      { id: "item-form", label: "mystery", message: "Odd" },
    ]);
    expect(errorSummaryItems(undefined, fields, "f")).toEqual([]);
  });
});
