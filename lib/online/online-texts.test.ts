import { describe, expect, it } from "vitest";
import { onlineStatusText } from "./online-texts";

const f = {
  restaurant: "Bistro",
  orderNumber: 12,
  promisedTime: "7:45 PM",
  driverFirstName: "Sam",
  trackUrl: "https://x/order/track/t",
};

describe("onlineStatusText", () => {
  it("confirms a new order with its promised time once", () => {
    expect(onlineStatusText("DELIVERY", "RECEIVED", "RECEIVED", f)).toBe(
      "Bistro order #12 received. Delivery at about 7:45 PM. Follow it: https://x/order/track/t",
    );
  });
  it("says ready for pickup to pickups and names the driver on the road", () => {
    expect(onlineStatusText("PICKUP", "IN_KITCHEN", "READY", f)).toBe("Bistro order #12 is ready for pickup.");
    expect(onlineStatusText("DELIVERY", "READY", "OUT_FOR_DELIVERY", { ...f, trackUrl: null })).toBe(
      "Bistro order #12 is on its way with Sam.",
    );
  });
  it("stays silent when the customer is standing at the counter", () => {
    expect(onlineStatusText("PICKUP", "READY", "PICKED_UP", f)).toBeNull();
  });
  it("tells a failed or cancelled order to call", () => {
    expect(onlineStatusText("DELIVERY", "OUT_FOR_DELIVERY", "FAILED", f)).toMatch(/call Bistro/);
    expect(onlineStatusText("PICKUP", "RECEIVED", "CANCELLED", f)).toMatch(/cancelled/);
  });
});
