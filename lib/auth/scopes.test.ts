import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "./permissions";
import { parseScopeString, SCOPES, scopeFor, scopesAllow } from "./scopes";

describe("scopes", () => {
  it("derives the scope from the permission's area and the method", () => {
    expect(scopeFor("orders.take", "POST")).toBe("orders:write");
    expect(scopeFor("orders.read", "GET")).toBe("orders:read");
    expect(scopeFor("kitchen.work", "GET")).toBe("kitchen:read");
    expect(scopeFor("menu.edit", "DELETE")).toBe("menu:write");
    expect(scopeFor("staff.signedIn", "GET")).toBeNull();
    expect(scopeFor("apiTokens.manage", "GET")).toBe("none");
  });

  it("every permission maps to a known scope, none or any", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[])
      for (const m of ["GET", "POST"]) {
        const s = scopeFor(p, m);
        expect(s === null || s === "none" || SCOPES.includes(s), `${p} ${m}`).toBe(true);
      }
  });

  it("write includes read, not the other way round; tokens never manage tokens", () => {
    expect(scopesAllow(["kitchen:write"], "kitchen.work", "GET")).toBe(true);
    expect(scopesAllow(["kitchen:read"], "kitchen.work", "POST")).toBe(false);
    expect(scopesAllow(["orders:read"], "kitchen.work", "GET")).toBe(false);
    expect(scopesAllow([], "staff.signedIn", "GET")).toBe(true);
    expect(scopesAllow(SCOPES, "apiTokens.manage", "GET")).toBe(false);
  });

  it("parses OAuth scope strings: empty = all, unknown words named", () => {
    expect(parseScopeString(undefined)).toEqual({ scopes: [...SCOPES] });
    expect(parseScopeString(" orders:write  kitchen:read orders:write")).toEqual({
      scopes: ["orders:write", "kitchen:read"],
    });
    expect(parseScopeString("orders:write admin")).toEqual({ unknown: ["admin"] });
  });
});
