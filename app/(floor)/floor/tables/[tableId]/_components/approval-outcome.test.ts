import { describe, expect, it } from "vitest";
import { afterRefusal, FRESH } from "./approval-outcome";

describe("afterRefusal", () => {
  it("moves to the approval step when the server asks for a manager", () => {
    const next = afterRefusal(FRESH, {
      code: "FORBIDDEN",
      error: "$8.00 is above your limit of $5.00: a manager must approve",
      details: { approvalRequired: true, amountCents: 800 },
    });
    expect(next).toEqual({ step: "approval", error: null, shake: 0 });
  });
  it("shakes the pad on a wrong PIN and keeps the approval step", () => {
    const prev = { step: "approval" as const, error: null, shake: 2 };
    const next = afterRefusal(prev, {
      code: "VALIDATION",
      error: "Some fields are invalid",
      fieldErrors: { "approval.pin": ["Wrong PIN"] },
    });
    expect(next).toEqual({ step: "approval", error: "Wrong PIN", shake: 3 });
  });
  it("shows a refusal of the approver without shaking", () => {
    const next = afterRefusal(FRESH, {
      code: "FORBIDDEN",
      error: "x",
      fieldErrors: { approval: ["This person cannot approve"] },
    });
    expect(next).toEqual({ step: "approval", error: "This person cannot approve", shake: 0 });
  });
  it("stays on the form with the first field message or the error", () => {
    expect(
      afterRefusal(FRESH, {
        code: "VALIDATION",
        error: "Some fields are invalid",
        fieldErrors: { reason: ["Give a reason"] },
      }),
    ).toEqual({ step: "form", error: "Give a reason", shake: 0 });
    expect(afterRefusal(FRESH, { code: "INVALID_STATE", error: "Nothing left to discount" })).toEqual({
      step: "form",
      error: "Nothing left to discount",
      shake: 0,
    });
  });
  it("shows the server's message when approval is asked again from the approval step", () => {
    const prev = { step: "approval" as const, error: null, shake: 0 };
    expect(
      afterRefusal(prev, { code: "FORBIDDEN", error: "Only a manager", details: { approvalRequired: true } }),
    ).toEqual({ step: "approval", error: "Only a manager", shake: 0 });
  });
});
