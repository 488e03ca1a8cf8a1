import { describe, expect, it } from "vitest";
import { payInFullProblems } from "./pay-in-full-rules";

describe("payInFullProblems", () => {
  it("needs the cash and at least the amount due", () => {
    expect(payInFullProblems(2000, { tender: "CASH", tipCents: 0 })).toEqual({
      collectedCents: ["Enter the cash you collected"],
    });
    expect(payInFullProblems(2000, { tender: "CASH", collectedCents: 1999, tipCents: 0 }).collectedCents?.[0]).toMatch(
      /Less than/,
    );
    expect(payInFullProblems(2000, { tender: "CASH", collectedCents: 2000, tipCents: 0 })).toEqual({});
    expect(payInFullProblems(2000, { tender: "CASH", collectedCents: 5000, tipCents: 0 })).toEqual({});
    expect(payInFullProblems(2000, { tender: "CASH", collectedCents: 2000, tipCents: 100 })).toHaveProperty("tipCents");
  });
  it("needs the terminal's code and the card's last four for a card", () => {
    expect(Object.keys(payInFullProblems(2000, { tender: "CARD", tipCents: 0 })).sort()).toEqual([
      "cardLast4",
      "reference",
    ]);
    expect(payInFullProblems(2000, { tender: "CARD", reference: "A1", cardLast4: "4242", tipCents: 300 })).toEqual({});
    expect(
      payInFullProblems(2000, {
        tender: "CARD",
        reference: "A1",
        cardLast4: "4242",
        collectedCents: 2000,
        tipCents: 0,
      }),
    ).toHaveProperty("collectedCents");
  });
  it("asks nothing when nothing is owed", () => {
    expect(payInFullProblems(0, { tender: "CASH", tipCents: 0 })).toEqual({});
  });
});
