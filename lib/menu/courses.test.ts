import { describe, expect, it } from "vitest";
import { courseFor, courseRank, defaultCourseFor } from "./courses";

describe("courses", () => {
  it("guesses a default course from the category name", () => {
    expect(defaultCourseFor("Drinks")).toBe("DRINKS");
    expect(defaultCourseFor("Starters")).toBe("STARTERS");
    expect(defaultCourseFor("Salads")).toBe("STARTERS");
    expect(defaultCourseFor("Burgers & Sandwiches")).toBe("MAINS");
    expect(defaultCourseFor("Desserts")).toBe("DESSERTS");
    expect(courseRank("DRINKS")).toBeLessThan(courseRank("DESSERTS"));
  });

  it("keeps new lines inside the location's courses", () => {
    expect(courseFor("Starters", ["DRINKS", "STARTERS", "MAINS", "DESSERTS"])).toBe("STARTERS");
    expect(courseFor("Starters", ["DRINKS", "MAINS"])).toBe("MAINS");
    expect(courseFor("Desserts", ["DRINKS", "MAINS"])).toBe("MAINS");
    expect(courseFor("Wine", ["MAINS"])).toBe("MAINS");
    expect(courseFor("Wine", [])).toBe("DRINKS");
  });
});
