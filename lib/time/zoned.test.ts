import { describe, expect, it } from "vitest";
import {
  formatZonedDateTime,
  localDateOf,
  localHourOf,
  startOfLocalDay,
  startOfNextLocalDay,
  zonedInstant,
} from "./zoned";

const iso = (d: Date) => d.toISOString();

describe("startOfLocalDay", () => {
  it("is midnight in the location's time zone, as UTC", () => {
    expect(iso(startOfLocalDay("America/New_York", new Date("2026-07-01T03:00:00Z")))).toBe("2026-06-30T04:00:00.000Z");
    expect(iso(startOfLocalDay("America/New_York", new Date("2026-01-15T18:00:00Z")))).toBe("2026-01-15T05:00:00.000Z");
    expect(iso(startOfLocalDay("UTC", new Date("2026-01-15T18:00:00Z")))).toBe("2026-01-15T00:00:00.000Z");
    expect(iso(startOfLocalDay("Asia/Kolkata", new Date("2026-01-15T20:00:00Z")))).toBe("2026-01-15T18:30:00.000Z");
  });

  // Spring forward: New York 2026-03-08 02:00 EST → 03:00 EDT; midnight was still EST (UTC−5).
  it("New York, spring-forward day: midnight is 05:00Z and the day has 23 hours", () => {
    const at = new Date("2026-03-08T16:00:00Z");
    expect(iso(startOfLocalDay("America/New_York", at))).toBe("2026-03-08T05:00:00.000Z");
    expect(iso(startOfNextLocalDay("America/New_York", at))).toBe("2026-03-09T04:00:00.000Z");
  });

  // Fall back: New York 2026-11-01 02:00 EDT → 01:00 EST; the day has 25 hours.
  it("New York, fall-back day: midnight is 04:00Z and the day has 25 hours", () => {
    const at = new Date("2026-11-01T20:00:00Z");
    expect(iso(startOfLocalDay("America/New_York", at))).toBe("2026-11-01T04:00:00.000Z");
    expect(iso(startOfNextLocalDay("America/New_York", at))).toBe("2026-11-02T05:00:00.000Z");
  });

  // London: 2026-03-29 01:00 GMT → 02:00 BST; 2026-10-25 02:00 BST → 01:00 GMT.
  it("London, both clock changes", () => {
    expect(iso(startOfLocalDay("Europe/London", new Date("2026-03-29T12:00:00Z")))).toBe("2026-03-29T00:00:00.000Z");
    expect(iso(startOfNextLocalDay("Europe/London", new Date("2026-03-29T12:00:00Z")))).toBe(
      "2026-03-29T23:00:00.000Z",
    );
    expect(iso(startOfLocalDay("Europe/London", new Date("2026-10-25T12:00:00Z")))).toBe("2026-10-24T23:00:00.000Z");
    expect(iso(startOfNextLocalDay("Europe/London", new Date("2026-10-25T12:00:00Z")))).toBe(
      "2026-10-26T00:00:00.000Z",
    );
  });

  it("just after local midnight belongs to the new day, just before to the old one", () => {
    expect(iso(startOfLocalDay("America/New_York", new Date("2026-03-08T05:00:00Z")))).toBe("2026-03-08T05:00:00.000Z");
    expect(iso(startOfLocalDay("America/New_York", new Date("2026-03-08T04:59:59Z")))).toBe("2026-03-07T05:00:00.000Z");
  });
});

describe("zonedInstant and local fields", () => {
  it("maps wall-clock times on both sides of a change", () => {
    const day = { y: 2026, m: 3, d: 8 };
    expect(iso(zonedInstant(day, 1, 30, "America/New_York"))).toBe("2026-03-08T06:30:00.000Z");
    expect(iso(zonedInstant(day, 12, 0, "America/New_York"))).toBe("2026-03-08T16:00:00.000Z");
    expect(iso(zonedInstant({ y: 2026, m: 11, d: 1 }, 12, 0, "America/New_York"))).toBe("2026-11-01T17:00:00.000Z");
  });

  it("reads the local date and hour", () => {
    expect(localDateOf(new Date("2026-03-08T04:30:00Z"), "America/New_York")).toEqual({ y: 2026, m: 3, d: 7 });
    expect(localHourOf(new Date("2026-03-08T07:30:00Z"), "America/New_York")).toBe(3); // 02:30 does not exist
    expect(localHourOf(new Date("2026-10-25T00:30:00Z"), "Europe/London")).toBe(1);
  });
});

describe("formatZonedDateTime", () => {
  it("shows the wall clock of the location's zone with the zone, across DST", () => {
    expect(formatZonedDateTime(new Date("2026-07-01T13:30:00Z"), "America/New_York")).toBe("2026-07-01 09:30 EDT");
    expect(formatZonedDateTime(new Date("2026-01-15T03:05:00Z"), "America/New_York")).toBe("2026-01-14 22:05 EST");
    expect(formatZonedDateTime(new Date("2026-01-15T03:05:00Z"), "UTC")).toBe("2026-01-15 03:05 UTC");
    expect(formatZonedDateTime(new Date("2026-01-15T20:00:00Z"), "Asia/Kolkata")).toBe("2026-01-16 01:30 GMT+5:30");
  });
});
