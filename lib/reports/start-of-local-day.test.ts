import { describe, expect, it } from "vitest";
import { startOfLocalDay } from "./start-of-local-day";

describe("startOfLocalDay", () => {
  it("is midnight in the location's timezone, as UTC", () => {
    // 2026-07-01 03:00 UTC is still June 30 in New York (UTC-4 in summer).
    expect(startOfLocalDay("America/New_York", new Date("2026-07-01T03:00:00Z")).toISOString()).toBe("2026-06-30T04:00:00.000Z");
    expect(startOfLocalDay("America/New_York", new Date("2026-01-15T18:00:00Z")).toISOString()).toBe("2026-01-15T05:00:00.000Z");
    expect(startOfLocalDay("UTC", new Date("2026-01-15T18:00:00Z")).toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(startOfLocalDay("Asia/Kolkata", new Date("2026-01-15T20:00:00Z")).toISOString()).toBe("2026-01-15T18:30:00.000Z");
  });
});
