import { describe, expect, it } from "vitest";
import { JITTER, MAX_ATTEMPTS, RETRY_DELAYS_MS, nextAttemptAfter } from "./retry-policy";

const now = new Date("2026-12-02T03:00:00Z");
const waitAfter = (attempts: number, random: number) =>
  (nextAttemptAfter(attempts, now, () => random)?.getTime() ?? NaN) - now.getTime();

describe("webhook retry schedule", () => {
  it("backs off 30 s, 2 min, 10 min, 1 h, 6 h, 12 h, 24 h, then gives up after 8 attempts", () => {
    expect(RETRY_DELAYS_MS.map((d) => d / 1000)).toEqual([30, 120, 600, 3600, 21600, 43200, 86400]);
    expect(MAX_ATTEMPTS).toBe(8);
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++)
      expect(waitAfter(attempts, 0.5)).toBe(RETRY_DELAYS_MS[attempts - 1]);
    expect(nextAttemptAfter(MAX_ATTEMPTS, now)).toBeNull();
    expect(nextAttemptAfter(MAX_ATTEMPTS + 3, now)).toBeNull();
  });

  it("spreads retries by ±20 % jitter and never shrinks below the schedule's order", () => {
    expect(waitAfter(1, 0)).toBe(RETRY_DELAYS_MS[0] * (1 - JITTER));
    expect(waitAfter(1, 1)).toBe(RETRY_DELAYS_MS[0] * (1 + JITTER));
    for (let attempts = 1; attempts < MAX_ATTEMPTS - 1; attempts++)
      expect(waitAfter(attempts + 1, 0)).toBeGreaterThan(waitAfter(attempts, 1));
  });
});
