import { describe, expect, it } from "vitest";
import { ABSOLUTE_MAX_SECONDS, homeFor, ROLES, SESSION_POLICY, sessionExpired } from "./roles";

describe("homeFor", () => {
  it("sends each role to its surface", () => {
    expect(homeFor("ADMIN")).toBe("/admin");
    expect(homeFor("MANAGER")).toBe("/admin");
    expect(homeFor("CHEF")).toBe("/kitchen");
    expect(homeFor("SERVER")).toBe("/floor");
    expect(homeFor("CASHIER")).toBe("/floor/checks");
    expect(homeFor("HOST")).toBe("/floor/host");
  });
});

describe("session policy", () => {
  it("never lets a session outlive 12 hours", () => {
    for (const role of ROLES)
      expect(SESSION_POLICY[role].absoluteHours * 3600).toBeLessThanOrEqual(ABSOLUTE_MAX_SECONDS);
  });

  it("keeps a kitchen screen alive longer than an admin console", () => {
    expect(SESSION_POLICY.CHEF.idleMinutes).toBeGreaterThan(SESSION_POLICY.ADMIN.idleMinutes);
    expect(SESSION_POLICY.CHEF.idleMinutes).toBeGreaterThan(30);
  });

  it("expires on idle time", () => {
    const now = Date.UTC(2026, 0, 1, 12);
    const idle = SESSION_POLICY.ADMIN.idleMinutes * 60_000;
    expect(sessionExpired("ADMIN", now - 2 * 3600_000, now - idle + 1000, now)).toBe(false);
    expect(sessionExpired("ADMIN", now - 2 * 3600_000, now - idle - 1000, now)).toBe(true);
  });

  it("expires on absolute time even when active", () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(sessionExpired("CHEF", now - 11 * 3600_000, now, now)).toBe(false);
    expect(sessionExpired("CHEF", now - 12 * 3600_000 - 1, now, now)).toBe(true);
  });
});
