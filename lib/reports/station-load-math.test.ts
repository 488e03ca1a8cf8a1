import { describe, expect, it } from "vitest";
import { forecastLoad, itemsPerCover, loadBuckets, type HourHistory } from "./station-load-math";

const at = (iso: string) => new Date(iso);
// UTC keeps local hours readable.
const history: HourHistory[] = [
  { hour: 17, covers: 10, lines: { grill: 10, fry: 5 } },
  { hour: 18, covers: 20, lines: { grill: 30, fry: 10 } },
  { hour: 12, covers: 10, lines: { grill: 2, fry: 20 } },
];

describe("itemsPerCover", () => {
  it("takes covers within an hour either side, else the whole day, else zero", () => {
    // 18:00 → hours 17–19: (10 + 30) / 30 covers.
    expect(itemsPerCover(history, 18, "grill")).toBeCloseTo(40 / 30);
    // 15:00 has no neighbours: the whole day, (10 + 30 + 2) / 40.
    expect(itemsPerCover(history, 15, "grill")).toBeCloseTo(42 / 40);
    expect(itemsPerCover([], 18, "grill")).toBe(0);
    // Midnight wraps: 23:00 is next to 00:00.
    expect(itemsPerCover([{ hour: 0, covers: 2, lines: { bar: 6 } }, ...history], 23, "bar")).toBe(3);
  });
});

describe("loadBuckets", () => {
  it("starts at the bucket holding now", () => {
    const b = loadBuckets(at("2026-12-01T17:40:00Z"), 2, 30);
    expect(b.map((x) => x.start.toISOString())).toEqual([
      "2026-12-01T17:30:00.000Z",
      "2026-12-01T18:00:00.000Z",
      "2026-12-01T18:30:00.000Z",
      "2026-12-01T19:00:00.000Z",
    ]);
  });
});

describe("forecastLoad", () => {
  it("adds open lines, parties × items per cover at their fire time and the walk-in baseline", () => {
    const buckets = forecastLoad({
      now: at("2026-12-01T17:40:00Z"),
      timeZone: "UTC",
      hours: 2,
      bucketMinutes: 60,
      stationIds: ["grill", "fry"],
      open: { grill: 3 },
      reservations: [
        // Booked 17:30, 15 minutes late already: fires in the first bucket. 17:00 → hours 16–18: 40/30 grill, 15/30 fry.
        { startsAt: at("2026-12-01T17:30:00Z"), partySize: 3 },
        // Booked 17:50 fires 18:05: second bucket. Arrival hour 17 as well.
        { startsAt: at("2026-12-01T17:50:00Z"), partySize: 6 },
        // Booked 18:50 fires 19:05: beyond the forecast.
        { startsAt: at("2026-12-01T18:50:00Z"), partySize: 4 },
      ],
      history,
      walkIns: [{ hour: 18, lines: { grill: 8 } }],
      weeks: 4,
    });
    expect(buckets).toHaveLength(2);
    expect(buckets[0].stations).toEqual([
      { stationId: "grill", open: 3, reserved: 4, walkIn: 0, total: 7 },
      { stationId: "fry", open: 0, reserved: 1.5, walkIn: 0, total: 1.5 },
    ]);
    expect(buckets[0].total).toBe(8.5);
    // 6 × 40/30 = 8 grill, 6 × 15/30 = 3 fry; walk-ins at 18:00: 8 lines over 4 weeks = 2.
    expect(buckets[1].stations).toEqual([
      { stationId: "grill", open: 0, reserved: 8, walkIn: 2, total: 10 },
      { stationId: "fry", open: 0, reserved: 3, walkIn: 0, total: 3 },
    ]);
  });

  it("halves the hourly walk-in baseline in 30-minute buckets and drops it when off", () => {
    const base = {
      now: at("2026-12-01T18:00:00Z"),
      timeZone: "UTC",
      hours: 1,
      bucketMinutes: 30,
      stationIds: ["grill"],
      open: {},
      reservations: [],
      history,
      weeks: 4,
    };
    const on = forecastLoad({ ...base, walkIns: [{ hour: 18, lines: { grill: 8 } }] });
    expect(on.map((b) => b.stations[0].walkIn)).toEqual([1, 1]);
    expect(forecastLoad({ ...base, walkIns: null }).map((b) => b.total)).toEqual([0, 0]);
  });
});
