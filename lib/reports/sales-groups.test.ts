import { describe, expect, it } from "vitest";
import { hourLabel, weekStarts } from "./sales-groups";

describe("weekStarts", () => {
  it("gives the Monday of each week the span touches", () => {
    // 2026-11-01 is a Sunday; 2026-11-30 a Monday.
    expect(weekStarts("2026-11-01", "2026-11-30")).toEqual([
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
    expect(weekStarts("2026-11-23", "2026-11-29")).toEqual(["2026-11-23"]);
  });
});

describe("hourLabel", () => {
  it("pads the hour", () => {
    expect(hourLabel(7)).toBe("07:00");
    expect(hourLabel(23)).toBe("23:00");
  });
});
