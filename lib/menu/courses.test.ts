import { describe, expect, it } from "vitest";
import { courseRank, defaultCourseFor } from "./courses";

describe("courses", () => {
  it("guesses a default course from the category name", () => {
    expect(defaultCourseFor("Drinks")).toBe("DRINKS");
    expect(defaultCourseFor("Starters")).toBe("STARTERS");
    expect(defaultCourseFor("Salads")).toBe("STARTERS");
    expect(defaultCourseFor("Burgers & Sandwiches")).toBe("MAINS");
    expect(defaultCourseFor("Desserts")).toBe("DESSERTS");
    expect(courseRank("DRINKS")).toBeLessThan(courseRank("DESSERTS"));
  });
});
