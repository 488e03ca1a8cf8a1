import { describe, expect, it } from "vitest";
import { hostStateOf } from "./host-state";

const order = (status: string, paymentState = "UNPAID") => ({ status, paymentState });

describe("hostStateOf", () => {
  it("follows the party while an order is open: paid, then food ready, then ordered, then seated", () => {
    expect(hostStateOf({ status: "FOOD_READY" }, order("READY", "PAID"), true)).toBe("CHECK_PAID");
    expect(hostStateOf({ status: "FOOD_READY" }, order("IN_PROGRESS", "PARTLY_PAID"), false)).toBe("FOOD_READY");
    expect(hostStateOf({ status: "ORDERED" }, order("SENT"), false)).toBe("ORDERED");
    expect(hostStateOf({ status: "SEATED" }, order("SERVED"), false)).toBe("ORDERED");
    // A server's "needs attention" flag does not hide the party from the host.
    expect(hostStateOf({ status: "NEEDS_ATTENTION" }, order("OPEN"), true)).toBe("SEATED");
  });

  it("without an order: waiting to be cleared, then reserved soon, else free", () => {
    expect(hostStateOf({ status: "NEEDS_BUSSING" }, null, true)).toBe("NEEDS_BUSSING");
    expect(hostStateOf({ status: "FREE" }, null, true)).toBe("RESERVED_SOON");
    expect(hostStateOf({ status: "FREE" }, null, false)).toBe("FREE");
  });
});
