import { describe, expect, it } from "vitest";
import {
  amountToCollect,
  countsAsCodFailure,
  defaultDoorTender,
  failedReasonText,
  failureReasonOf,
  navigateUrl,
} from "./delivery-rules";

describe("amountToCollect", () => {
  it("is what the order still owes at the door, cash or card", () => {
    expect(amountToCollect("CASH_ON_DELIVERY", 2500, 500)).toBe(2000);
    expect(amountToCollect("CARD_ON_DELIVERY", 2500, 0)).toBe(2500);
  });
  it("is 0 for pickups and never negative", () => {
    expect(amountToCollect("PAY_AT_PICKUP", 2500, 0)).toBe(0);
    expect(amountToCollect("CASH_ON_DELIVERY", 2500, 3000)).toBe(0);
  });
});

describe("defaultDoorTender", () => {
  it("follows the way the customer chose", () => {
    expect(defaultDoorTender("CASH_ON_DELIVERY")).toBe("CASH");
    expect(defaultDoorTender("CARD_ON_DELIVERY")).toBe("CARD");
  });
});

describe("countsAsCodFailure", () => {
  it("counts refused and no answer on cash orders only", () => {
    expect(countsAsCodFailure("CASH_ON_DELIVERY", "REFUSED")).toBe(true);
    expect(countsAsCodFailure("CASH_ON_DELIVERY", "NO_ANSWER")).toBe(true);
    expect(countsAsCodFailure("CASH_ON_DELIVERY", "WRONG_ADDRESS")).toBe(false);
    expect(countsAsCodFailure("CARD_ON_DELIVERY", "REFUSED")).toBe(false);
  });
});

describe("failure reasons", () => {
  it("round-trips the code through the stored text", () => {
    expect(failedReasonText("OTHER", " gate locked ")).toBe("OTHER: gate locked");
    expect(failureReasonOf("OTHER: gate locked")).toBe("OTHER");
    expect(failureReasonOf(failedReasonText("NO_ANSWER"))).toBe("NO_ANSWER");
    expect(failureReasonOf(null)).toBe("OTHER");
  });
});

describe("navigateUrl", () => {
  it("prefers coordinates and encodes the address otherwise", () => {
    expect(navigateUrl(52.5, 13.4, "x")).toBe("https://www.google.com/maps/dir/?api=1&destination=52.5%2C13.4");
    expect(navigateUrl(null, null, "1 Main St")).toContain("destination=1%20Main%20St");
  });
});
