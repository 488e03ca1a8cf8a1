import { describe, expect, it } from "vitest";
import {
  asapPromise,
  earliestSlot,
  fireAtFor,
  isSlotStart,
  leadMinutes,
  offeredSlots,
  requestedTimeProblem,
  slotStart,
  etaMinutesFor,
} from "./online-times";

const at = (iso: string) => new Date(iso);

describe("slots", () => {
  it("floors a time to its quarter hour", () => {
    expect(slotStart(at("2026-12-02T18:14:59Z")).toISOString()).toBe("2026-12-02T18:00:00.000Z");
    expect(slotStart(at("2026-12-02T18:15:00Z")).toISOString()).toBe("2026-12-02T18:15:00.000Z");
    expect(isSlotStart(at("2026-12-02T18:30:00Z"))).toBe(true);
    expect(isSlotStart(at("2026-12-02T18:31:00Z"))).toBe(false);
  });

  it("offers slots from the first one the kitchen can make, leaving full ones out", () => {
    const now = at("2026-12-02T18:05:30Z");
    const lead = leadMinutes(20, 15);
    expect(earliestSlot(now, lead).toISOString()).toBe("2026-12-02T18:45:00.000Z");
    const taken = new Map([[at("2026-12-02T18:45:00Z").getTime(), 6]]);
    const slots = offeredSlots(now, lead, 6, taken);
    expect(slots[0]).toEqual({ startsAt: "2026-12-02T19:00:00.000Z", left: 6 });
    expect(slots.some((s) => s.startsAt === "2026-12-02T18:45:00.000Z")).toBe(false);
    expect(slots.at(-1)!.startsAt).toBe("2026-12-03T06:00:00.000Z");
  });

  it("refuses unaligned, too early and too far requested times", () => {
    const now = at("2026-12-02T18:00:00Z");
    expect(requestedTimeProblem(at("2026-12-02T19:10:00Z"), now, 35)).toMatch(/every 15 minutes/);
    expect(requestedTimeProblem(at("2026-12-02T18:30:00Z"), now, 35)).toMatch(/too soon/);
    expect(requestedTimeProblem(at("2026-12-02T18:45:00Z"), now, 35)).toBeNull();
    expect(requestedTimeProblem(at("2026-12-03T07:00:00Z"), now, 35)).toMatch(/12 hours/);
  });
});

describe("promised and fire times", () => {
  it("promises ASAP as now + prep + travel, rounded up to the minute", () => {
    expect(asapPromise(at("2026-12-02T18:00:10Z"), 35).toISOString()).toBe("2026-12-02T18:36:00.000Z");
    expect(asapPromise(at("2026-12-02T18:00:00Z"), 20).toISOString()).toBe("2026-12-02T18:20:00.000Z");
  });

  it("fires at promised − prep − travel, never before now", () => {
    const now = at("2026-12-02T18:00:00Z");
    expect(fireAtFor(at("2026-12-02T20:00:00Z"), 35, now).toISOString()).toBe("2026-12-02T19:25:00.000Z");
    expect(fireAtFor(at("2026-12-02T18:20:00Z"), 35, now).toISOString()).toBe(now.toISOString());
  });

  it("counts travel only when there is some", () => {
    expect(leadMinutes(20, 0)).toBe(20);
    expect(leadMinutes(20, -5)).toBe(20);
  });
});

describe("etaMinutesFor", () => {
  it("turns distance into minutes at town speed", () => {
    expect(etaMinutesFor(10)).toBe(0);
    expect(etaMinutesFor(200)).toBe(1);
    expect(etaMinutesFor(5000)).toBe(12);
  });
});
