import { describe, expect, it } from "vitest";
import { deliveryFigures, driverFigures, hoursWithin, isOnTime, type DeliveryRow } from "./delivery-math";

const T = (m: number) => new Date(Date.UTC(2026, 11, 1, 18, 0) + m * 60_000);
const row = (p: Partial<DeliveryRow>): DeliveryRow => ({
  driverId: "d1",
  status: "DELIVERED",
  placedAt: T(0),
  promisedAt: T(45),
  pickedUpAt: T(25),
  deliveredAt: T(40),
  failedReason: null,
  ...p,
});

describe("isOnTime", () => {
  it("allows five minutes of grace after the promised time", () => {
    expect(isOnTime(row({ deliveredAt: T(50) }))).toBe(true);
    expect(isOnTime(row({ deliveredAt: T(50.5) }))).toBe(false);
  });
});

describe("deliveryFigures", () => {
  it("counts on time, averages both durations and groups failures by reason", () => {
    const f = deliveryFigures([
      row({}),
      row({ deliveredAt: T(60), pickedUpAt: T(30) }),
      row({ status: "FAILED", deliveredAt: null, failedReason: "REFUSED" }),
      row({ status: "FAILED", deliveredAt: null, failedReason: "OTHER: dog" }),
    ]);
    expect(f).toMatchObject({ delivered: 2, failed: 2, onTime: 1, onTimeRate: 50 });
    expect(f.avgPlacedToDeliveredMinutes).toBe(50);
    expect(f.avgPickupToDeliveredMinutes).toBe(22.5);
    expect(f.failedByReason).toEqual([
      { reason: "REFUSED", count: 1 },
      { reason: "NO_ANSWER", count: 0 },
      { reason: "WRONG_ADDRESS", count: 0 },
      { reason: "OTHER", count: 1 },
    ]);
  });
  it("has no rates without deliveries", () => {
    expect(deliveryFigures([])).toMatchObject({ onTimeRate: null, avgPlacedToDeliveredMinutes: null });
  });
});

describe("driverFigures", () => {
  it("divides deliveries by hours on duty clipped to the period", () => {
    expect(hoursWithin({ driverId: "d1", startedAt: T(-60), endedAt: T(120) }, T(0), T(600), T(700))).toBe(2);
    expect(hoursWithin({ driverId: "d1", startedAt: T(0), endedAt: null }, T(0), T(600), T(90))).toBe(1.5);
    const out = driverFigures(
      [row({}), row({}), row({ driverId: "d2" })],
      [
        { driverId: "d1", startedAt: T(0), endedAt: T(120) },
        { driverId: "d2", startedAt: T(0), endedAt: null },
      ],
      new Map([
        ["d1", "Dana"],
        ["d2", "Eli"],
      ]),
      { start: T(-600), end: T(600) },
      T(30),
    );
    expect(out).toEqual([
      { driverId: "d1", name: "Dana", delivered: 2, failed: 0, onTime: 2, hoursOnDuty: 2, ordersPerHour: 1 },
      { driverId: "d2", name: "Eli", delivered: 1, failed: 0, onTime: 1, hoursOnDuty: 0.5, ordersPerHour: 2 },
    ]);
  });
});
