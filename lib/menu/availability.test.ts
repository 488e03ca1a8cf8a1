import { describe, expect, it } from "vitest";
import { inSeason, isAvailable, localTime, windowMatches } from "./availability";

const brunch = { daysOfWeek: [0, 6], startMinute: 10 * 60, endMinute: 15 * 60 };
const lateBar = { daysOfWeek: [5], startMinute: 22 * 60, endMinute: 2 * 60 }; // Fri 22:00 → Sat 02:00

describe("local time", () => {
  it("converts to the location's timezone (DST-aware)", () => {
    // 2026-11-22 is a Sunday. 15:30 UTC = 10:30 in New York (EST, UTC-5).
    expect(localTime(new Date("2026-11-22T15:30:00Z"), "America/New_York")).toEqual({ date: "2026-11-22", dayOfWeek: 0, minute: 630 });
    // In July New York is UTC-4.
    expect(localTime(new Date("2026-07-04T14:00:00Z"), "America/New_York").minute).toBe(600);
    // Just after UTC midnight it is still the previous day in New York.
    expect(localTime(new Date("2026-11-22T03:00:00Z"), "America/New_York")).toMatchObject({ date: "2026-11-21", dayOfWeek: 6 });
    expect(localTime(new Date("2026-11-22T00:00:00Z"), "UTC")).toEqual({ date: "2026-11-22", dayOfWeek: 0, minute: 0 });
  });
});

describe("windows", () => {
  it("match days and [start, end)", () => {
    expect(windowMatches(brunch, { dayOfWeek: 0, minute: 600 })).toBe(true);
    expect(windowMatches(brunch, { dayOfWeek: 0, minute: 899 })).toBe(true);
    expect(windowMatches(brunch, { dayOfWeek: 0, minute: 900 })).toBe(false);
    expect(windowMatches(brunch, { dayOfWeek: 1, minute: 700 })).toBe(false);
  });

  it("wrap past midnight into the next day", () => {
    expect(windowMatches(lateBar, { dayOfWeek: 5, minute: 23 * 60 })).toBe(true);
    expect(windowMatches(lateBar, { dayOfWeek: 6, minute: 60 })).toBe(true);
    expect(windowMatches(lateBar, { dayOfWeek: 6, minute: 120 })).toBe(false);
    expect(windowMatches(lateBar, { dayOfWeek: 5, minute: 60 })).toBe(false); // Thursday night is not listed
    expect(windowMatches({ daysOfWeek: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440 }, { dayOfWeek: 3, minute: 1439 })).toBe(true);
  });
});

describe("seasonal range", () => {
  it("is inclusive on both ends; open ends allowed", () => {
    const rule = { seasonalFrom: new Date("2026-06-01T00:00:00Z"), seasonalTo: new Date("2026-08-31T00:00:00Z") };
    expect(inSeason(rule, "2026-06-01")).toBe(true);
    expect(inSeason(rule, "2026-08-31")).toBe(true);
    expect(inSeason(rule, "2026-05-31")).toBe(false);
    expect(inSeason(rule, "2026-09-01")).toBe(false);
    expect(inSeason({ seasonalFrom: "2026-12-01" }, "2027-03-01")).toBe(true);
    expect(inSeason({}, "2026-01-01")).toBe(true);
  });
});

describe("isAvailable", () => {
  const sundayBrunchUtc = new Date("2026-11-22T15:30:00Z"); // 10:30 Sunday in New York
  it("an item with no window is available all day (in season)", () => {
    expect(isAvailable({ windows: [] }, sundayBrunchUtc, "America/New_York")).toBe(true);
    expect(isAvailable({ windows: [], seasonalTo: "2026-10-31" }, sundayBrunchUtc, "America/New_York")).toBe(false);
  });

  it("needs one matching window, in the location's timezone", () => {
    expect(isAvailable({ windows: [brunch] }, sundayBrunchUtc, "America/New_York")).toBe(true);
    // Same instant in Tokyo is Monday 00:30: no brunch.
    expect(isAvailable({ windows: [brunch] }, sundayBrunchUtc, "Asia/Tokyo")).toBe(false);
    expect(isAvailable({ windows: [brunch, lateBar] }, new Date("2026-11-21T05:30:00Z"), "America/New_York")).toBe(true); // Sat 00:30
  });
});
