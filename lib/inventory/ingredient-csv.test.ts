import { describe, expect, it } from "vitest";
import { checkIngredientCsv } from "./ingredient-csv";

const header =
  "name,base_unit,purchase_unit,purchase_unit_size,cost_per_purchase_unit,par_level,reorder_point,supplier,on_hand";

describe("ingredient CSV rows", () => {
  it("parses a clean row into typed fields (cents, exact quantities, null blanks)", () => {
    const { rows, errors } = checkIngredientCsv(`${header}\nFlour,G,5 kg sack,5000,$12.50,20000,5000,,\n`);
    expect(errors).toEqual([]);
    expect(rows[0]).toEqual({
      line: 2,
      data: {
        name: "Flour",
        sku: null,
        base_unit: "G",
        purchase_unit: "5 kg sack",
        purchase_unit_size: "5000",
        cost_per_purchase_unit: 1250,
        par_level: "20000",
        reorder_point: "5000",
        supplier: null,
        on_hand: null,
      },
    });
  });

  it("lists every problem of every row with its line and column", () => {
    const csv = [
      header,
      "Milk,litre,bottle,0,abc,10,20,,",
      "Eggs,each,tray,30,4.00,60,24,,-5",
      "Flour,g,sack,5000,1,1,1,,",
      "flour,g,sack,5000,1,1,1,,",
    ].join("\n");
    const { errors } = checkIngredientCsv(csv);
    expect(errors.map((e) => `${e.line}:${e.column}`)).toEqual([
      "2:base_unit",
      "2:purchase_unit_size",
      "2:cost_per_purchase_unit",
      "3:on_hand",
      "5:name",
    ]);
  });

  it("reports reorder point above par once the row is otherwise valid", () => {
    const { errors } = checkIngredientCsv(`${header}\nMilk,ml,bottle,1000,1.20,10,20,,\n`);
    expect(errors).toEqual([{ line: 2, column: "reorder_point", message: "Must not be above par_level" }]);
  });

  it("refuses an empty body and too many rows", () => {
    expect(checkIngredientCsv(`${header}\n`).errors[0].message).toMatch(/no rows/);
    const big = [header, ...Array.from({ length: 5001 }, (_, i) => `I${i},g,bag,1,1,1,1,,`)].join("\n");
    expect(checkIngredientCsv(big).errors[0].message).toMatch(/Too many rows/);
  });
});
