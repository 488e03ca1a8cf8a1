import { describe, expect, it } from "vitest";
import { formatElapsed, targetFor, ticketUrgency, urgency } from "./ticket-timer";

describe("ticket timer", () => {
  it("turns amber at warn and red at late minutes", () => {
    const t = { warnMinutes: 5, lateMinutes: 8 };
    expect(urgency(4 * 60_000 + 59_000, t)).toBe("ok");
    expect(urgency(5 * 60_000, t)).toBe("warn");
    expect(urgency(8 * 60_000, t)).toBe("late");
    expect(urgency(2 * 60_000, { warnMinutes: 1, lateMinutes: 2 })).toBe("late");
    expect(urgency(6 * 60_000)).toBe("warn"); // defaults 5/8
  });

  it("takes a line's target from its dish's prep time, else its station, else the location", () => {
    const location = { warnMinutes: 5, lateMinutes: 8 };
    expect(targetFor(null, null, location)).toEqual(location);
    expect(targetFor(null, { warnMinutes: null, lateMinutes: null }, location)).toEqual(location);
    expect(targetFor(null, { warnMinutes: 2, lateMinutes: 4 }, location)).toEqual({ warnMinutes: 2, lateMinutes: 4 });
    // An 18-minute steak: late at 18, amber at 5/8 of it.
    expect(targetFor(18, null, location)).toEqual({ warnMinutes: 11, lateMinutes: 18 });
    expect(targetFor(18, { warnMinutes: 3, lateMinutes: 6 }, location)).toEqual({ warnMinutes: 9, lateMinutes: 18 });
    expect(targetFor(1, null, location)).toEqual({ warnMinutes: 1, lateMinutes: 1 });
    expect(targetFor(0, null, location)).toEqual(location);
  });

  it("colours a ticket by its most urgent line still being made", () => {
    const steak = { status: "SENT", bumpedAt: null, target: { warnMinutes: 11, lateMinutes: 18 } };
    const lemonade = { status: "SENT", bumpedAt: null, target: { warnMinutes: 1, lateMinutes: 2 } };
    const min = 60_000;
    expect(ticketUrgency(10 * min, [steak])).toBe("ok"); // one 5/8 for every dish said "late" here
    expect(ticketUrgency(12 * min, [steak])).toBe("warn");
    expect(ticketUrgency(3 * min, [steak, lemonade])).toBe("late");
    expect(ticketUrgency(3 * min, [steak, { ...lemonade, bumpedAt: "x" }])).toBe("ok"); // done lines stop counting
    expect(
      ticketUrgency(3 * min, [
        { ...steak, bumpedAt: "x" },
        { ...lemonade, bumpedAt: "x" },
      ]),
    ).toBe("late"); // all done: waiting at the pass
    expect(ticketUrgency(3 * min, [{ ...lemonade, status: "VOIDED" }, steak])).toBe("ok");
    expect(ticketUrgency(9 * min, [])).toBe("late");
  });

  it("formats elapsed time", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(-5000)).toBe("0:00");
    expect(formatElapsed(247_000)).toBe("4:07");
    expect(formatElapsed(3_729_000)).toBe("1:02:09");
  });
});
