// Reservation settings (issue 12): service periods (create, edit, archive; end after start, no
// overlap on a weekday), durations by party size, online booking on/off — managers only,
// audited, another location's periods out of reach; and the public page follows them.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { archiveServicePeriod } from "@/lib/reservations/archive-service-period";
import { findOnlineTimes } from "@/lib/reservations/find-online-times";
import { getReservationSettings } from "@/lib/reservations/get-reservation-settings";
import { createServicePeriod, updateServicePeriod } from "@/lib/reservations/save-service-period";
import type { CreateServicePeriodInput } from "@/lib/reservations/schemas";
import { updateReservationSettings } from "@/lib/reservations/update-reservation-settings";
import { addDays, isoDate, localDateOf } from "@/lib/time/zoned";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

let here: BuiltLocation;
let there: BuiltLocation;
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6];
const lunch = (extra: Partial<CreateServicePeriodInput> = {}): CreateServicePeriodInput => ({
  name: "Lunch",
  daysOfWeek: ALL_WEEK,
  startTime: "11:30",
  endTime: "14:30",
  slotMinutes: 15,
  maxCoversPerSlot: 16,
  maxPartiesPerSlot: 4,
  ...extra,
});
const periods = (locationId: string) => testDb().servicePeriod.findMany({ where: { locationId, archivedAt: null } });
const meta = () => ({
  ip: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  requestId: randomUUID(),
});
const DAY = isoDate(addDays(localDateOf(new Date(), "UTC"), 5));

beforeAll(async () => {
  await resetDb();
  here = await buildLocation({ timezone: "UTC" });
  there = await buildLocation({ timezone: "UTC" });
  await buildTables(here.id, ["1", "2"], { seats: 4 });
});
beforeEach(async () => {
  await testDb().servicePeriod.deleteMany({});
});

