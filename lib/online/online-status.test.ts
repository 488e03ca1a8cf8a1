import { describe, expect, it } from "vitest";
import { canMoveOnline, onlineStatusLabel } from "./online-status";

describe("canMoveOnline", () => {
  it("walks a delivery from received to delivered", () => {
    expect(canMoveOnline("DELIVERY", "RECEIVED", "IN_KITCHEN")).toBe(true);
    expect(canMoveOnline("DELIVERY", "IN_KITCHEN", "READY")).toBe(true);
    expect(canMoveOnline("DELIVERY", "READY", "OUT_FOR_DELIVERY")).toBe(true);
    expect(canMoveOnline("DELIVERY", "OUT_FOR_DELIVERY", "DELIVERED")).toBe(true);
    expect(canMoveOnline("DELIVERY", "OUT_FOR_DELIVERY", "FAILED")).toBe(true);
  });
  it("keeps pickups off the road and deliveries off the counter", () => {
    expect(canMoveOnline("PICKUP", "READY", "OUT_FOR_DELIVERY")).toBe(false);
    expect(canMoveOnline("PICKUP", "READY", "PICKED_UP")).toBe(true);
    expect(canMoveOnline("DELIVERY", "READY", "PICKED_UP")).toBe(false);
  });
  it("refuses skipping steps and leaving a final status", () => {
    expect(canMoveOnline("DELIVERY", "RECEIVED", "READY")).toBe(false);
    expect(canMoveOnline("DELIVERY", "DELIVERED", "FAILED")).toBe(false);
    expect(canMoveOnline("PICKUP", "CANCELLED", "IN_KITCHEN")).toBe(false);
    expect(canMoveOnline("DELIVERY", "OUT_FOR_DELIVERY", "CANCELLED")).toBe(false);
  });
  it("names each step for the customer", () => {
    expect(onlineStatusLabel("PICKUP", "READY")).toBe("Ready for pickup");
    expect(onlineStatusLabel("DELIVERY", "OUT_FOR_DELIVERY")).toBe("Out for delivery");
  });
});
