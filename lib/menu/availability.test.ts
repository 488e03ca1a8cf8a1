import { describe, expect, it } from "vitest";
import { formatAvailableFrom, inSeason, isAvailable, localTime, nextAvailableAt, windowMatches } from "./availability";

const brunch = { daysOfWeek: [0, 6], startMinute: 10 * 60, endMinute: 15 * 60 };
const lateBar = { daysOfWeek: [5], startMinute: 22 * 60, endMinute: 2 * 60 }; // Fri 22:00 → Sat 02:00

describe("local time", () => {
  it("converts to the location's timezone (DST-aware)", () => {
    // 2026-11-22 is a Sunday. 15:30 UTC = 10:30 in New York (EST, UTC-5).
    expect(localTime(new Date("2026-11-22T15:30:00Z"), "America/New_York")).toEqual({
      date: "2026-11-22",
      dayOfWeek: 0,
      minute: 630,
    });
    // In July New York is UTC-4.
    expect(localTime(new Date("2026-07-04T14:00:00Z"), "America/New_York").minute).toBe(600);
    // Just after UTC midnight it is still the previous day in New York.
    expect(localTime(new Date("2026-11-22T03:00:00Z"), "America/New_York")).toMatchObject({
      date: "2026-11-21",
      dayOfWeek: 6,
    });
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
    expect(
      windowMatches(
        { daysOfWeek: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440 },
        { dayOfWeek: 3, minute: 1439 },
      ),
    ).toBe(true);
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
    expect(isAvailable({ windows: [brunch, lateBar] }, new Date("2026-11-21T05:30:00Z"), "America/New_York")).toBe(
      true,
    ); // Sat 00:30
  });
});

describe("nextAvailableAt", () => {
  const bar = { daysOfWeek: [0, 1, 2, 3, 4, 5, 6], startMinute: 11 * 60, endMinute: 2 * 60 }; // 11:00 → 02:00 every day
  // 2026-11-25 is a Wednesday. 09:00 UTC = 04:00 in New York.
  const wed0400 = new Date("2026-11-25T09:00:00Z");

  it("is null while the item is available", () => {
    expect(nextAvailableAt({ windows: [] }, wed0400, "America/New_York")).toBeNull();
    expect(nextAvailableAt({ windows: [bar] }, new Date("2026-11-25T06:30:00Z"), "America/New_York")).toBeNull(); // 01:30, still open
  });

  it("no alcohol at 04:00: from 11:00 the same day, in the location's timezone", () => {
    const next = nextAvailableAt({ windows: [bar] }, wed0400, "America/New_York");
    expect(next).toEqual({ daysAhead: 0, dayOfWeek: 3, minute: 660 });
    expect(formatAvailableFrom(next!, { minute: 240 })).toBe("11:00");
    // The same instant is 18:00 in Tokyo: the bar is open there.
    expect(nextAvailableAt({ windows: [bar] }, wed0400, "Asia/Tokyo")).toBeNull();
  });

  it("picks the earliest of several windows and skips days not listed", () => {
    const lunch = { daysOfWeek: [1, 2, 3, 4, 5], startMinute: 11 * 60 + 30, endMinute: 14 * 60 };
    const brunch = { daysOfWeek: [0, 6], startMinute: 10 * 60, endMinute: 15 * 60 };
    // Friday 15:00 New York → Saturday brunch at 10:00.
    const fri1500 = new Date("2026-11-27T20:00:00Z");
    const next = nextAvailableAt({ windows: [lunch, brunch] }, fri1500, "America/New_York");
    expect(next).toEqual({ daysAhead: 1, dayOfWeek: 6, minute: 600 });
    expect(formatAvailableFrom(next!, { minute: 900 })).toBe("10:00"); // within 24 h: no weekday
    // Saturday 16:00 → Monday lunch 11:30, more than a day away: the weekday is named.
    const sat1600 = new Date("2026-11-28T21:00:00Z");
    const monday = nextAvailableAt({ windows: [lunch] }, sat1600, "America/New_York");
    expect(monday).toEqual({ daysAhead: 2, dayOfWeek: 1, minute: 690 });
    expect(formatAvailableFrom(monday!, { minute: 960 })).toBe("Mon 11:30");
  });

  it("a window's start at the current minute is already open; the next one is a week away", () => {
    const weekly = { daysOfWeek: [3], startMinute: 4 * 60, endMinute: 4 * 60 + 1 };
    expect(nextAvailableAt({ windows: [weekly] }, wed0400, "America/New_York")).toBeNull();
    const after = new Date("2026-11-25T09:01:00Z"); // 04:01, just closed
    expect(nextAvailableAt({ windows: [weekly] }, after, "America/New_York")).toEqual({
      daysAhead: 7,
      dayOfWeek: 3,
      minute: 240,
    });
  });

  it("respects the season: a season starting in two days opens at its first window (or midnight)", () => {
    const rule = { windows: [bar], seasonalFrom: "2026-11-27" };
    expect(nextAvailableAt(rule, wed0400, "America/New_York")).toEqual({ daysAhead: 2, dayOfWeek: 5, minute: 0 }); // Thursday's 11:00–02:00 runs into Friday
    expect(nextAvailableAt({ windows: [], seasonalFrom: "2026-11-26" }, wed0400, "America/New_York")).toEqual({
      daysAhead: 1,
      dayOfWeek: 4,
      minute: 0,
    });
    expect(nextAvailableAt({ windows: [bar], seasonalTo: "2026-11-24" }, wed0400, "America/New_York")).toBeNull(); // season over
    expect(nextAvailableAt({ windows: [], seasonalFrom: "2027-03-01" }, wed0400, "America/New_York")).toBeNull(); // beyond a week
  });
});
