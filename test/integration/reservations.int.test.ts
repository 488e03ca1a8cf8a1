// Reservations against the real database: booking rules (past, service hours, party size,
// pacing, tables), guests by phone, every status change, roles and tenancy, and double-booking
// refused by the database itself — also when five hosts book the same table at once.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  cancelReservation,
  completeReservation,
  confirmReservation,
  markReservationArrived,
  markReservationNoShow,
} from "@/lib/reservations/change-reservation-status";
import { createReservation } from "@/lib/reservations/create-reservation";
import { findSlots } from "@/lib/reservations/find-slots";
import { listReservations } from "@/lib/reservations/list-reservations";
import { searchGuests } from "@/lib/reservations/search-guests";
import { seatReservation } from "@/lib/reservations/seat-reservation";
import { updateReservation } from "@/lib/reservations/update-reservation";
import { DOUBLE_BOOKED, reservationWriteError } from "@/lib/reservations/reservation-db-errors";
import { openOrder } from "@/lib/orders/open-order";
import { AppError } from "@/lib/errors";
import { addDays, isoDate, localDateOf } from "@/lib/time/zoned";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

let here: BuiltLocation;
let there: BuiltLocation;
let t: Record<string, string>; // "1", "2", "3": touching two-tops in one area; "4": a four-top elsewhere
let thereTable: string;

// A week ahead, in UTC: never in the past when the test runs.
const DAY = isoDate(addDays(localDateOf(new Date(), "UTC"), 7));
const at = (h: number, m = 0) => `${DAY}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00.000Z`;
const host = () => here.ctx.HOST;
const book = (extra: Partial<Parameters<typeof createReservation>[1]> = {}) =>
  createReservation(host(), { guestName: "Ada Lovelace", partySize: 2, startsAt: at(19), ...extra });

beforeAll(async () => {
  await resetDb();
  here = await buildLocation({ timezone: "UTC" });
  there = await buildLocation({ timezone: "UTC" });
  t = {
    ...(await buildTables(here.id, ["1", "2", "3"], { seats: 2, area: "Main" })),
    ...(await buildTables(here.id, ["4"], { seats: 4, area: "Patio" })),
  };
  thereTable = (await buildTables(there.id, ["1"], { seats: 4 }))["1"];
  for (const loc of [here, there]) {
    await db.servicePeriod.create({
      data: {
        locationId: loc.id,
        name: "Dinner",
        daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
        startMinute: 17 * 60,
        endMinute: 22 * 60 + 30,
        maxCoversPerSlot: 12,
        maxPartiesPerSlot: 3,
      },
    });
  }
});

beforeEach(async () => {
  await db.order.deleteMany({});
  await db.reservation.deleteMany({});
  await db.guest.deleteMany({});
  await db.diningTable.updateMany({ data: { status: "FREE" } });
});

const count = () => db.reservation.count({ where: { locationId: here.id } });

