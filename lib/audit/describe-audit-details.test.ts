import { describe, expect, it } from "vitest";
import { describeAuditDetails } from "./describe-audit-details";

describe("describeAuditDetails", () => {
  it("shows before → after per field, then the context", () => {
    expect(
      describeAuditDetails({
        name: "Risotto",
        before: { priceCents: 1200, prepMinutes: 18 },
        after: { priceCents: 1350 },
      }),
    ).toEqual(["priceCents: 1200 → 1350", "prepMinutes: 18 → null", "name: Risotto"]);
  });

  it("shows plain values before → after", () => {
    expect(describeAuditDetails({ name: "Risotto", before: 18, after: 14 })).toEqual(["18 → 14", "name: Risotto"]);
    expect(describeAuditDetails({ before: null, after: 14 })).toEqual(["null → 14"]);
  });

  it("shows other details as context, cut when long, and nothing for none", () => {
    expect(describeAuditDetails({ nickname: "Dana", seats: 2 })).toEqual(["nickname: Dana · seats: 2"]);
    expect(describeAuditDetails({ after: { x: 1 } })).toEqual(['after: {"x":1}']);
    expect(describeAuditDetails({ note: "x".repeat(400) })[0]).toHaveLength(301);
    expect(describeAuditDetails({})).toEqual([]);
    expect(describeAuditDetails(null)).toEqual([]);
  });
});
