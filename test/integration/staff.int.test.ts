// The staff list carries the location's time zone, so the console shows sign-in times in it (issue 7 #21d).
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { listStaff } from "@/lib/staff/list-staff";
import { DEMO_SECOND_LOCATION_SLUG } from "@/prisma/demo-seed";
import { ctxFor, resetDb, seedFixture } from "./helpers";

let manager: Ctx;
let uptownAdmin: Ctx;

beforeAll(async () => {
  await resetDb();
  await seedFixture();
  manager = await ctxFor("manager@demo.kitchen");
  uptownAdmin = await ctxFor("admin@demo.kitchen", DEMO_SECOND_LOCATION_SLUG);
});

describe("listStaff", () => {
  it("returns the acting location's time zone with its staff", async () => {
    await db.location.update({ where: { id: uptownAdmin.locationId }, data: { timezone: "Europe/Paris" } });
    const demo = await listStaff(manager);
    expect(demo.timeZone).toBe("America/New_York");
    expect(demo.staff.some((s) => s.email === "manager@demo.kitchen")).toBe(true);
    const uptown = await listStaff(uptownAdmin);
    expect(uptown.timeZone).toBe("Europe/Paris");
  });
});
