// A table with bookings to come cannot be archived: the guests would be booked at a table that
// is no longer on the floor. Cancelled or past bookings do not hold it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelReservation } from "@/lib/reservations/change-reservation-status";
import { createReservation } from "@/lib/reservations/create-reservation";
import { archiveTable } from "@/lib/tables/archive-table";
import { addDays, isoDate, localDateOf } from "@/lib/time/zoned";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb } from "./helpers";

let loc: BuiltLocation;
let tables: Record<string, string>;
const DAY = isoDate(addDays(localDateOf(new Date(), "UTC"), 3));

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ timezone: "UTC" });
  tables = await buildTables(loc.id, ["1", "2"], { seats: 4, area: "Main" });
  await db.servicePeriod.create({
    data: { locationId: loc.id, name: "Dinner", daysOfWeek: [0, 1, 2, 3, 4, 5, 6], startMinute: 1020, endMinute: 1350 },
  });
});

describe("archiving a table with bookings", () => {
  it("refuses while a booking is to come, naming the first, and archives once it is cancelled", async () => {
    const { reservation } = await createReservation(loc.ctx.HOST, {
      guestName: "Grace Hopper",
      partySize: 3,
      startsAt: `${DAY}T19:00:00.000Z`,
      tableIds: [tables["1"]],
    });
    const e = await expectAppError(archiveTable(loc.ctx.MANAGER, { id: tables["1"] }), "INVALID_STATE");
    expect(e.message).toContain("Table 1 has a booking to come");
    expect(e.message).toContain(`${DAY} 19:00`);
    expect((await db.diningTable.findUniqueOrThrow({ where: { id: tables["1"] } })).archivedAt).toBeNull();

    // The other table holds nothing and archives.
    await archiveTable(loc.ctx.MANAGER, { id: tables["2"] });

    await cancelReservation(loc.ctx.HOST, { id: reservation.id, reason: "Guest called" });
    await archiveTable(loc.ctx.MANAGER, { id: tables["1"] });
    expect((await db.diningTable.findUniqueOrThrow({ where: { id: tables["1"] } })).archivedAt).not.toBeNull();
  });
});
