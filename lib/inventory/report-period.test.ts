import { describe, expect, it } from "vitest";
import { reportPeriodSchema, reportRange } from "./report-period";

describe("reportRange", () => {
  it("covers whole local days, including a 23-hour spring-forward day", () => {
    const r = reportRange(reportPeriodSchema.parse({ from: "2026-03-08", to: "2026-03-08" }), "America/New_York");
    expect(r.from.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(r.toExclusive.toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it("defaults to the 30 local days ending today", () => {
    const r = reportRange(reportPeriodSchema.parse({}), "Europe/London", new Date("2026-10-25T23:30:00Z"));
    expect(r.label).toEqual({ from: "2026-09-26", to: "2026-10-25" });
    expect(r.toExclusive.toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });

  it("refuses a reversed or over-long period", () => {
    expect(reportPeriodSchema.safeParse({ from: "2026-05-02", to: "2026-05-01" }).success).toBe(false);
    expect(reportPeriodSchema.safeParse({ from: "2025-01-01", to: "2026-05-01" }).success).toBe(false);
  });
});
