import { describe, expect, it } from "vitest";
import {
  decimalHours,
  formatMinutes,
  labourCostCents,
  punchFlags,
  splitOvertime,
  summarise,
  toMinutes,
  workedMs,
  workedMsWithin,
  type TimesheetPunch,
} from "./timesheet-math";

const at = (iso: string) => new Date(iso);
const H = 3_600_000;
const NY = { timeZone: "America/New_York", cutoffHour: 4, overtimeWeeklyMinutes: 2400 };

function punch(
  userId: string,
  inIso: string,
  outIso: string | null,
  extra: Partial<TimesheetPunch> = {},
): TimesheetPunch {
  return {
    id: `${userId}-${inIso}`,
    userId,
    clockInAt: at(inIso),
    clockOutAt: outIso ? at(outIso) : null,
    breaks: [],
    shift: null,
    ...extra,
  };
}

describe("punchFlags", () => {
  const shift = { startsAt: at("2026-12-01T16:00:00Z"), endsAt: at("2026-12-01T22:00:00Z") };

  it("flags a clock-in more than five minutes after the start as late, and five minutes exactly as on time", () => {
    expect(punchFlags({ clockInAt: at("2026-12-01T16:05:00Z"), clockOutAt: null }, shift).lateIn).toBe(false);
    expect(punchFlags({ clockInAt: at("2026-12-01T16:05:01Z"), clockOutAt: null }, shift).lateIn).toBe(true);
  });

  it("flags early in, early and late leave against the shift", () => {
    const early = punchFlags({ clockInAt: at("2026-12-01T15:40:00Z"), clockOutAt: at("2026-12-01T21:30:00Z") }, shift);
    expect(early).toEqual({ lateIn: false, earlyIn: true, earlyOut: true, lateOut: false });
    const late = punchFlags({ clockInAt: at("2026-12-01T16:00:00Z"), clockOutAt: at("2026-12-01T22:20:00Z") }, shift);
    expect(late).toEqual({ lateIn: false, earlyIn: false, earlyOut: false, lateOut: true });
  });

  it("flags nothing without a scheduled shift, and no leave flags while the punch is open", () => {
    expect(punchFlags({ clockInAt: at("2026-12-01T18:00:00Z"), clockOutAt: null }, null)).toEqual({
      lateIn: false,
      earlyIn: false,
      earlyOut: false,
      lateOut: false,
    });
    expect(punchFlags({ clockInAt: at("2026-12-01T16:00:00Z"), clockOutAt: null }, shift).earlyOut).toBe(false);
  });
});

describe("worked time", () => {
  it("subtracts unpaid breaks but not paid ones", () => {
    const p = {
      clockInAt: at("2026-12-01T09:00:00Z"),
      clockOutAt: at("2026-12-01T17:00:00Z"),
      breaks: [
        { startedAt: at("2026-12-01T12:00:00Z"), endedAt: at("2026-12-01T12:30:00Z"), paid: false },
        { startedAt: at("2026-12-01T15:00:00Z"), endedAt: at("2026-12-01T15:10:00Z"), paid: true },
      ],
    };
    expect(workedMs(p, at("2026-12-02T00:00:00Z"))).toBe(7.5 * H);
  });

  it("runs an open punch and an open break until now", () => {
    const p = {
      clockInAt: at("2026-12-01T09:00:00Z"),
      clockOutAt: null,
      breaks: [{ startedAt: at("2026-12-01T11:00:00Z"), endedAt: null, paid: false }],
    };
    expect(workedMs(p, at("2026-12-01T11:30:00Z"))).toBe(2 * H);
  });

  it("clips a punch to a window (labour so far today)", () => {
    const p = { clockInAt: at("2026-11-30T22:00:00Z"), clockOutAt: null, breaks: [] };
    expect(workedMsWithin(p, at("2026-12-01T00:00:00Z"), at("2026-12-01T03:00:00Z"))).toBe(3 * H);
  });

  it("counts a night across the autumn DST change by real time (nine hours, not eight)", () => {
    // New York falls back at 02:00 EDT on 2026-11-01: 22:00 EDT → 06:00 EST is 9 hours.
    const p = punch("a", "2026-11-01T02:00:00Z", "2026-11-01T11:00:00Z");
    expect(workedMs(p, at("2026-11-02T00:00:00Z"))).toBe(9 * H);
  });

  it("rounds to the nearest minute, half up", () => {
    expect(toMinutes(29_999)).toBe(0);
    expect(toMinutes(30_000)).toBe(1);
    expect(toMinutes(90 * 60_000 + 29_000)).toBe(90);
  });
});

