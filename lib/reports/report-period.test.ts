import { describe, expect, it } from "vitest";
import { reportPeriodSchema, resolvePeriod, spanDates, changeRatio, periodQuery } from "./report-period";

const NY = { timeZone: "America/New_York", cutoffHour: 4 };
// Wednesday 2026-11-25, 02:00 in New York: still Tuesday's business day (cut-off 04:00).
const LATE_NIGHT = new Date("2026-11-25T07:00:00Z");
const NOON = new Date("2026-11-25T17:00:00Z");

describe("resolvePeriod", () => {
  it("defaults to today's business day, which at 02:00 is still yesterday's date", () => {
    const p = resolvePeriod({}, NY, LATE_NIGHT);
    expect([p.from, p.to, p.preset, p.days]).toEqual(["2026-11-24", "2026-11-24", "today", 1]);
    // 04:00 EST on the 24th to 04:00 EST on the 25th.
    expect(p.start.toISOString()).toBe("2026-11-24T09:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-11-25T09:00:00.000Z");
    expect([p.previous?.from, p.previous?.to]).toEqual(["2026-11-23", "2026-11-23"]);
  });

  it("resolves the week and month presets and compares with the span before", () => {
    const lastWeek = resolvePeriod({ preset: "last-week" }, NY, NOON);
    expect([lastWeek.from, lastWeek.to, lastWeek.days]).toEqual(["2026-11-16", "2026-11-22", 7]);
    expect([lastWeek.previous?.from, lastWeek.previous?.to]).toEqual(["2026-11-09", "2026-11-15"]);
    const thisWeek = resolvePeriod({ preset: "this-week" }, NY, NOON);
    expect([thisWeek.from, thisWeek.to]).toEqual(["2026-11-23", "2026-11-25"]);
    const lastMonth = resolvePeriod({ preset: "last-month" }, NY, NOON);
    expect([lastMonth.from, lastMonth.to, lastMonth.previous?.from, lastMonth.previous?.to]).toEqual([
      "2026-10-01",
      "2026-10-31",
      "2026-09-01",
      "2026-09-30",
    ]);
    const thisMonth = resolvePeriod({ preset: "this-month" }, NY, NOON);
    expect([thisMonth.from, thisMonth.to, thisMonth.previous?.from, thisMonth.previous?.to]).toEqual([
      "2026-11-01",
      "2026-11-25",
      "2026-10-01",
      "2026-10-25",
    ]);
    const jan = resolvePeriod({ preset: "last-month" }, NY, new Date("2027-01-10T17:00:00Z"));
    expect([jan.from, jan.to, jan.previous?.from]).toEqual(["2026-12-01", "2026-12-31", "2026-11-01"]);
  });

  it("takes custom dates, and no comparison when asked", () => {
    const p = resolvePeriod({ from: "2026-03-07", to: "2026-03-09", compare: "none" }, NY, NOON);
    expect([p.preset, p.days, p.previous]).toEqual(["custom", 3, null]);
    // The spring-forward night: 04:00 EST on the 7th … 04:00 EDT on the 10th.
    expect(p.start.toISOString()).toBe("2026-03-07T09:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-03-10T08:00:00.000Z");
    expect(spanDates(p)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    expect(periodQuery(p, "none")).toBe("from=2026-03-07&to=2026-03-09&compare=none");
  });
});

describe("reportPeriodSchema", () => {
  const errors = (input: unknown) => {
    const r = reportPeriodSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it("refuses half a range, reversed dates, mixed preset and dates, and years-long ranges", () => {
    expect(errors({ from: "2026-01-01" })).toEqual(["to: Give both the first and the last date"]);
    expect(errors({ from: "2026-02-01", to: "2026-01-01" })).toEqual(["from: Must be on or before the last date"]);
    expect(errors({ preset: "today", from: "2026-01-01", to: "2026-01-02" })).toEqual([
      "preset: Give a preset or dates, not both",
    ]);
    expect(errors({ from: "2024-01-01", to: "2026-01-01" })).toEqual(["to: At most 366 days"]);
    expect(errors({ preset: "fortnight" })[0]).toMatch(/^preset: One of today/);
    expect(errors({ from: "2026-13-01", to: "2026-13-02" }).length).toBeGreaterThan(0);
    expect(errors({ preset: "last-week", compare: "none", format: "csv" })).toEqual([]);
  });
});

describe("changeRatio", () => {
  it("is null without a previous figure and signed otherwise", () => {
    expect(changeRatio(10, 0)).toBeNull();
    expect(changeRatio(10, null)).toBeNull();
    expect(changeRatio(12, 10)).toBeCloseTo(0.2);
    expect(changeRatio(5, 10)).toBeCloseTo(-0.5);
  });
});
