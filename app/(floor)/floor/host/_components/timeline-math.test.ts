import { describe, expect, it } from "vitest";
import { barBox, clockText, columns, minuteAt, minuteOfDay, nowOffset, timelineRange } from "./timeline-math";

const dinner = { startMinute: 17 * 60, endMinute: 22 * 60 + 30 };
const lunch = { startMinute: 11 * 60 + 30, endMinute: 14 * 60 + 30 };

describe("timelineRange", () => {
  it("spans the day's periods on whole hours", () => {
    expect(timelineRange([dinner], [])).toEqual({ start: 17 * 60, end: 23 * 60 });
    expect(timelineRange([dinner, lunch], [])).toEqual({ start: 11 * 60, end: 23 * 60 });
  });

  it("stretches to bookings outside service hours, even past midnight", () => {
    expect(timelineRange([dinner], [{ start: 21 * 60, end: 23 * 60 + 30 }])).toEqual({ start: 1020, end: 1440 });
    expect(timelineRange([dinner], [{ start: 23 * 60, end: 25 * 60 + 10 }])).toEqual({ start: 1020, end: 26 * 60 });
    expect(timelineRange([dinner], [{ start: 16 * 60 + 45, end: 18 * 60 }]).start).toBe(16 * 60);
  });

  it("falls back to a default frame on a closed day", () => {
    expect(timelineRange([], [])).toEqual({ start: 660, end: 1380 });
  });

  it("never starts before midnight nor runs beyond the longest stay into the next day", () => {
    expect(timelineRange([], [{ start: -30, end: 60 }]).start).toBe(0);
    expect(timelineRange([], [{ start: 1400, end: 3000 }]).end).toBe(1440 + 480);
  });
});

describe("columns", () => {
  it("steps by 15 minutes, the end excluded", () => {
    const c = columns({ start: 1020, end: 1080 });
    expect(c).toEqual([1020, 1035, 1050, 1065]);
  });
});

describe("barBox", () => {
  const range = { start: 1020, end: 1380 };
  it("places a booking by start and length", () => {
    // 19:00 for 90 minutes at 32 px per 15 minutes: 8 cells in, 6 cells wide.
    expect(barBox({ start: 1140, end: 1230 }, range, 32)).toEqual({ left: 256, width: 192 });
  });

  it("clips bars at the frame's edges and drops those outside it", () => {
    expect(barBox({ start: 990, end: 1050 }, range, 32)).toEqual({ left: 0, width: 64 });
    expect(barBox({ start: 1350, end: 1500 }, range, 32)).toEqual({ left: 704, width: 64 });
    expect(barBox({ start: 600, end: 700 }, range, 32)).toBeNull();
    expect(barBox({ start: 1380, end: 1400 }, range, 32)).toBeNull();
  });
});

describe("minuteAt", () => {
  const range = { start: 1020, end: 1380 };
  it("finds the 15-minute cell under a tap", () => {
    expect(minuteAt(0, range, 32)).toBe(1020);
    expect(minuteAt(31.9, range, 32)).toBe(1020);
    expect(minuteAt(32, range, 32)).toBe(1035);
    expect(minuteAt(256 + 5, range, 32)).toBe(1140);
  });

  it("keeps taps outside the frame on its first or last cell", () => {
    expect(minuteAt(-10, range, 32)).toBe(1020);
    expect(minuteAt(10_000, range, 32)).toBe(1365);
  });
});

describe("nowOffset", () => {
  const range = { start: 1020, end: 1380 };
  it("draws the now line inside the frame only", () => {
    expect(nowOffset(1020, range, 32)).toBe(0);
    expect(nowOffset(1147.5, range, 32)).toBe(272);
    expect(nowOffset(1000, range, 32)).toBeNull();
    expect(nowOffset(1381, range, 32)).toBeNull();
  });
});

describe("minuteOfDay and clockText", () => {
  it("counts minutes from the date's local midnight", () => {
    const midnight = new Date("2026-12-01T05:00:00Z"); // New York, EST
    expect(minuteOfDay("2026-12-02T00:00:00Z", midnight)).toBe(19 * 60);
    expect(minuteOfDay(new Date("2026-12-02T05:30:00Z"), midnight)).toBe(1470);
  });

  it("reads minutes as a 24-hour clock", () => {
    expect(clockText(1140)).toBe("19:00");
    expect(clockText(1470)).toBe("00:30");
    expect(clockText(0)).toBe("00:00");
  });
});
