import { describe, expect, it } from "vitest";
import { lineErrors } from "./line-errors";

describe("lineErrors", () => {
  it("groups the send's field errors by draft line and ignores the rest", () => {
    expect(
      lineErrors({
        "items.2.modifierIds": ["Choose a side"],
        "items.2.quantity": ["At most 99"],
        "items.0": ["Harbor IPA is not available now"],
        holdCourses: ["Unknown course"],
      }),
    ).toEqual({ 0: ["Harbor IPA is not available now"], 2: ["Choose a side", "At most 99"] });
    expect(lineErrors(undefined)).toEqual({});
  });
});
