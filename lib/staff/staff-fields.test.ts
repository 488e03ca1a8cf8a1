import { describe, expect, it } from "vitest";
import { assignableRoles, createStaffSchema, updateStaffSchema } from "./staff-fields";

describe("staff fields", () => {
  it("reads an empty rate as not costed and refuses fractions of a cent or negatives", () => {
    const base = { name: "Sam", email: " Sam@Example.TEST ", role: "SERVER" };
    expect(createStaffSchema.parse({ ...base, hourlyRateCents: "" })).toEqual({
      name: "Sam",
      email: "sam@example.test",
      role: "SERVER",
      hourlyRateCents: null,
    });
    expect(createStaffSchema.parse(base).hourlyRateCents).toBeNull();
    expect(createStaffSchema.parse({ ...base, hourlyRateCents: "1550" }).hourlyRateCents).toBe(1550);
    for (const bad of [12.5, -1, "abc", 100_001])
      expect(createStaffSchema.safeParse({ ...base, hourlyRateCents: bad }).success, String(bad)).toBe(false);
  });

  it("names every bad field", () => {
    const r = createStaffSchema.safeParse({ name: "  ", email: "x", role: "OWNER" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(["email", "name", "role"]);
  });

  it("lets an update send only some fields", () => {
    expect(updateStaffSchema.parse({ id: "u1", role: "CHEF" })).toEqual({ id: "u1", role: "CHEF" });
    expect(updateStaffSchema.parse({ id: "u1", hourlyRateCents: null }).hourlyRateCents).toBeNull();
  });

  it("offers the admin role only to those who may grant it", () => {
    expect(assignableRoles("ADMIN")).toContain("ADMIN");
    expect(assignableRoles("MANAGER")).not.toContain("ADMIN");
    expect(assignableRoles("MANAGER")).toContain("MANAGER");
  });
});
