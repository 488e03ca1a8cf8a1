import { describe, expect, it } from "vitest";
import {
  findOverlap,
  formatMinutes,
  limitLevel,
  minutesWithin,
  mondayOf,
  normaliseWeek,
  overlaps,
  shiftWallClock,
  spanOnDay,
  totalsByUser,
  weekBounds,
  weekOf,
} from "./week";

const d = (s: string) => new Date(s);

describe("weeks", () => {
  it("start on Monday", () => {
    expect(mondayOf({ y: 2026, m: 12, d: 6 })).toEqual({ y: 2026, m: 11, d: 30 }); // Sunday
    expect(mondayOf({ y: 2026, m: 11, d: 30 })).toEqual({ y: 2026, m: 11, d: 30 });
    expect(normaliseWeek("2027-01-01")).toBe("2026-12-28");
  });

  it("are local business weeks: Sunday 23:30 in New York, or Monday 02:00 before a 04:00 cut-off, is last week", () => {
    const ny = { timeZone: "America/New_York", cutoffHour: 0 };
    expect(weekOf(d("2026-12-07T04:30:00Z"), ny)).toEqual({ y: 2026, m: 11, d: 30 });
    expect(weekOf(d("2026-12-07T04:30:00Z"), { timeZone: "UTC", cutoffHour: 0 })).toEqual({ y: 2026, m: 12, d: 7 });
    expect(weekOf(d("2026-12-07T02:00:00Z"), { timeZone: "UTC", cutoffHour: 4 })).toEqual({ y: 2026, m: 11, d: 30 });
  });

  it("last 167 hours across spring-forward and start at the cut-off", () => {
    const { from, to } = weekBounds({ y: 2027, m: 3, d: 22 }, { timeZone: "Europe/Paris", cutoffHour: 4 });
    expect(from.toISOString()).toBe("2027-03-22T03:00:00.000Z");
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(167);
  });
});

describe("totals", () => {
  const from = d("2026-11-30T00:00:00Z");
  const to = d("2026-12-07T00:00:00Z");
  it("count only the minutes inside the week", () => {
    expect(minutesWithin({ startsAt: d("2026-12-06T20:00:00Z"), endsAt: d("2026-12-07T02:00:00Z") }, from, to)).toBe(
      240,
    );
    expect(minutesWithin({ startsAt: d("2026-12-08T20:00:00Z"), endsAt: d("2026-12-09T02:00:00Z") }, from, to)).toBe(0);
  });
  it("add up per person", () => {
    const t = totalsByUser(
      [
        { userId: "a", startsAt: d("2026-12-01T09:00:00Z"), endsAt: d("2026-12-01T17:00:00Z") },
        { userId: "a", startsAt: d("2026-12-02T09:00:00Z"), endsAt: d("2026-12-02T12:30:00Z") },
        { userId: "b", startsAt: d("2026-12-02T09:00:00Z"), endsAt: d("2026-12-02T10:00:00Z") },
      ],
      from,
      to,
    );
    expect(Object.fromEntries(t)).toEqual({ a: 690, b: 60 });
  });
  it("warn from 90 % of the limit and flag over it", () => {
    expect(limitLevel(2592, 2880)).toBe("near");
    expect(limitLevel(2591, 2880)).toBe("ok");
    expect(limitLevel(2500, 2880)).toBe("ok");
    expect(limitLevel(2880, 2880)).toBe("near");
    expect(limitLevel(2881, 2880)).toBe("over");
  });
  it("format as hours and minutes", () => {
    expect([formatMinutes(45), formatMinutes(480), formatMinutes(450)]).toEqual(["45 min", "8 h", "7 h 30 min"]);
  });
});

describe("overlaps", () => {
  const a = { id: "1", userId: "u", startsAt: d("2026-12-01T09:00:00Z"), endsAt: d("2026-12-01T17:00:00Z") };
  it("are half-open, per person, and ignore the shift itself", () => {
    expect(overlaps(a, { startsAt: d("2026-12-01T17:00:00Z"), endsAt: d("2026-12-01T19:00:00Z") })).toBe(false);
    expect(overlaps(a, { startsAt: d("2026-12-01T16:59:00Z"), endsAt: d("2026-12-01T19:00:00Z") })).toBe(true);
    expect(findOverlap([a], { ...a, userId: "v" })).toBeNull();
    expect(findOverlap([a], { ...a })).toBeNull();
    expect(findOverlap([a], { ...a, id: undefined })).toBe(a);
  });
});

describe("wall clock", () => {
  it("keeps 09:00 at 09:00 a week later across DST", () => {
    expect(shiftWallClock(d("2027-03-24T08:00:00Z"), 7, "Europe/Paris").toISOString()).toBe("2027-03-31T07:00:00.000Z");
  });
  it("reads an end before the start as the next morning", () => {
    const rules = { timeZone: "UTC", cutoffHour: 4 };
    const s = spanOnDay({ y: 2026, m: 12, d: 1 }, "18:00", "02:00", rules);
    expect([s.startsAt.toISOString(), s.endsAt.toISOString()]).toEqual([
      "2026-12-01T18:00:00.000Z",
      "2026-12-02T02:00:00.000Z",
    ]);
    // A start before the cut-off belongs to the business day: the next calendar morning.
    const late = spanOnDay({ y: 2026, m: 12, d: 1 }, "01:00", "03:00", rules);
    expect(late.startsAt.toISOString()).toBe("2026-12-02T01:00:00.000Z");
  });
});