describe("overtime and cost", () => {
  it("splits a week at the threshold", () => {
    expect(splitOvertime(2500, 2400)).toEqual({ regular: 2400, overtime: 100 });
    expect(splitOvertime(2000, 2400)).toEqual({ regular: 2000, overtime: 0 });
  });

  it("costs overtime at time and a half, in integer cents rounded once, half up", () => {
    // 40 h at $15.00 + 2 h at $22.50 = 60000 + 4500.
    expect(labourCostCents({ regular: 2400, overtime: 120 }, 1500)).toBe(64500);
    // 1 minute at $10.01/h = 16.683… cents → 17; at $10.00 = 16.666… → 17; 0.5 cent rounds up.
    expect(labourCostCents({ regular: 1, overtime: 0 }, 1001)).toBe(17);
    expect(labourCostCents({ regular: 3, overtime: 0 }, 10)).toBe(1); // exactly 0.5 cent → 1
    expect(labourCostCents({ regular: 1, overtime: 0 }, 10)).toBe(0); // 0.1666 cent → 0
    expect(labourCostCents({ regular: 100, overtime: 0 }, null)).toBeNull();
  });
});

describe("summarise", () => {
  it("splits overtime per business week, not over the whole period", () => {
    // Two weeks of 45 h each at a 40 h threshold: 5 h overtime each week (not 10 h over 80).
    const punches: TimesheetPunch[] = [];
    for (const day of ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]) {
      punches.push(punch("a", `${day}T14:00:00Z`, `${day}T23:00:00Z`));
    }
    // Week 2: three days of 12 h plus an evening of 3 h each (the last one still open at `now`).
    for (const [day, next] of [
      ["2026-12-07", "2026-12-08"],
      ["2026-12-08", "2026-12-09"],
      ["2026-12-09", null],
    ] as const) {
      punches.push(
        punch("a", `${day}T11:00:00Z`, `${day}T23:00:00Z`),
        punch("a", `${day}T23:30:00Z`, next ? `${next}T02:30:00Z` : null),
      );
    }
    const now = at("2026-12-10T02:30:00Z");
    const sheet = summarise(punches, new Map([["a", 2000]]), NY, now).get("a")!;
    expect(sheet.weeks.map((w) => w.weekStart)).toEqual(["2026-11-30", "2026-12-07"]);
    expect(sheet.weeks[0]).toMatchObject({ workedMinutes: 2700, regularMinutes: 2400, overtimeMinutes: 300 });
    expect(sheet.weeks[1]).toMatchObject({ workedMinutes: 2700, regularMinutes: 2400, overtimeMinutes: 300 });
    expect(sheet.regularMinutes).toBe(sheet.weeks.reduce((s, w) => s + w.regularMinutes, 0));
    expect(sheet.costCents).toBe(sheet.weeks.reduce((s, w) => s + (w.costCents ?? 0), 0));
    expect(sheet.punches).toBe(punches.length);
  });

  it("puts a night past midnight on the business week it started in", () => {
    // Sunday 2026-12-06 22:00 EST → Monday 02:00 EST: before Monday's 04:00 cut-off → week of 11-30.
    const p = punch("b", "2026-12-07T03:00:00Z", "2026-12-07T07:00:00Z");
    const sheet = summarise([p], new Map(), NY, at("2026-12-08T00:00:00Z")).get("b")!;
    expect(sheet.weeks).toEqual([
      { weekStart: "2026-11-30", workedMinutes: 240, regularMinutes: 240, overtimeMinutes: 0, costCents: null },
    ]);
    expect(sheet.costCents).toBeNull();
  });

  it("counts the extra hour of a week crossing the autumn DST change", () => {
    // Week of Mon 2026-10-26 (New York): a Saturday night shift across the fall-back is 9 real hours.
    const p = punch("c", "2026-11-01T02:00:00Z", "2026-11-01T11:00:00Z");
    const sheet = summarise([p], new Map([["c", 1200]]), NY, at("2026-11-02T00:00:00Z")).get("c")!;
    expect(sheet.weeks[0]).toEqual({
      weekStart: "2026-10-26",
      workedMinutes: 540,
      regularMinutes: 540,
      overtimeMinutes: 0,
      costCents: 10800,
    });
  });

  it("counts late/early flags against the linked shift", () => {
    const shift = { startsAt: at("2026-12-01T16:00:00Z"), endsAt: at("2026-12-01T22:00:00Z") };
    const p = punch("d", "2026-12-01T16:10:00Z", "2026-12-01T21:00:00Z", { shift });
    const sheet = summarise([p], new Map(), NY, at("2026-12-02T00:00:00Z")).get("d")!;
    expect(sheet.flags).toEqual({ lateIn: 1, earlyIn: 0, earlyOut: 1, lateOut: 0 });
  });
});

describe("formatting", () => {
  it("shows hours and minutes, and decimal hours for payroll", () => {
    expect(formatMinutes(465)).toBe("7:45");
    expect(formatMinutes(5)).toBe("0:05");
    expect(decimalHours(465)).toBe("7.75");
  });
});
