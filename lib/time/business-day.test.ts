import { describe, expect, it } from "vitest";
import {
  businessDateOf,
  businessDayRange,
  businessWeekRange,
  isoWeekday,
  weekDates,
  weekStartOf,
} from "./business-day";
import { isoDate, parseIsoDate } from "./zoned";

const NY = { timeZone: "America/New_York", cutoffHour: 4 };

describe("business day", () => {
  it("puts the small hours on the evening before, and the cut-off hour on the new day", () => {
    expect(isoDate(businessDateOf(new Date("2026-07-02T05:30:00Z"), NY))).toBe("2026-07-01"); // 01:30 EDT
    expect(isoDate(businessDateOf(new Date("2026-07-02T08:00:00Z"), NY))).toBe("2026-07-02"); // 04:00 EDT
    expect(isoDate(businessDateOf(new Date("2026-07-02T07:59:59Z"), NY))).toBe("2026-07-01"); // 03:59 EDT
  });

  it("with cut-off 0 is the calendar day", () => {
    expect(isoDate(businessDateOf(new Date("2026-07-02T04:30:00Z"), { ...NY, cutoffHour: 0 }))).toBe("2026-07-02");
  });

  it("spans 23 hours on the day clocks spring forward", () => {
    const { start, end } = businessDayRange(parseIsoDate("2026-03-07"), NY);
    expect(start.toISOString()).toBe("2026-03-07T09:00:00.000Z");
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it("starts weeks on Monday", () => {
    expect(isoWeekday(parseIsoDate("2026-11-30"))).toBe(1);
    expect(isoWeekday(parseIsoDate("2026-12-06"))).toBe(7);
    expect(isoDate(weekStartOf(parseIsoDate("2026-12-06")))).toBe("2026-11-30");
    expect(weekDates(parseIsoDate("2026-11-30")).map(isoDate)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    const week = businessWeekRange(parseIsoDate("2026-11-30"), NY);
    expect(week.start.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-12-07T09:00:00.000Z");
  });
});
