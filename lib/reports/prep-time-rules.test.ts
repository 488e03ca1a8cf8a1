import { describe, expect, it } from "vitest";
import { MIN_SAMPLES, prepStats, suggestedMinutes } from "./prep-time-rules";

describe("learned prep times", () => {
  it("ignores instant bumps and lines left on the screen, and proposes the p90 rounded up", () => {
    const cooked = [400, 420, 430, 440, 450, 460, 470, 480, 500, 520];
    const stats = prepStats([...cooked, 5, 8, 3600, 4200]);
    expect(stats).toMatchObject({ samples: 10, discarded: 4 });
    expect(stats.medianSeconds).toBeCloseTo(455, 5);
    expect(stats.p90Seconds).toBeCloseTo(502, 5);
    expect(suggestedMinutes(stats)).toBe(9);
  });

  it("proposes nothing from too few plates", () => {
    const few = prepStats(Array.from({ length: MIN_SAMPLES - 1 }, () => 300));
    expect(suggestedMinutes(few)).toBeNull();
    expect(suggestedMinutes(prepStats(Array.from({ length: MIN_SAMPLES }, () => 300)))).toBe(5);
    expect(suggestedMinutes({ samples: 0, p90Seconds: 0 })).toBeNull();
  });

  it("stays within a minute and four hours", () => {
    expect(suggestedMinutes({ samples: 20, p90Seconds: 25 })).toBe(1);
    expect(suggestedMinutes({ samples: 20, p90Seconds: 99_999 })).toBe(240);
  });
});
