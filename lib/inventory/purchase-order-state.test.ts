import { describe, expect, it } from "vitest";
import {
  cancelRefusal,
  canCancel,
  canEditLines,
  canReceive,
  canSend,
  statusAfterReceipt,
} from "./purchase-order-state";

describe("purchase order life cycle", () => {
  it("allows each step only from the right states", () => {
    expect(canEditLines("DRAFT")).toBe(true);
    expect(canEditLines("SENT")).toBe(false);
    expect(canSend("DRAFT")).toBe(true);
    expect(canSend("SENT")).toBe(false);
    expect(canReceive("SENT")).toBe(true);
    expect(canReceive("PARTIALLY_RECEIVED")).toBe(true);
    expect(canReceive("DRAFT")).toBe(false);
    expect(canReceive("RECEIVED")).toBe(false);
    expect(canCancel("DRAFT")).toBe(true);
    expect(canCancel("SENT")).toBe(true);
    expect(canCancel("PARTIALLY_RECEIVED")).toBe(false);
    expect(canCancel("RECEIVED")).toBe(false);
  });

  it("explains why cancelling is refused", () => {
    expect(cancelRefusal("SENT")).toBeNull();
    expect(cancelRefusal("PARTIALLY_RECEIVED")).toMatch(/received/);
    expect(cancelRefusal("CANCELLED")).toMatch(/already/);
  });

  it("is fully received once every line has what was ordered", () => {
    expect(
      statusAfterReceipt([
        { ordered: 2000, received: 2000 },
        { ordered: 1000, received: 1500 },
      ]),
    ).toBe("RECEIVED");
    expect(
      statusAfterReceipt([
        { ordered: 2000, received: 1000 },
        { ordered: 1000, received: 1000 },
      ]),
    ).toBe("PARTIALLY_RECEIVED");
  });
});
