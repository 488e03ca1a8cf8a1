import { describe, expect, it } from "vitest";
import { describeAuditAction, describeOrderEvent, listNames, type Names } from "./order-history-wording";

const names: Names = {
  item: (id) => ({ a: "Soup", b: "Steak", c: "Fries", d: "Cake" })[id] ?? null,
  station: (id) => (id === "g" ? "Grill" : null),
  table: (id) => (id === "t5" ? "5" : null),
  user: (id) => (id === "m" ? "Morgan" : null),
};

describe("order history wording", () => {
  it("names up to three items", () => {
    expect(listNames(["Soup"])).toBe("Soup");
    expect(listNames(["Soup", "Steak", "Fries", "Cake"])).toBe("Soup, Steak, Fries and 1 more");
    expect(listNames([null, null])).toBe("2 items");
  });

  it("words each event type", () => {
    expect(describeOrderEvent("items.fired", { itemIds: ["a", "b"], fireBatch: 1 }, names)).toBe(
      "Sent Soup, Steak to the kitchen (fire 1)",
    );
    expect(describeOrderEvent("items.bumped", { itemIds: ["b"], stationIds: ["g"] }, names)).toBe(
      "Grill finished Steak",
    );
    expect(describeOrderEvent("items.voided", { itemIds: ["c"], reason: "86'd", approvedById: "m" }, names)).toBe(
      "Voided Fries (86'd), approved by Morgan",
    );
    expect(describeOrderEvent("ticket.ready", { fireBatch: 2 }, names)).toBe(
      "Expo passed the ticket (fire 2): food ready",
    );
    expect(describeOrderEvent("order.transferred", { toTableId: "t5", toServerId: "m" }, names)).toBe(
      "Moved the order to table 5 and server Morgan",
    );
    expect(describeOrderEvent("something.new", {}, names)).toBe("something.new");
  });

  it("words audited actions", () => {
    expect(describeAuditAction("order.close_unpaid")).toBe("Order: close unpaid");
    expect(describeAuditAction("checks.items_moved")).toBe("Checks: items moved");
  });
});
