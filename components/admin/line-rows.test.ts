import { describe, expect, it } from "vitest";
import { lineFieldErrors, moveBy, removeAt, updateAt } from "./line-rows";

const rows = [{ n: "a" }, { n: "b" }, { n: "c" }];

describe("line rows", () => {
  it("updates one row and leaves the others (and the input) as they were", () => {
    expect(updateAt(rows, 1, { n: "B" })).toEqual([{ n: "a" }, { n: "B" }, { n: "c" }]);
    expect(updateAt(rows, 1, { n: "B" })[0]).toBe(rows[0]);
    expect(rows[1]).toEqual({ n: "b" });
  });

  it("removes one row", () => {
    expect(removeAt(rows, 0)).toEqual([{ n: "b" }, { n: "c" }]);
  });

  it("moves a row up or down by one", () => {
    expect(moveBy(rows, 1, -1)).toEqual([{ n: "b" }, { n: "a" }, { n: "c" }]);
    expect(moveBy(rows, 1, 1)).toEqual([{ n: "a" }, { n: "c" }, { n: "b" }]);
    expect(rows.map((r) => r.n)).toEqual(["a", "b", "c"]);
  });

  it("collects one line's field errors in the order asked", () => {
    const errors = {
      "lines.1.unit": ["Unknown unit"],
      "lines.1.quantity": ["Must be more than 0"],
      "lines.0.quantity": ["Not this line"],
      lines: ["Not a line's field"],
    };
    expect(lineFieldErrors(errors, "lines", 1, ["quantity", "unit", "ingredientId"])).toEqual([
      "Must be more than 0",
      "Unknown unit",
    ]);
    expect(lineFieldErrors(errors, "modifiers", 1, ["quantity"])).toEqual([]);
  });
});
