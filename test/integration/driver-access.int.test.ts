// A driver's phone stays in /driver: requireUser refuses the floor, kitchen and console pages
// even where the page's own permission (time clock, tasks) includes every role.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { requireUser } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/user-sessions";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { resetDb } from "./helpers";

const state = vi.hoisted(() => ({ user: null as Record<string, unknown> | null, path: "/" }));
vi.mock("next/headers", async () => {
  const { sessionCookies } = await import("../support/session-cookie");
  return {
    headers: async () => new Headers({ "x-request-id": "req-driver", "x-pathname": state.path }),
    cookies: async () => sessionCookies(state.user),
  };
});
vi.mock("next/navigation", () => ({
  forbidden: () => {
    throw new Error("FORBIDDEN_PAGE");
  },
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));

let loc: BuiltLocation;

async function signIn(role: "DRIVER" | "SERVER") {
  const m = loc.staff[role];
  state.user = { id: m.userId, role, locationId: loc.id, sv: 0, sid: await startSession(m.userId, {}) };
}

async function open(path: string, permission: Parameters<typeof requireUser>[0]) {
  state.path = path;
  return requireUser(permission).then(
    (ctx) => ctx.role,
    (e: Error) => e.message,
  );
}

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
});

describe("requireUser for a driver", () => {
  it("opens /driver and the account page", async () => {
    await signIn("DRIVER");
    expect(await open("/driver", "delivery.drive")).toBe("DRIVER");
    expect(await open("/account", "staff.signedIn")).toBe("DRIVER");
  });

  it("refuses the floor, kitchen and console pages, even those every role may use", async () => {
    await signIn("DRIVER");
    expect(await open("/floor/shifts", "timeclock.punch")).toBe("FORBIDDEN_PAGE");
    expect(await open("/floor/tasks?x=1", "tasks.tick")).toBe("FORBIDDEN_PAGE");
    expect(await open("/kitchen/my-shifts", "timeclock.punch")).toBe("FORBIDDEN_PAGE");
    expect(await open("/admin/staff/roles", "staff.signedIn")).toBe("FORBIDDEN_PAGE");
    expect(await open("/floor", "floor.use")).toBe("FORBIDDEN_PAGE");
  });

  it("leaves other staff as they were, and keeps them out of /driver", async () => {
    await signIn("SERVER");
    expect(await open("/floor/shifts", "timeclock.punch")).toBe("SERVER");
    expect(await open("/floor", "floor.use")).toBe("SERVER");
    expect(await open("/driver", "delivery.drive")).toBe("FORBIDDEN_PAGE");
    // A path that only starts with the same letters is no surface.
    await signIn("DRIVER");
    expect(await open("/floorplan-help", undefined)).toBe("DRIVER");
    state.user = null;
    expect(await open("/driver", "delivery.drive")).toBe("REDIRECT /login?callbackUrl=%2Fdriver");
  });
});
