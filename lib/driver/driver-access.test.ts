import { describe, expect, it } from "vitest";
import { can } from "../auth/permissions";
import { homeFor, ROLES } from "../auth/roles";

describe("a driver's reach", () => {
  it("lands on /driver and may use the driver app", () => {
    expect(homeFor("DRIVER")).toBe("/driver");
    expect(can("DRIVER", "delivery.drive")).toBe(true);
  });
  it("is kept off the floor, kitchen and console surfaces that everyone else opens", () => {
    expect(can("DRIVER", "surfaces.staff")).toBe(false);
    for (const role of ROLES.filter((r) => r !== "DRIVER")) expect(can(role, "surfaces.staff")).toBe(true);
    expect(can("DRIVER", "floor.use")).toBe(false);
    expect(can("DRIVER", "kitchen.work")).toBe(false);
    expect(can("DRIVER", "console.use")).toBe(false);
  });
  it("cannot count cash or dispatch", () => {
    expect(can("DRIVER", "delivery.cashup")).toBe(false);
    expect(can("DRIVER", "delivery.dispatch")).toBe(false);
  });
});
