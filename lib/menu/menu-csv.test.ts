import { describe, expect, it } from "vitest";
import { bpsToPercent, checkMenuCsv, menuReferenceErrors } from "./menu-csv";

describe("menu CSV rows", () => {
  it("parses a full row into typed fields", () => {
    const csv = [
      "name,category,price,tax_rate,allergens,dietary_tags,kcal,protein_g,seasonal_from,seasonal_to,modifier_groups",
      'Fish & chips,Mains,$18.50,8.25%,"fish; gluten; Tree nuts","Dairy Free; spicy",820,31.5,2026-06-01,2026-08-31,Sides;Sauces',
    ].join("\n");
    const { rows, errors } = checkMenuCsv(csv);
    expect(errors).toEqual([]);
    expect(rows[0].data).toMatchObject({
      name: "Fish & chips",
      category: "Mains",
      price: 1850,
      tax_rate: 825,
      allergens: ["FISH", "GLUTEN", "TREE_NUTS"],
      dietary_tags: ["dairy-free", "spicy"],
      kcal: 820,
      protein_g: 31.5,
      seasonal_from: "2026-06-01",
      seasonal_to: "2026-08-31",
      modifier_groups: ["Sides", "Sauces"],
      description: "",
      station: null,
      image_url: null,
      availability: [],
    });
  });

  it("reports every bad cell with its line and column", () => {
    const csv =
      "name,category,price,tax_rate,allergens,kcal,seasonal_from,seasonal_to\nSoup,Starters,abc,120,shellfish,1.5,2026-09-01,2026-01-01\n,Mains,5,,,,,\n";
    const { rows, errors } = checkMenuCsv(csv);
    expect(rows).toEqual([]);
    const byCol = errors.map((e) => `${e.line}:${e.column}`);
    expect(byCol).toEqual(expect.arrayContaining(["2:price", "2:tax_rate", "2:allergens", "2:kcal", "3:name"]));
  });

  it("flags duplicate names and unknown columns", () => {
    const { errors } = checkMenuCsv("name,category,price,colour\nSoup,A,1,red\nsoup,A,2,blue\n");
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Unknown column "colour"/), "Duplicate of line 2"]),
    );
  });

  it("formats basis points as a percent", () => {
    expect(bpsToPercent(825)).toBe("8.25");
    expect(bpsToPercent(1000)).toBe("10");
    expect(bpsToPercent(null)).toBe("");
  });
});

describe("menu CSV references", () => {
  it("checks every row's names, the rows with format errors too", () => {
    const csv =
      "name,category,price,station,modifier_groups,availability\nSoup,Starters,abc,nowhere,Sides;Nope,Lunch\nSalad,Mains,5,grill,,Brunch\n";
    const check = checkMenuCsv(csv);
    expect(check.errors.map((e) => `${e.line}:${e.column}`)).toEqual(["2:price"]);
    const known = {
      categories: new Set(["starters"]),
      stations: new Set(["grill"]),
      modifierGroups: new Set(["sides"]),
      windows: new Set(["lunch"]),
    };
    expect(menuReferenceErrors(check.raw, known).map((e) => `${e.line}:${e.column}:${e.message}`)).toEqual([
      '2:station:No station "nowhere"',
      '2:modifier_groups:No modifier group "Nope"',
      '3:category:No category "Mains" (create it first)',
      '3:availability:No availability window "Brunch"',
    ]);
  });
});