describe("service periods", () => {
  it("a manager adds a period; the public page offers its times at once; audited", async () => {
    const before = await findOnlineTimes({ slug: here.slug, date: DAY, partySize: 2 }, meta());
    expect(before.times).toEqual([]);
    expect(before.empty).toBe("Closed that day");
    const p = await createServicePeriod(here.ctx.MANAGER, lunch({ daysOfWeek: [3, 1, 1] }));
    expect(p).toMatchObject({ startMinute: 690, endMinute: 870, daysOfWeek: [1, 3] });
    await updateServicePeriod(here.ctx.MANAGER, { ...lunch(), id: p.id });
    const after = await findOnlineTimes({ slug: here.slug, date: DAY, partySize: 2 }, meta());
    expect(after.times.map((t) => t.time)).toEqual([
      "11:30",
      "11:45",
      "12:00",
      "12:15",
      "12:30",
      "12:45",
      "13:00",
      "13:15",
      "13:30",
      "13:45",
      "14:00",
      "14:15",
    ]);
    const audits = await testDb().auditLog.findMany({ where: { entityId: p.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["service-period.created", "service-period.updated"]);
  });

  it("only managers and admins change periods", async () => {
    for (const role of ["HOST", "SERVER", "CHEF", "CASHIER"] as const)
      await expectAppError(createServicePeriod(here.ctx[role], lunch()), "FORBIDDEN");
    await createServicePeriod(here.ctx.ADMIN, lunch());
    await expectAppError(getReservationSettings(here.ctx.HOST), "FORBIDDEN");
    expect(await periods(here.id)).toHaveLength(1);
  });

  it("refuses bad hours with field errors", async () => {
    const end = await expectAppError(createServicePeriod(here.ctx.MANAGER, lunch({ endTime: "11:00" })), "VALIDATION");
    expect(end.fieldErrors?.endTime).toEqual(["Bookings must stop after they start"]);
    const days = await expectAppError(createServicePeriod(here.ctx.MANAGER, lunch({ daysOfWeek: [] })), "VALIDATION");
    expect(days.fieldErrors?.daysOfWeek).toBeTruthy();
    await expectAppError(createServicePeriod(here.ctx.MANAGER, lunch({ startTime: "25:00" })), "VALIDATION");
    await expectAppError(createServicePeriod(here.ctx.MANAGER, lunch({ maxCoversPerSlot: 0 })), "VALIDATION");
    await expectAppError(createServicePeriod(here.ctx.MANAGER, lunch({ slotMinutes: 2 })), "VALIDATION");
    await expectAppError(createServicePeriod(here.ctx.MANAGER, lunch({ name: "  " })), "VALIDATION");
    expect(await periods(here.id)).toHaveLength(0);
  });

  it("refuses a period overlapping another on a shared weekday; touching ones and other days are fine", async () => {
    await createServicePeriod(here.ctx.MANAGER, lunch({ daysOfWeek: [1, 2, 3, 4, 5] }));
    const e = await expectAppError(
      createServicePeriod(
        here.ctx.MANAGER,
        lunch({ name: "Late lunch", daysOfWeek: [5, 6], startTime: "14:00", endTime: "16:00" }),
      ),
      "CONFLICT",
    );
    expect(e.fieldErrors?.startTime).toEqual(["Overlaps Lunch on Fri"]);
    await createServicePeriod(
      here.ctx.MANAGER,
      lunch({ name: "Tea", daysOfWeek: [1, 2, 3, 4, 5], startTime: "14:30", endTime: "16:00" }),
    );
    await createServicePeriod(
      here.ctx.MANAGER,
      lunch({ name: "Brunch", daysOfWeek: [0, 6], startTime: "10:00", endTime: "15:00" }),
    );
    // The same location's second manager at once: the lock lets one of two overlapping periods in.
    const both = await Promise.allSettled([
      createServicePeriod(here.ctx.MANAGER, lunch({ name: "Dinner A", startTime: "18:00", endTime: "22:00" })),
      createServicePeriod(here.ctx.ADMIN, lunch({ name: "Dinner B", startTime: "19:00", endTime: "23:00" })),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // Another location's periods do not count.
    await createServicePeriod(there.ctx.MANAGER, lunch());
  });

  it("an edit does not overlap itself; another location's period is not found; archive frees the hours", async () => {
    const p = await createServicePeriod(here.ctx.MANAGER, lunch());
    await updateServicePeriod(here.ctx.MANAGER, { ...lunch({ endTime: "15:00" }), id: p.id });
    await expectAppError(updateServicePeriod(there.ctx.MANAGER, { ...lunch(), id: p.id }), "NOT_FOUND");
    await expectAppError(archiveServicePeriod(there.ctx.MANAGER, { id: p.id }), "NOT_FOUND");
    await archiveServicePeriod(here.ctx.MANAGER, { id: p.id });
    await archiveServicePeriod(here.ctx.MANAGER, { id: p.id }); // twice: no change, one audit
    expect(await testDb().auditLog.count({ where: { entityId: p.id, action: "service-period.archived" } })).toBe(1);
    await expectAppError(updateServicePeriod(here.ctx.MANAGER, { ...lunch(), id: p.id }), "NOT_FOUND");
    await createServicePeriod(here.ctx.MANAGER, lunch());
    expect((await getReservationSettings(here.ctx.MANAGER)).periods).toHaveLength(1);
  });
});

describe("reservation settings", () => {
  it("saves durations, online booking and the phone; audits the change; the public page follows", async () => {
    await createServicePeriod(here.ctx.MANAGER, lunch());
    const saved = await updateReservationSettings(here.ctx.MANAGER, {
      reservationDurations: { "2": 75, "6": 120 },
      onlineBooking: false,
      onlineMaxPartySize: 6,
      phone: " +1 207 555 0100 ",
    });
    expect(saved).toMatchObject({
      reservationDurations: { "2": 75, "6": 120 },
      onlineBooking: false,
      phone: "+1 207 555 0100",
    });
    await expectAppError(findOnlineTimes({ slug: here.slug, date: DAY, partySize: 2 }, meta()), "FORBIDDEN");
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "location.reservations.update", entityId: here.id },
    });
    expect(audit.details).toMatchObject({ after: { onlineBooking: false } });

    await updateReservationSettings(here.ctx.MANAGER, { ...saved, onlineBooking: true, phone: "" });
    const big = await expectAppError(
      findOnlineTimes({ slug: here.slug, date: DAY, partySize: 7 }, meta()),
      "VALIDATION",
    );
    expect(big.message).toBe("For a party of 7, please call the restaurant");
    expect((await findOnlineTimes({ slug: here.slug, date: DAY, partySize: 6 }, meta())).times.length).toBeGreaterThan(
      0,
    );
  });

  it("refuses bad values and other roles; nothing changes", async () => {
    const before = await getReservationSettings(here.ctx.MANAGER);
    const good = { reservationDurations: { "2": 90 }, onlineBooking: true, onlineMaxPartySize: 8, phone: "" };
    await expectAppError(updateReservationSettings(here.ctx.HOST, good), "FORBIDDEN");
    await expectAppError(
      updateReservationSettings(here.ctx.MANAGER, { ...good, reservationDurations: {} }),
      "VALIDATION",
    );
    await expectAppError(
      updateReservationSettings(here.ctx.MANAGER, { ...good, reservationDurations: { "0": 90 } }),
      "VALIDATION",
    );
    await expectAppError(
      updateReservationSettings(here.ctx.MANAGER, { ...good, reservationDurations: { "2": 5 } }),
      "VALIDATION",
    );
    await expectAppError(updateReservationSettings(here.ctx.MANAGER, { ...good, onlineMaxPartySize: 0 }), "VALIDATION");
    expect(await getReservationSettings(here.ctx.MANAGER)).toEqual(before);
  });
});
