import { describe, expect, it } from "vitest";
import { overlapMessage, overlappingPeriod } from "./period-overlap";

const lunch = { id: "l", name: "Lunch", daysOfWeek: [1, 2, 3, 4, 5], startMinute: 690, endMinute: 870 };
const dinner = { id: "d", name: "Dinner", daysOfWeek: [0, 1, 2, 3, 4, 5, 6], startMinute: 1020, endMinute: 1350 };

describe("overlappingPeriod", () => {
  it("lets periods follow each other (half-open hours) and ignores other weekdays", () => {
    expect(
      overlappingPeriod([lunch, dinner], { name: "Tea", daysOfWeek: [1], startMinute: 870, endMinute: 1020 }),
    ).toBeNull();
    expect(
      overlappingPeriod([lunch], { name: "Brunch", daysOfWeek: [0, 6], startMinute: 600, endMinute: 900 }),
    ).toBeNull();
  });

  it("finds an overlap on a shared weekday and names the days", () => {
    const hit = overlappingPeriod([lunch, dinner], {
      name: "Late lunch",
      daysOfWeek: [5, 6],
      startMinute: 840,
      endMinute: 960,
    });
    expect(hit?.period.name).toBe("Lunch");
    expect(overlapMessage(hit!)).toBe("Overlaps Lunch on Fri");
  });

  it("does not compare a period with itself when it is edited", () => {
    expect(overlappingPeriod([lunch, dinner], { ...dinner, endMinute: 1380 })).toBeNull();
    expect(overlappingPeriod([lunch, dinner], { ...dinner, startMinute: 800 })?.period.name).toBe("Lunch");
  });

  it("refuses a period that contains another one", () => {
    expect(
      overlappingPeriod([dinner], { name: "All day", daysOfWeek: [3], startMinute: 0, endMinute: 1440 })?.period.id,
    ).toBe("d");
  });
});
