import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../time/zoned";
import { moveOffsets, offsetsOf, resizeOffsets, snapMinutes, spanFromOffsets, wallClockAt } from "./timeline";

const rules = { timeZone: "America/New_York", cutoffHour: 4 };
const day = parseIsoDate("2026-12-02");

describe("day timeline positions", () => {
  it("snaps to 15 minutes inside the day", () => {
    expect(snapMinutes(7)).toBe(0);
    expect(snapMinutes(8)).toBe(15);
    expect(snapMinutes(-40)).toBe(0);
    expect(snapMinutes(1500)).toBe(1440);
  });

  it("reads positions as local times from the cut-off", () => {
    expect(wallClockAt(0, 4)).toBe("04:00");
    expect(wallClockAt(5 * 60 + 30, 4)).toBe("09:30");
    expect(wallClockAt(22 * 60, 4)).toBe("02:00");
    expect(wallClockAt(1440, 4)).toBe("04:00");
  });

  it("turns a drag into a shift (either direction), late evenings into the next calendar morning", () => {
    const morning = spanFromOffsets(day, 9 * 60, 5 * 60, rules); // dragged right to left, 09:00–13:00
    expect(morning.startsAt.toISOString()).toBe("2026-12-02T14:00:00.000Z");
    expect(morning.endsAt.toISOString()).toBe("2026-12-02T18:00:00.000Z");
    const closing = spanFromOffsets(day, 14 * 60, 22 * 60, rules); // 18:00–02:00
    expect(closing.startsAt.toISOString()).toBe("2026-12-02T23:00:00.000Z");
    expect(closing.endsAt.toISOString()).toBe("2026-12-03T07:00:00.000Z");
    const toTheEnd = spanFromOffsets(day, 20 * 60, 1440, rules); // 00:00–04:00, still Wednesday's business day
    expect(toTheEnd.startsAt.toISOString()).toBe("2026-12-03T05:00:00.000Z");
    expect(toTheEnd.endsAt.toISOString()).toBe("2026-12-03T09:00:00.000Z");
  });

  it("places a shift back where it was drawn, cut at the day's end", () => {
    const closing = spanFromOffsets(day, 14 * 60, 22 * 60, rules);
    expect(offsetsOf(closing, rules)).toEqual({ start: 14 * 60, end: 22 * 60 });
    const long = { startsAt: closing.startsAt, endsAt: new Date(closing.startsAt.getTime() + 16 * 3600_000) };
    expect(offsetsOf(long, rules)).toEqual({ start: 14 * 60, end: 1440 });
  });

  it("resizes an edge keeping at least 15 minutes, and moves inside the day", () => {
    const s = { start: 300, end: 600 };
    expect(resizeOffsets(s, "end", 720)).toEqual({ start: 300, end: 720 });
    expect(resizeOffsets(s, "end", 100)).toEqual({ start: 300, end: 315 });
    expect(resizeOffsets(s, "start", 650)).toEqual({ start: 585, end: 600 });
    expect(resizeOffsets(s, "start", -30)).toEqual({ start: 0, end: 600 });
    expect(moveOffsets(s, 60)).toEqual({ start: 360, end: 660 });
    expect(moveOffsets(s, 2000)).toEqual({ start: 1140, end: 1440 });
    expect(moveOffsets(s, -400)).toEqual({ start: 0, end: 300 });
  });
});
