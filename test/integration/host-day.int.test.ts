// The host stand's frame for a day (loadHostDay): the service periods open on that weekday and the
// tables by area, of the acting location only; read by front-of-house roles, refused to the kitchen.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadHostDay } from "@/lib/reservations/load-host-day";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb } from "./helpers";

let here: BuiltLocation;
let there: BuiltLocation;

beforeAll(async () => {
  await resetDb();
  here = await buildLocation({ timezone: "America/New_York" });
  there = await buildLocation({ timezone: "UTC" });
  await buildTables(here.id, ["10", "2", "1"], { seats: 2, area: "Main" });
  await buildTables(here.id, ["P1"], { seats: 4, area: "Patio" });
  await buildTables(there.id, ["X"], { seats: 4 });
  await db.servicePeriod.createMany({
    data: [
      // 2026-12-01 is a Tuesday (2); lunch only on weekends.
      { locationId: here.id, name: "Lunch", daysOfWeek: [0, 6], startMinute: 690, endMinute: 870 },
      { locationId: here.id, name: "Dinner", daysOfWeek: [0, 1, 2, 3, 4, 5, 6], startMinute: 1020, endMinute: 1350 },
      { locationId: there.id, name: "Breakfast", daysOfWeek: [2], startMinute: 420, endMinute: 600 },
    ],
  });
});

describe("loadHostDay", () => {
  it("gives that weekday's periods and this location's tables by area, labels in natural order", async () => {
    const now = new Date("2026-12-01T06:00:00Z"); // 01:00 in New York
    const tuesday = await loadHostDay(here.ctx.HOST, { date: "2026-12-01" }, now);
    expect(tuesday.timezone).toBe("America/New_York");
    expect(tuesday.today).toBe("2026-12-01");
    expect(tuesday.periods.map((p) => p.name)).toEqual(["Dinner"]);
    const areas = Object.fromEntries(tuesday.areas.map((a) => [a.name, a.tables.map((t) => t.label)]));
    expect(areas.Main).toEqual(["1", "2", "10"]);
    expect(areas.Patio).toEqual(["P1"]);
    expect(tuesday.areas.flatMap((a) => a.tables.map((t) => t.label))).not.toContain("X");

    const saturday = await loadHostDay(here.ctx.MANAGER, { date: "2026-12-05" }, now);
    expect(saturday.periods.map((p) => [p.name, p.startMinute, p.endMinute])).toEqual([
      ["Lunch", 690, 870],
      ["Dinner", 1020, 1350],
    ]);
  });

  it("leaves archived periods and tables out", async () => {
    await db.servicePeriod.updateMany({
      where: { locationId: here.id, name: "Dinner" },
      data: { archivedAt: new Date() },
    });
    await db.diningTable.updateMany({ where: { locationId: here.id, label: "P1" }, data: { archivedAt: new Date() } });
    try {
      const day = await loadHostDay(here.ctx.SERVER, { date: "2026-12-01" });
      expect(day.periods).toEqual([]);
      expect(day.areas.flatMap((a) => a.tables.map((t) => t.label))).not.toContain("P1");
    } finally {
      await db.servicePeriod.updateMany({ where: { locationId: here.id }, data: { archivedAt: null } });
      await db.diningTable.updateMany({ where: { locationId: here.id }, data: { archivedAt: null } });
    }
  });

  it("refuses bad dates and roles without reservations.read", async () => {
    for (const date of ["", "2026-13-01", "2026-02-30", "tomorrow", "2026-12-01T00:00:00Z"])
      await expectAppError(loadHostDay(here.ctx.HOST, { date }), "VALIDATION");
    await expectAppError(loadHostDay(here.ctx.CHEF, { date: "2026-12-01" }), "FORBIDDEN");
  });
});
