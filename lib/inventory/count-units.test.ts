import { describe, expect, it } from "vitest";
import { countEntryToBase, displayUnit, entryText, formatInUnit, fromBaseMilli, initialCountUnit } from "./count-units";
import { toMilli } from "./quantity";

describe("count entry units", () => {
  it("defaults a row to the unit Expected is shown in", () => {
    expect(displayUnit(toMilli("29520"), "G")).toBe("kg");
    expect(displayUnit(toMilli("999"), "G")).toBe("g");
    expect(displayUnit(toMilli("1500"), "ML")).toBe("l");
    expect(displayUnit(toMilli("40"), "EACH")).toBe("each");
  });

  it("reads a count typed in the shown unit (the flour trap: 5 with 29.52 kg shown is 5 kg, not 5 g)", () => {
    expect(initialCountUnit(toMilli("29520"), null, "G")).toBe("kg");
    expect(countEntryToBase("5", "kg", "G")).toBe(toMilli("5000"));
    expect(countEntryToBase("5", "g", "G")).toBe(toMilli("5"));
    expect(countEntryToBase("1.25", "l", "ML")).toBe(toMilli("1250"));
    expect(countEntryToBase("0.001", "kg", "G")).toBe(toMilli("1"));
    expect(countEntryToBase(" 12 ", "each", "EACH")).toBe(toMilli("12"));
  });

  it("refuses what is not a count in a unit of the row", () => {
    expect(countEntryToBase("", "kg", "G")).toBeNull();
    expect(countEntryToBase("-1", "kg", "G")).toBeNull();
    expect(countEntryToBase("1.2345", "kg", "G")).toBeNull();
    expect(countEntryToBase("abc", "kg", "G")).toBeNull();
    expect(countEntryToBase("1", "l", "G")).toBeNull();
    expect(countEntryToBase("1", "dozen", "EACH")).toBeNull();
  });

  it("writes a saved count back in the row's unit, exactly or not at all", () => {
    expect(fromBaseMilli(toMilli("29520"), "kg", "G")).toBe(toMilli("29.52"));
    expect(entryText(toMilli("9500"), "kg", "G")).toBe("9.5");
    expect(entryText(toMilli("0.5"), "kg", "G")).toBeNull(); // 0.0005 kg needs 4 decimals
    expect(initialCountUnit(toMilli("29520"), toMilli("0.5"), "G")).toBe("g");
    expect(initialCountUnit(toMilli("29520"), toMilli("9500"), "G")).toBe("kg");
  });

  it("round-trips every entry with 3 decimals", () => {
    for (const v of ["0", "0.001", "5", "29.52", "99999.999"]) {
      const base = countEntryToBase(v, "kg", "G")!;
      expect(entryText(base, "kg", "G")).toBe(v);
    }
  });

  it("formats quantities in the chosen unit", () => {
    expect(formatInUnit(toMilli("29520"), "kg", "G")).toBe("29.52 kg");
    expect(formatInUnit(toMilli("-24520"), "kg", "G")).toBe("-24.52 kg");
    expect(formatInUnit(toMilli("29520"), "g", "G")).toBe("29,520 g");
    expect(formatInUnit(toMilli("0.4"), "kg", "G")).toBe("0 kg");
  });
});