describe("booking", () => {
  it("books the smallest free table, finds or creates the guest by phone in E.164, audits and returns a cancel token", async () => {
    const { reservation, cancelToken } = await book({
      phone: "(207) 555-0163",
      email: "Ada@Example.com",
      tags: ["VIP"],
    });
    expect(reservation).toMatchObject({ status: "BOOKED", partySize: 2, durationMinutes: 90, tags: ["VIP"] });
    expect(reservation.tables.map((x) => x.label)).toEqual(["1"]);
    expect(reservation.guest).toMatchObject({ name: "Ada Lovelace", phone: "+12075550163", email: "ada@example.com" });
    expect(cancelToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const row = await db.reservation.findUniqueOrThrow({ where: { id: reservation.id } });
    expect(row.cancelTokenHash).toHaveLength(64);
    expect(row.cancelTokenHash).not.toContain(cancelToken);
    const held = await db.reservationTable.findFirstOrThrow({ where: { reservationId: reservation.id } });
    expect(held).toMatchObject({ active: true, startsAt: new Date(at(19)), endsAt: new Date(at(20, 30)) });
    const audit = await db.auditLog.findFirst({ where: { entityId: reservation.id, action: "reservations.create" } });
    expect(audit?.actorId).toBe(here.staff.HOST.userId);

    // The same phone typed differently is the same guest.
    const again = await book({ guestName: "A. Lovelace", phone: "+1 207-555-0163", startsAt: at(21) });
    expect(again.reservation.guest.id).toBe(reservation.guest.id);
  });

  it("takes the duration from the party size and the four-top for four, a combination of adjacent tables for five", async () => {
    const four = await book({ partySize: 4 });
    expect(four.reservation.durationMinutes).toBe(105);
    expect(four.reservation.tables.map((x) => x.label)).toEqual(["4"]);
    const five = await book({ partySize: 5 });
    expect(five.reservation.durationMinutes).toBe(120);
    expect(five.reservation.tables.map((x) => x.label)).toEqual(["1", "2", "3"]);
    const allergy = await book({ startsAt: at(17), allergyNotes: "Sesame" });
    expect(allergy.reservation.tags).toContain("ALLERGY");
  });

  it("refuses bad input with a clear field error and writes nothing", async () => {
    const cases: [Parameters<typeof book>[0], string, string, RegExp][] = [
      [{ startsAt: new Date(Date.now() - 3_600_000).toISOString() }, "VALIDATION", "startsAt", /passed/],
      [{ startsAt: at(15) }, "VALIDATION", "startsAt", /Outside service hours/],
      [{ startsAt: at(22, 30) }, "VALIDATION", "startsAt", /Outside service hours/],
      [{ partySize: 7 }, "VALIDATION", "partySize", /largest takes 6/],
      [{ partySize: 51 }, "VALIDATION", "partySize", /At most 50/],
      [{ partySize: 0 }, "VALIDATION", "partySize", /At least 1/],
      [{ phone: "555-01" }, "VALIDATION", "phone", /Not a valid phone number/],
      [{ email: "not-an-email" }, "VALIDATION", "email", /Not an email/],
      [{ guestName: undefined }, "VALIDATION", "guestName", /Enter the guest's name/],
      [{ startsAt: "tomorrow at 7" }, "VALIDATION", "startsAt", /ISO date/],
      [{ tableIds: [thereTable] }, "VALIDATION", "tableIds", /Table not found/],
      [{ tableIds: [t["1"]], partySize: 3 }, "VALIDATION", "tableIds", /seat 2; the party is 3/],
      [{ tableIds: [t["3"], t["4"]], partySize: 3 }, "VALIDATION", "tableIds", /one area/],
      [{ durationMinutes: 600 }, "VALIDATION", "durationMinutes", /At most 8 hours/],
    ];
    for (const [input, code, field, message] of cases) {
      const e = await expectAppError(book(input), code);
      expect(e.fieldErrors?.[field]?.[0], JSON.stringify(input)).toMatch(message);
    }
    expect(await count()).toBe(0);
    expect(await db.guest.count({ where: { locationId: here.id } })).toBe(0);
  });

  it("refuses an overlapping booking of a table as a 409 field error; back to back is fine", async () => {
    await book({ tableIds: [t["4"]] });
    const e = await expectAppError(book({ tableIds: [t["4"]], startsAt: at(20) }), "CONFLICT");
    expect(e.status).toBe(409);
    expect(e.fieldErrors?.tableIds).toEqual([DOUBLE_BOOKED]);
    await book({ tableIds: [t["4"]], startsAt: at(20, 30) });
    expect(await count()).toBe(2);
  });

  it("paces the kitchen: at most 3 new parties and 12 covers per 15-minute slot", async () => {
    // Short stays, so tables never run out before the pace does.
    const q = { durationMinutes: 15 };
    await book({ ...q, startsAt: at(19, 0) });
    await book({ ...q, startsAt: at(19, 5) });
    await book({ ...q, startsAt: at(19, 10), partySize: 4 });
    const e = await expectAppError(book({ ...q, startsAt: at(19, 14) }), "CONFLICT");
    expect(e.fieldErrors?.startsAt?.[0]).toMatch(/pace.*parties/);
    await book({ ...q, startsAt: at(19, 30), partySize: 4 }); // another slot
    await book({ startsAt: at(20, 0), partySize: 6, tableIds: [t["1"], t["2"], t["3"]] });
    await book({ startsAt: at(20, 0), partySize: 4 });
    const covers = await expectAppError(book({ startsAt: at(20, 5), partySize: 4, durationMinutes: 30 }), "CONFLICT");
    expect(covers.message).toMatch(/covers/);
  });

  it("has no table left when every fitting table is held for the stay", async () => {
    await book({ partySize: 4 });
    await book({ partySize: 6, startsAt: at(18, 0) });
    const e = await expectAppError(book({ partySize: 2, startsAt: at(18, 30) }), "CONFLICT");
    expect(e.fieldErrors?.startsAt?.[0]).toMatch(/No table/);
  });
});

describe("no double-booking, enforced by the database", () => {
  it("five hosts booking the same table at once: exactly one succeeds, the others get the conflict", async () => {
    const hosts = [here.ctx.HOST, here.ctx.MANAGER, here.ctx.ADMIN, here.ctx.SERVER, here.ctx.HOST];
    const results = await Promise.allSettled(
      hosts.map((ctx, i) =>
        createReservation(ctx, {
          guestName: `Party ${i}`,
          phone: "+12075550100",
          partySize: 4,
          startsAt: at(19),
          tableIds: [t["4"]],
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).code).toBe("CONFLICT");
      expect((r.reason as AppError).fieldErrors?.tableIds).toEqual([DOUBLE_BOOKED]);
    }
    expect(await db.reservationTable.count({ where: { tableId: t["4"], active: true } })).toBe(1);
    expect(await db.guest.count({ where: { locationId: here.id } })).toBe(1);
  });

  it("the exclusion constraint refuses a direct overlapping insert, and lets go once the booking is cancelled", async () => {
    const first = (await book({ tableIds: [t["4"]] })).reservation;
    const second = (await book({ tableIds: [t["1"]], startsAt: at(19, 30) })).reservation;
    const insert = () =>
      testDb()
        .$executeRaw`INSERT INTO "ReservationTable" ("reservationId", "tableId", "locationId", "startsAt", "endsAt")
        VALUES (${second.id}, ${t["4"]}, ${here.id}, now(), now())`;
    await expect(insert()).rejects.toThrow(/ReservationTable_no_double_booking/);
    // Moving the first booking onto the second's table through SQL is refused too (the trigger re-copies times).
    await testDb()
      .$executeRaw`INSERT INTO "ReservationTable" ("reservationId", "tableId", "locationId", "startsAt", "endsAt")
        VALUES (${first.id}, ${t["2"]}, ${here.id}, now(), now())`;
    await expect(
      testDb().reservation.update({
        where: { id: second.id },
        data: { startsAt: new Date(at(18)), durationMinutes: 480 },
      }),
    ).resolves.toBeTruthy(); // table 1 alone: no overlap
    await cancelReservation(host(), { id: first.id, reason: "Guest called" });
    expect(
      await db.reservationTable.findMany({ where: { reservationId: first.id }, select: { active: true } }),
    ).toEqual([{ active: false }, { active: false }]);
    await expect(insert()).resolves.toBe(1);
  });

  it("five concurrent moves onto one table and time, bypassing the use cases: the constraint lets exactly one through", async () => {
    const ids: string[] = [];
    for (const [h, m] of [
      [17, 0],
      [17, 30],
      [18, 0],
      [18, 30],
      [19, 0],
    ] as const)
      ids.push((await book({ tableIds: [t["4"]], startsAt: at(h, m), durationMinutes: 30 })).reservation.id);
    const results = await Promise.allSettled(
      ids.map((id) => testDb().reservation.update({ where: { id }, data: { startsAt: new Date(at(20)) } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(reservationWriteError(r.reason)?.fieldErrors?.tableIds).toEqual([DOUBLE_BOOKED]);
  });

  it("refuses a table of another location even in SQL", async () => {
    const r = (await book()).reservation;
    await expect(
      testDb()
        .$executeRaw`INSERT INTO "ReservationTable" ("reservationId", "tableId", "locationId", "startsAt", "endsAt")
        VALUES (${r.id}, ${thereTable}, ${here.id}, now(), now())`,
    ).rejects.toThrow(/different locations/);
  });
});

describe("status changes", () => {
  it("confirm → arrived → seated (opens the table's order with the party and the allergy) → completed", async () => {
    const r = (await book({ partySize: 3, allergyNotes: "Shellfish", tags: ["BIRTHDAY"], phone: "+12075550111" }))
      .reservation;
    expect((await confirmReservation(host(), { id: r.id })).confirmedAt).toBeInstanceOf(Date);
    expect((await markReservationArrived(host(), { id: r.id })).status).toBe("ARRIVED");
    const seated = await seatReservation(host(), { id: r.id });
    expect(seated.reservation).toMatchObject({ status: "SEATED", orderId: seated.orderId });
    const order = await db.order.findUniqueOrThrow({ where: { id: seated.orderId } });
    expect(order).toMatchObject({ tableId: t["4"], guestCount: 3, notes: "Allergy: Shellfish; birthday" });
    expect((await db.diningTable.findUniqueOrThrow({ where: { id: t["4"] } })).status).toBe("SEATED");
    const done = await completeReservation(host(), { id: r.id });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done.guest.visitCount).toBe(1);
    expect(await db.reservationTable.count({ where: { reservationId: r.id, active: true } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { entityId: r.id }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      "reservations.create",
      "reservations.confirmed",
      "reservations.arrived",
      "reservations.seated",
      "reservations.seated_at",
      "reservations.completed",
    ]);
  });

  it("refuses moves the machine does not allow, and a second tap", async () => {
    const r = (await book()).reservation;
    await expectAppError(completeReservation(host(), { id: r.id }), "INVALID_STATE");
    await confirmReservation(host(), { id: r.id });
    const e = await expectAppError(confirmReservation(host(), { id: r.id }), "INVALID_STATE");
    expect(e.message).toMatch(/confirmed; it cannot be marked confirmed/);
    await cancelReservation(host(), { id: r.id });
    await expectAppError(seatReservation(host(), { id: r.id }), "INVALID_STATE");
    await expectAppError(updateReservation(host(), { id: r.id, partySize: 1 }), "INVALID_STATE");
  });

  it("two hosts seating at once open one order and seat once", async () => {
    const r = (await book()).reservation;
    const results = await Promise.allSettled([
      seatReservation(host(), { id: r.id }),
      seatReservation(here.ctx.MANAGER, { id: r.id }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(await db.order.count({ where: { locationId: here.id, status: "OPEN" } })).toBe(1);
    expect((await db.reservation.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("SEATED");
  });

  it("no-show only from the booked time on; it counts against the guest and frees the table", async () => {
    const future = (await book({ phone: "+12075550122" })).reservation;
    const e = await expectAppError(markReservationNoShow(host(), { id: future.id }), "INVALID_STATE");
    expect(e.message).toMatch(/not late yet/);
    await db.reservation.update({ where: { id: future.id }, data: { startsAt: new Date(Date.now() - 20 * 60_000) } });
    const r = await markReservationNoShow(host(), { id: future.id });
    expect(r).toMatchObject({ status: "NO_SHOW" });
    expect(r.guest.noShowCount).toBe(1);
    expect(await db.reservationTable.count({ where: { reservationId: future.id, active: true } })).toBe(0);
  });

  it("refuses to seat onto a table whose previous party still has an open order", async () => {
    const r = (await book({ partySize: 4 })).reservation;
    await openOrder(here.ctx.SERVER, { tableId: t["4"], guestCount: 2 });
    const e = await expectAppError(seatReservation(host(), { id: r.id }), "CONFLICT");
    expect(e.message).toMatch(/Table 4 still has an open order/);
    expect((await db.reservation.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("BOOKED");
  });
});

describe("editing", () => {
  it("moves the time and keeps the table, re-proposes tables when the party outgrows them, refuses a clash", async () => {
    const r = (await book()).reservation;
    const moved = await updateReservation(host(), { id: r.id, startsAt: at(20), notes: "Window please" });
    expect(moved).toMatchObject({ notes: "Window please" });
    expect(moved.tables.map((x) => x.label)).toEqual(["1"]);
    expect((await db.reservationTable.findFirstOrThrow({ where: { reservationId: r.id } })).startsAt).toEqual(
      new Date(at(20)),
    );
    const bigger = await updateReservation(host(), { id: r.id, partySize: 4 });
    expect(bigger.tables.map((x) => x.label)).toEqual(["4"]);
    expect(bigger.durationMinutes).toBe(105);
    const other = (await book({ startsAt: at(18), tableIds: [t["2"]] })).reservation;
    const e = await expectAppError(
      updateReservation(host(), { id: other.id, startsAt: at(19, 30), tableIds: [t["4"]] }),
      "CONFLICT",
    );
    expect(e.fieldErrors?.tableIds).toEqual([DOUBLE_BOOKED]);
    expect((await db.reservation.findUniqueOrThrow({ where: { id: other.id } })).startsAt).toEqual(new Date(at(18)));
  });

  it("lets a party that arrived after its time grow, but not move into the past", async () => {
    const r = (await book({ startsAt: at(17, 30) })).reservation;
    const past = new Date(Date.now() - 10 * 60_000);
    await db.reservation.update({ where: { id: r.id }, data: { startsAt: past, status: "ARRIVED" } });
    const grown = await updateReservation(host(), { id: r.id, partySize: 3 });
    expect(grown).toMatchObject({ partySize: 3, startsAt: past });
    const e = await expectAppError(
      updateReservation(host(), { id: r.id, startsAt: new Date(Date.now() - 60 * 60_000).toISOString() }),
      "VALIDATION",
    );
    expect(e.fieldErrors?.startsAt).toEqual(["This time has passed"]);
  });
});

describe("roles and tenancy", () => {
  it("lets hosts, servers and managers book; cashiers and chefs not; chefs cannot read the book", async () => {
    await expectAppError(
      book().then(() => createReservation(here.ctx.CHEF, { guestName: "X", partySize: 2, startsAt: at(21) })),
      "FORBIDDEN",
    );
    await expectAppError(
      createReservation(here.ctx.CASHIER, { guestName: "X", partySize: 2, startsAt: at(21) }),
      "FORBIDDEN",
    );
    await expectAppError(listReservations(here.ctx.CHEF, { date: DAY }), "FORBIDDEN");
    expect((await listReservations(here.ctx.CASHIER, { date: DAY })).reservations).toHaveLength(1);
  });

  it("another location's reservation is a 404 for every change, and absent from its book", async () => {
    const r = (await book()).reservation;
    const them = there.ctx.MANAGER;
    for (const attempt of [
      () => confirmReservation(them, { id: r.id }),
      () => cancelReservation(them, { id: r.id }),
      () => seatReservation(them, { id: r.id }),
      () => markReservationArrived(them, { id: r.id }),
      () => updateReservation(them, { id: r.id, notes: "x" }),
    ])
      await expectAppError(attempt(), "NOT_FOUND");
    expect((await listReservations(them, { date: DAY })).reservations).toEqual([]);
    const guestThere = await expectAppError(
      createReservation(them, { guestId: r.guest.id, partySize: 2, startsAt: at(19) }),
      "VALIDATION",
    );
    expect(guestThere.fieldErrors?.guestId).toEqual(["Guest not found"]);
  });
});

describe("reading the book and free times", () => {
  it("finds guests by phone in any format or by part of the name, this location's only", async () => {
    await book({ guestName: "Ada Lovelace", phone: "207-555-0163" });
    await book({ guestName: "Adam Smith", startsAt: at(20) });
    expect((await searchGuests(host(), { q: "(207) 555 0163" })).map((g) => g.name)).toEqual(["Ada Lovelace"]);
    expect((await searchGuests(host(), { q: "ada" })).map((g) => g.name).sort()).toEqual([
      "Ada Lovelace",
      "Adam Smith",
    ]);
    expect(await searchGuests(there.ctx.HOST, { q: "ada" })).toEqual([]);
    await expectAppError(searchGuests(host(), { q: "a" }), "VALIDATION");
    await expectAppError(searchGuests(here.ctx.CHEF, { q: "ada" }), "FORBIDDEN");
  });

  it("lists one local day by time, filtered by status", async () => {
    const a = (await book({ startsAt: at(20) })).reservation;
    const b = (await book({ startsAt: at(18) })).reservation;
    await confirmReservation(host(), { id: a.id });
    expect((await listReservations(host(), { date: DAY })).reservations.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await listReservations(host(), { date: DAY, status: "CONFIRMED" })).reservations.map((r) => r.id)).toEqual([
      a.id,
    ]);
  });

  it("finds slots with proposed tables, a combination when the single table is taken, and none when all are", async () => {
    const free = await findSlots(host(), { date: DAY, partySize: 4 });
    expect(free.slots).toHaveLength(22);
    expect(free.durationMinutes).toBe(105);
    const seven = free.slots.find((s) => s.time === "19:00")!;
    expect(seven).toMatchObject({ bookable: true, tables: [{ label: "4" }] });
    await book({ partySize: 4, startsAt: at(19) });
    const after = await findSlots(host(), { date: DAY, partySize: 4 });
    expect(after.slots.find((s) => s.time === "19:00")?.tables.map((x) => x.label)).toEqual(["1", "2"]);
    await book({ partySize: 6, startsAt: at(18, 30) });
    const full = await findSlots(host(), { date: DAY, partySize: 4 });
    expect(full.slots.find((s) => s.time === "19:00")).toMatchObject({ bookable: false, reason: "NO_TABLE" });
    expect(full.slots.find((s) => s.time === "21:00")).toMatchObject({ bookable: true });
    const e = await expectAppError(findSlots(host(), { date: DAY, partySize: 7 }), "VALIDATION");
    expect(e.fieldErrors?.partySize?.[0]).toMatch(/largest takes 6/);
    await expectAppError(findSlots(host(), { date: "2026-02-30", partySize: 2 }), "VALIDATION");
  });
});
