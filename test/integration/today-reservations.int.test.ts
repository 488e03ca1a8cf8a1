// The dashboard's "reservations to seat": today's bookings not yet seated — booked, confirmed, and
// arrived (waiting at the bar still needs a table); not seated, finished, cancelled or tomorrow's.
import { beforeAll, describe, expect, it } from "vitest";
import type { ReservationStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { getTodayFigures } from "@/lib/reports/get-today-figures";
import { startOfLocalDay, startOfNextLocalDay } from "@/lib/time/zoned";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { resetDb } from "./helpers";

let loc: BuiltLocation;

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ timezone: "UTC" });
});

describe("today's reservations to seat", () => {
  it("counts booked, confirmed and arrived parties of today only", async () => {
    const guest = await db.guest.create({ data: { locationId: loc.id, name: "Katherine Johnson" } });
    const today = startOfLocalDay("UTC");
    const tomorrow = startOfNextLocalDay("UTC");
    const hour = (base: Date, h: number) => new Date(base.getTime() + h * 3_600_000);
    // Written directly: the figure reads statuses, the booking rules are tested elsewhere.
    const rows: [ReservationStatus, Date][] = [
      ["BOOKED", hour(today, 12)],
      ["CONFIRMED", hour(today, 13)],
      ["ARRIVED", hour(today, 14)],
      ["SEATED", hour(today, 15)],
      ["COMPLETED", hour(today, 9)],
      ["CANCELLED", hour(today, 16)],
      ["NO_SHOW", hour(today, 10)],
      ["BOOKED", hour(tomorrow, 12)],
    ];
    for (const [status, startsAt] of rows) {
      await db.reservation.create({ data: { locationId: loc.id, guestId: guest.id, partySize: 2, startsAt, status } });
    }
    expect((await getTodayFigures(loc.ctx.MANAGER)).upcomingReservations).toBe(3);
  });
});
