import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertCan, can, canVoidLine, PERMISSIONS, rolesFor, voidRefusal } from "./permissions";
import { ROLES } from "./roles";

describe("the permission table", () => {
  it("keeps each audience to its work", () => {
    expect(can("CHEF", "kitchen.work")).toBe(true);
    expect(can("CHEF", "orders.read")).toBe(false); // cooks never see prices
    expect(can("SERVER", "kitchen.work")).toBe(false);
    expect(can("HOST", "orders.close")).toBe(false);
    expect(can("CASHIER", "orders.close")).toBe(true);
    expect(can({ role: "MANAGER" }, "menu.edit")).toBe(true);
    expect(can("CHEF", "menu.edit")).toBe(false);
    expect(can("CHEF", "menu.86")).toBe(true);
    expect(rolesFor("ops.health")).toEqual(["ADMIN"]);
    for (const role of ROLES) expect(can(role, "staff.signedIn")).toBe(true);
  });

  it("gives the admin every permission", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[])
      expect(can("ADMIN", permission)).toBe(true);
  });

  it("assertCan refuses with FORBIDDEN and the rule's own words", () => {
    expect(() => assertCan({ role: "SERVER" }, "orders.take")).not.toThrow();
    const refusal = (() => {
      try {
        assertCan({ role: "SERVER" }, "orders.voidSent");
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("FORBIDDEN");
    expect((refusal as AppError).message).toMatch(/Only a manager/);
  });
});

describe("voiding a line depends on where it is", () => {
  it("lets the floor void what the kitchen has not received, and only managers after that", () => {
    expect(canVoidLine("SERVER", false)).toBe(true);
    expect(canVoidLine("SERVER", true)).toBe(false);
    expect(canVoidLine("MANAGER", true)).toBe(true);
    expect(canVoidLine("CHEF", false)).toBe(false);
    expect(voidRefusal("SERVER", true)).toBe("Only a manager can void a line the kitchen has received");
    expect(voidRefusal("MANAGER", true)).toBeNull();
    expect(voidRefusal("CHEF", false)).toBe("Your role cannot void lines");
  });
});

describe("one place for role lists", () => {
  const root = path.join(import.meta.dirname, "../..");
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory()
        ? walk(full)
        : /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)
          ? [full]
          : [];
    });

  it("writes no list of roles outside lib/auth (and no role compared by name)", () => {
    const allowed = new Set([path.join(root, "lib/auth/permissions.ts"), path.join(root, "lib/auth/roles.ts")]);
    const offenders = ["app", "components", "lib"]
      .flatMap((dir) => walk(path.join(root, dir)))
      .filter((file) => !allowed.has(file))
      .filter((file) => {
        const source = readFileSync(file, "utf8");
        return (
          /\[\s*"(ADMIN|MANAGER|SERVER|CHEF|CASHIER|HOST)"/.test(source) ||
          /role\s*[!=]==\s*"(ADMIN|MANAGER|SERVER|CHEF|CASHIER|HOST)"/.test(source)
        );
      })
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
