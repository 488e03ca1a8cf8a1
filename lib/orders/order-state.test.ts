import { describe, expect, it } from "vitest";
import { canMoveItem, canMoveOrder, deriveOrderStatus, itemReachedKitchen, tableStatusFor } from "./order-state";

const t = new Date("2026-11-21T19:00:00Z");

describe("item moves", () => {
  it("follows PENDING → SENT → (bumped) → READY → SERVED", () => {
    expect(canMoveItem({ status: "PENDING" }, "fire")).toBe(true);
    expect(canMoveItem({ status: "PENDING" }, "hold")).toBe(true);
    expect(canMoveItem({ status: "HELD" }, "fire")).toBe(true);
    expect(canMoveItem({ status: "SENT", bumpedAt: null }, "bump")).toBe(true);
    expect(canMoveItem({ status: "SENT", bumpedAt: null }, "ready")).toBe(false);
    expect(canMoveItem({ status: "SENT", bumpedAt: t }, "ready")).toBe(true);
    expect(canMoveItem({ status: "READY", bumpedAt: t }, "serve")).toBe(true);
  });

  it("refuses illegal moves", () => {
    expect(canMoveItem({ status: "SENT" }, "fire")).toBe(false);
    expect(canMoveItem({ status: "HELD" }, "hold")).toBe(false);
    expect(canMoveItem({ status: "SENT", bumpedAt: t }, "bump")).toBe(false);
    expect(canMoveItem({ status: "PENDING" }, "bump")).toBe(false);
    expect(canMoveItem({ status: "SENT", bumpedAt: t }, "serve")).toBe(false);
    expect(canMoveItem({ status: "SERVED" }, "recall")).toBe(false);
    expect(canMoveItem({ status: "VOIDED" }, "void")).toBe(false);
    expect(canMoveItem({ status: "VOIDED" }, "fire")).toBe(false);
  });

  it("recall undoes a bump or a ready", () => {
    expect(canMoveItem({ status: "SENT", bumpedAt: t }, "recall")).toBe(true);
    expect(canMoveItem({ status: "SENT", bumpedAt: null }, "recall")).toBe(false);
    expect(canMoveItem({ status: "READY", bumpedAt: t }, "recall")).toBe(true);
  });

  it("a voided line can be acknowledged (bumped) once", () => {
    expect(canMoveItem({ status: "VOIDED", bumpedAt: null }, "bump")).toBe(true);
    expect(canMoveItem({ status: "VOIDED", bumpedAt: t }, "bump")).toBe(false);
  });

  it("anything not voided can be voided; the kitchen has seen SENT/READY/SERVED", () => {
    for (const s of ["PENDING", "HELD", "SENT", "READY", "SERVED"] as const)
      expect(canMoveItem({ status: s }, "void")).toBe(true);
    expect(
      ["PENDING", "HELD", "SENT", "READY", "SERVED", "VOIDED"].filter((s) => itemReachedKitchen(s as never)),
    ).toEqual(["SENT", "READY", "SERVED"]);
  });
});

describe("order status derived from items", () => {
  it("is OPEN until something is fired (held courses do not count)", () => {
    expect(deriveOrderStatus("OPEN", [])).toBe("OPEN");
    expect(deriveOrderStatus("OPEN", [{ status: "PENDING" }, { status: "HELD" }])).toBe("OPEN");
  });

  it("is SENT, then IN_PROGRESS once a station bumps something", () => {
    expect(deriveOrderStatus("OPEN", [{ status: "SENT" }, { status: "HELD" }])).toBe("SENT");
    expect(deriveOrderStatus("SENT", [{ status: "SENT", bumpedAt: t }, { status: "SENT" }])).toBe("IN_PROGRESS");
  });

  it("is READY when nothing is on the line and food waits at the pass", () => {
    expect(deriveOrderStatus("IN_PROGRESS", [{ status: "READY" }, { status: "VOIDED" }])).toBe("READY");
    expect(deriveOrderStatus("IN_PROGRESS", [{ status: "READY" }, { status: "SENT" }])).toBe("SENT");
  });

  it("is SERVED when everything fired was served; a new fire sends it back to SENT", () => {
    expect(deriveOrderStatus("READY", [{ status: "SERVED" }, { status: "HELD" }])).toBe("SERVED");
    expect(deriveOrderStatus("SERVED", [{ status: "SERVED" }, { status: "SENT" }])).toBe("SENT");
  });

  it("ignores voided lines and keeps terminal statuses", () => {
    expect(deriveOrderStatus("SENT", [{ status: "VOIDED" }])).toBe("OPEN");
    expect(deriveOrderStatus("CLOSED", [{ status: "SENT" }])).toBe("CLOSED");
    expect(deriveOrderStatus("VOIDED", [{ status: "READY" }])).toBe("VOIDED");
  });
});

describe("explicit order moves", () => {
  it("serve needs something READY", () => {
    expect(canMoveOrder("READY", [{ status: "READY" }], "serve")).toBe(true);
    expect(canMoveOrder("SENT", [{ status: "SENT" }], "serve")).toBe(false);
  });

  it("close needs nothing in the kitchen or at the pass", () => {
    expect(canMoveOrder("SERVED", [{ status: "SERVED" }, { status: "HELD" }], "close")).toBe(true);
    expect(canMoveOrder("OPEN", [], "close")).toBe(true);
    expect(canMoveOrder("IN_PROGRESS", [{ status: "SENT" }], "close")).toBe(false);
    expect(canMoveOrder("READY", [{ status: "READY" }], "close")).toBe(false);
  });

  it("void works on any open order; nothing leaves CLOSED or VOIDED", () => {
    expect(canMoveOrder("IN_PROGRESS", [{ status: "SENT" }], "void")).toBe(true);
    for (const m of ["void", "close", "serve"] as const) {
      expect(canMoveOrder("CLOSED", [], m)).toBe(false);
      expect(canMoveOrder("VOIDED", [], m)).toBe(false);
    }
  });
});

describe("table status follows the order", () => {
  it("maps every order status", () => {
    expect(tableStatusFor(null)).toBe("FREE");
    expect(tableStatusFor("OPEN")).toBe("SEATED");
    expect(tableStatusFor("SENT")).toBe("ORDERED");
    expect(tableStatusFor("IN_PROGRESS")).toBe("ORDERED");
    expect(tableStatusFor("READY")).toBe("FOOD_READY");
    expect(tableStatusFor("SERVED")).toBe("SEATED");
    expect(tableStatusFor("CLOSED")).toBe("FREE");
    expect(tableStatusFor("VOIDED")).toBe("FREE");
  });

  it("shows food ready while part of the order waits at the pass", () => {
    expect(tableStatusFor("IN_PROGRESS", { foodWaiting: true })).toBe("FOOD_READY");
    expect(tableStatusFor("SERVED", { foodWaiting: false })).toBe("SEATED");
    expect(tableStatusFor("CLOSED", { foodWaiting: true })).toBe("FREE");
  });
});
