// The host stand's floor against the real database: merging and parting tables (rules, roles,
// concurrent merges), seating a booking at chosen tables (one transaction), moving a seated party
// with its order and booking, closing the order completing the booking and parting the group, the
// guest count following, and the host's view of every table.
import pg from "pg";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getHostFloor } from "@/lib/host/get-host-floor";
import { openOrder } from "@/lib/orders/open-order";
import { setGuestCount } from "@/lib/orders/set-guest-count";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { transferOrder } from "@/lib/checks/transfer-order";
import { seatReservation } from "@/lib/reservations/seat-reservation";
import { DOUBLE_BOOKED } from "@/lib/reservations/reservation-db-errors";
import { clearTable } from "@/lib/tables/clear-table";
import { listFloor } from "@/lib/tables/list-floor";
import { mergeTables } from "@/lib/tables/merge-tables";
import { moveParty } from "@/lib/tables/move-party";
import { partTables } from "@/lib/tables/part-tables";
import { archiveTable } from "@/lib/tables/archive-table";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb } from "./helpers";
import { zoneWithLocalHour } from "../support/zones";

let here: BuiltLocation;
let there: BuiltLocation;
let t: Record<string, string>;
let thereTable: string;
const host = () => here.ctx.HOST;
const MIN = 60_000;

/** Main: 1–3 two-tops side by side; 4, 5, 6 four-tops side by side, apart from 1–3. Patio: P1. */
async function buildRoom(locationId: string) {
  const area = await db.floorArea.create({ data: { locationId, name: "Main" } });
  const specs: [string, number, number][] = [
    ["1", 2, 0],
    ["2", 2, 1],
    ["3", 2, 2],
    ["4", 4, 6],
    ["5", 4, 7],
    ["6", 4, 8],
  ];
  const ids: Record<string, string> = {};
  for (const [label, seats, posX] of specs)
    ids[label] = (await db.diningTable.create({ data: { locationId, areaId: area.id, label, seats, posX } })).id;
  return { ...ids, ...(await buildTables(locationId, ["P1"], { area: "Patio", seats: 4 })) };
}

/** A booking written directly (the rules are reservations.int.test.ts's); the trigger copies the times. */
async function reserve(partySize: number, tableIds: string[], startsAt = new Date(), name = "Ravi Patel") {
  const guest = await db.guest.create({ data: { locationId: here.id, name } });
  return db.reservation.create({
    data: {
      locationId: here.id,
      guestId: guest.id,
      partySize,
      startsAt,
      durationMinutes: 120,
      status: "ARRIVED",
      tables: { create: tableIds.map((tableId) => ({ tableId, locationId: here.id, startsAt, endsAt: startsAt })) },
    },
  });
}

const table = (label: string) => db.diningTable.findUniqueOrThrow({ where: { id: t[label] } });
const openOrders = () => db.order.count({ where: { locationId: here.id, status: { notIn: ["CLOSED", "VOIDED"] } } });
const heldBy = async (reservationId: string) =>
  (
    await db.reservationTable.findMany({
      where: { reservationId },
      select: { table: { select: { label: true } } },
    })
  )
    .map((r) => r.table.label)
    .sort();

beforeAll(async () => {
  await resetDb();
  // Mid-morning local time whenever the suite runs, so "tonight's holds" never cross midnight.
  here = await buildLocation({ timezone: zoneWithLocalHour(10) });
  there = await buildLocation({ timezone: zoneWithLocalHour(10) });
  t = await buildRoom(here.id);
  thereTable = (await buildTables(there.id, ["1"]))["1"];
});

beforeEach(async () => {
  await db.order.deleteMany({});
  await db.reservation.deleteMany({});
  await db.guest.deleteMany({});
  await db.diningTable.updateMany({ data: { mergedIntoId: null } });
  await db.diningTable.updateMany({ data: { status: "FREE", archivedAt: null } });
  await db.location.update({ where: { id: here.id }, data: { bussingStep: false } });
});

describe("merging and parting", () => {
  it("joins adjacent tables of one area to a primary, audits, and parts them back to free", async () => {
    const merged = await mergeTables(host(), { primaryId: t["4"], tableIds: [t["5"]] });
    expect(merged).toMatchObject({ primaryId: t["4"], labels: ["4", "5"], seats: 8 });
    expect((await table("5")).mergedIntoId).toBe(t["4"]);
    // A third table joins the group through its neighbour 5.
    await mergeTables(host(), { primaryId: t["4"], tableIds: [t["6"]] });
    const floor = await listFloor(here.ctx.SERVER);
    const six = floor.flatMap((a) => a.tables).find((x) => x.label === "6")!;
    expect(six.group).toEqual({ primaryId: t["4"], labels: ["4", "5", "6"] });
    expect(
      await db.auditLog.count({
        where: { entityId: t["4"], action: "tables.merged", actorId: here.staff.HOST.userId },
      }),
    ).toBe(2);

    // Any table of the group parts it.
    expect(await partTables(host(), { tableId: t["6"] })).toMatchObject({ primaryId: t["4"] });
    expect((await table("5")).mergedIntoId).toBeNull();
    expect((await table("6")).status).toBe("FREE");
    await expectAppError(partTables(host(), { tableId: t["4"] }), "INVALID_STATE");
  });

  it("refuses tables apart, in another area, joined elsewhere (no chains), busy, dirty, archived or of another location", async () => {
    const cases: [Parameters<typeof mergeTables>[1], string, RegExp][] = [
      [{ primaryId: t["3"], tableIds: [t["4"]] }, "VALIDATION", /not side by side/],
      [{ primaryId: t["1"], tableIds: [t["P1"]] }, "VALIDATION", /one area/],
      [{ primaryId: t["1"], tableIds: [t["1"]] }, "VALIDATION", /Pick a table/],
      [{ primaryId: t["1"], tableIds: [thereTable] }, "NOT_FOUND", /Table not found/],
    ];
    for (const [input, code, message] of cases)
      expect((await expectAppError(mergeTables(host(), input), code)).message).toMatch(message);

    await mergeTables(host(), { primaryId: t["1"], tableIds: [t["2"]] });
    // 2 is taken by 1's group; 1 (a primary) cannot join another; 2 (joined) cannot be a primary.
    expect(
      (await expectAppError(mergeTables(host(), { primaryId: t["3"], tableIds: [t["2"]] }), "CONFLICT")).message,
    ).toMatch(/already joined with 1/);
    expect(
      (await expectAppError(mergeTables(host(), { primaryId: t["3"], tableIds: [t["1"]] }), "CONFLICT")).message,
    ).toMatch(/part them first/);
    expect(
      (await expectAppError(mergeTables(host(), { primaryId: t["2"], tableIds: [t["3"]] }), "INVALID_STATE")).message,
    ).toMatch(/start from 1/);

    // A table with its own party's order cannot join; the primary's own order is fine.
    await openOrder(here.ctx.SERVER, { tableId: t["5"], guestCount: 2 });
    expect(
      (await expectAppError(mergeTables(host(), { primaryId: t["4"], tableIds: [t["5"]] }), "CONFLICT")).message,
    ).toMatch(/has order #\d+ open/);
    await mergeTables(host(), { primaryId: t["5"], tableIds: [t["6"]] });

    await db.diningTable.update({ where: { id: t["3"] }, data: { status: "NEEDS_BUSSING" } });
    await expectAppError(mergeTables(host(), { primaryId: t["1"], tableIds: [t["3"]] }), "INVALID_STATE");
    await db.diningTable.update({ where: { id: t["3"] }, data: { status: "FREE", archivedAt: new Date() } });
    await expectAppError(mergeTables(host(), { primaryId: t["1"], tableIds: [t["3"]] }), "NOT_FOUND");
    await expectAppError(mergeTables(there.ctx.HOST, { primaryId: t["4"], tableIds: [t["5"]] }), "NOT_FOUND");
    expect(await db.diningTable.count({ where: { locationId: here.id, mergedIntoId: { not: null } } })).toBe(2);
  });

  it("lets hosts, servers and managers arrange tables; cashiers and chefs not", async () => {
    for (const role of ["CASHIER", "CHEF"] as const) {
      await expectAppError(mergeTables(here.ctx[role], { primaryId: t["4"], tableIds: [t["5"]] }), "FORBIDDEN");
      await expectAppError(partTables(here.ctx[role], { tableId: t["4"] }), "FORBIDDEN");
      await expectAppError(moveParty(here.ctx[role], { fromTableId: t["4"], toTableIds: [t["5"]] }), "FORBIDDEN");
    }
    for (const role of ["SERVER", "MANAGER", "ADMIN"] as const) {
      await mergeTables(here.ctx[role], { primaryId: t["4"], tableIds: [t["5"]] });
      await partTables(here.ctx[role], { tableId: t["5"] });
    }
  });

  it("concurrent merges of one table: exactly one group, the others refused; concurrent chains never form", async () => {
    const same = await Promise.allSettled([
      mergeTables(host(), { primaryId: t["1"], tableIds: [t["2"]] }),
      mergeTables(here.ctx.MANAGER, { primaryId: t["3"], tableIds: [t["2"]] }),
      mergeTables(here.ctx.SERVER, { primaryId: t["1"], tableIds: [t["2"]] }),
      mergeTables(here.ctx.ADMIN, { primaryId: t["3"], tableIds: [t["2"]] }),
    ]);
    expect(same.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of same)
      if (r.status === "rejected") expect((r.reason as { code: string }).code).toMatch(/CONFLICT|INVALID_STATE/);
    expect(await db.diningTable.count({ where: { mergedIntoId: { not: null } } })).toBe(1);

    // 5 → 4 and 6 → 5 at once: one of them, never 6 → 5 → 4 (either may win: tried a few times).
    for (let round = 0; round < 6; round++) {
      await db.diningTable.updateMany({ data: { mergedIntoId: null } });
      const [a, b] = round % 2 ? [host(), here.ctx.MANAGER] : [here.ctx.MANAGER, host()];
      const chain = await Promise.allSettled([
        mergeTables(a, { primaryId: t["4"], tableIds: [t["5"]] }),
        mergeTables(b, { primaryId: t["5"], tableIds: [t["6"]] }),
      ]);
      expect(chain.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const joined = await db.diningTable.findMany({
        where: { mergedIntoId: { not: null } },
        select: { mergedIntoId: true },
      });
      expect(joined).toHaveLength(1);
      const primary = await db.diningTable.findUniqueOrThrow({ where: { id: joined[0].mergedIntoId! } });
      expect(primary.mergedIntoId).toBeNull();
    }
  });

  it("a joined table opens (continues) its primary's order; archiving a table parts its group", async () => {
    await mergeTables(host(), { primaryId: t["4"], tableIds: [t["5"]] });
    const opened = await openOrder(here.ctx.SERVER, { tableId: t["5"], guestCount: 7 });
    expect((await db.order.findUniqueOrThrow({ where: { id: opened.orderId } })).tableId).toBe(t["4"]);
    expect((await openOrder(here.ctx.SERVER, { tableId: t["4"] })).orderId).toBe(opened.orderId);
    await updateOrderStatus(here.ctx.SERVER, { orderId: opened.orderId, status: "CLOSED" });
    await mergeTables(host(), { primaryId: t["4"], tableIds: [t["5"]] });
    await archiveTable(here.ctx.MANAGER, { id: t["4"], archived: true });
    expect((await table("5")).mergedIntoId).toBeNull();
  });
});

describe("seating at chosen tables", () => {
  it("re-assigns the booking to one other table and opens the order there", async () => {
    const r = await reserve(2, [t["1"]]);
    const seated = await seatReservation(host(), { id: r.id, tableIds: [t["3"]] });
    expect(await heldBy(r.id)).toEqual(["3"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: seated.orderId } })).tableId).toBe(t["3"]);
    expect(seated.reservation.status).toBe("SEATED");
  });

  it("a party of 8 at two four-tops: the booking holds both, they merge with the first by label, one order", async () => {
    const r = await reserve(8, [t["P1"]]);
    const seated = await seatReservation(host(), { id: r.id, tableIds: [t["5"], t["4"]] });
    expect(seated.tableIds).toEqual([t["4"], t["5"]]);
    expect(await heldBy(r.id)).toEqual(["4", "5"]);
    expect((await table("5")).mergedIntoId).toBe(t["4"]);
    const order = await db.order.findUniqueOrThrow({ where: { id: seated.orderId } });
    expect(order).toMatchObject({ tableId: t["4"], guestCount: 8 });
    expect(await openOrders()).toBe(1);
  });

  it("a booked combination seated without naming tables is pushed together too", async () => {
    const r = await reserve(4, [t["1"], t["2"]]);
    await seatReservation(host(), { id: r.id });
    expect((await table("2")).mergedIntoId).toBe(t["1"]);
  });

  it("an empty group the host pushed together ahead gives way to the tables named", async () => {
    await mergeTables(host(), { primaryId: t["4"], tableIds: [t["5"], t["6"]] });
    const r = await reserve(8, [t["P1"]]);
    await seatReservation(host(), { id: r.id, tableIds: [t["5"], t["6"]] });
    expect((await table("6")).mergedIntoId).toBe(t["5"]);
    expect((await table("4")).mergedIntoId).toBeNull();
  });

  it("refuses too few seats, tables apart, a taken table or one booked by someone else — and writes nothing", async () => {
    const r = await reserve(8, [t["P1"]]);
    const other = await reserve(2, [t["6"]], new Date(Date.now() + 30 * MIN), "Someone Else");
    await openOrder(here.ctx.SERVER, { tableId: t["1"], guestCount: 2 });
    const cases: [string[], string, RegExp][] = [
      [[t["4"]], "VALIDATION", /seat 4; the party is 8/],
      [[t["3"], t["4"], t["5"]], "VALIDATION", /not side by side/],
      [[t["1"], t["2"], t["3"], t["P1"]], "CONFLICT", /Table 1 still has an open order/],
      [[t["5"], t["6"]], "CONFLICT", new RegExp(DOUBLE_BOOKED.slice(0, 20))],
      [[thereTable, t["5"]], "VALIDATION", /Table not found/],
    ];
    for (const [tableIds, code, message] of cases) {
      const e = await expectAppError(seatReservation(host(), { id: r.id, tableIds }), code);
      expect(e.fieldErrors?.tableIds?.[0] ?? e.message, tableIds.join()).toMatch(message);
    }
    expect(await openOrders()).toBe(1);
    expect(await heldBy(r.id)).toEqual(["P1"]);
    expect(await heldBy(other.id)).toEqual(["6"]);
    expect(await db.diningTable.count({ where: { locationId: here.id, mergedIntoId: { not: null } } })).toBe(0);
    expect((await db.reservation.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("ARRIVED");
  });
});

describe("moving a seated party", () => {
  it("moves the order, the booking's tables and the kitchen's tickets; the old group parts and turns free", async () => {
    const r = await reserve(6, [t["P1"]]);
    const seated = await seatReservation(host(), { id: r.id, tableIds: [t["4"], t["5"]] });
    const moved = await moveParty(host(), { fromTableId: t["5"], toTableIds: [t["1"], t["2"], t["3"]] });
    expect(moved).toMatchObject({ orderId: seated.orderId, primaryId: t["1"] });
    expect(moved.freedTableIds.sort()).toEqual([t["4"], t["5"]].sort());
    expect((await db.order.findUniqueOrThrow({ where: { id: seated.orderId } })).tableId).toBe(t["1"]);
    expect(await heldBy(r.id)).toEqual(["1", "2", "3"]);
    expect((await table("3")).mergedIntoId).toBe(t["1"]);
    expect(await table("4")).toMatchObject({ status: "FREE", mergedIntoId: null });
    expect(await table("5")).toMatchObject({ status: "FREE", mergedIntoId: null });
    expect((await table("1")).status).toBe("SEATED");
    const event = await db.orderEvent.findFirstOrThrow({
      where: { orderId: seated.orderId, type: "order.transferred" },
    });
    expect(event.payload).toMatchObject({ fromTableId: t["4"], toTableId: t["1"] });
    expect(await db.auditLog.count({ where: { entityId: seated.orderId, action: "tables.party_moved" } })).toBe(1);
  });

  it("refuses a taken, too small, or same target; a table booked before the party leaves only with force", async () => {
    const walkIn = await openOrder(here.ctx.SERVER, { tableId: t["4"], guestCount: 4 });
    await openOrder(here.ctx.SERVER, { tableId: t["6"], guestCount: 2 });
    await expectAppError(moveParty(host(), { fromTableId: t["4"], toTableIds: [t["6"]] }), "CONFLICT");
    await expectAppError(moveParty(host(), { fromTableId: t["4"], toTableIds: [t["1"]] }), "VALIDATION");
    await expectAppError(moveParty(host(), { fromTableId: t["4"], toTableIds: [t["4"]] }), "VALIDATION");
    await expectAppError(moveParty(host(), { fromTableId: t["2"], toTableIds: [t["1"]] }), "INVALID_STATE");
    await expectAppError(moveParty(there.ctx.HOST, { fromTableId: t["4"], toTableIds: [thereTable] }), "NOT_FOUND");

    const soon = await reserve(4, [t["P1"]], new Date(Date.now() + 40 * MIN), "Booked Later");
    const e = await expectAppError(moveParty(host(), { fromTableId: t["4"], toTableIds: [t["P1"]] }), "CONFLICT");
    expect(e.message).toMatch(/Table P1 is booked in 40 min \(Booked Later, 4\), before this party would leave/);
    expect(e.details).toEqual({ canForce: true });
    expect((await db.order.findUniqueOrThrow({ where: { id: walkIn.orderId } })).tableId).toBe(t["4"]);

    await moveParty(host(), { fromTableId: t["4"], toTableIds: [t["P1"]], force: true });
    expect((await db.order.findUniqueOrThrow({ where: { id: walkIn.orderId } })).tableId).toBe(t["P1"]);
    expect(await heldBy(soon.id)).toEqual(["P1"]);
  });

  it("the order pad's transfer leaves the group behind, parted", async () => {
    const r = await reserve(8, [t["P1"]]);
    const seated = await seatReservation(host(), { id: r.id, tableIds: [t["4"], t["5"]] });
    await transferOrder(here.ctx.SERVER, { orderId: seated.orderId, toTableId: t["1"] });
    expect((await table("5")).mergedIntoId).toBeNull();
    expect(await heldBy(r.id)).toEqual(["1"]);
  });
});

describe("the party leaves", () => {
  it("closing the order completes the booking and parts the group at once (no bussing step)", async () => {
    const r = await reserve(8, [t["P1"]]);
    const seated = await seatReservation(host(), { id: r.id, tableIds: [t["4"], t["5"]] });
    await updateOrderStatus(here.ctx.SERVER, { orderId: seated.orderId, status: "CLOSED" });
    const done = await db.reservation.findUniqueOrThrow({ where: { id: r.id }, include: { guest: true } });
    expect(done.status).toBe("COMPLETED");
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done.guest.visitCount).toBe(1);
    expect(await db.reservationTable.count({ where: { reservationId: r.id, active: true } })).toBe(0);
    expect(await heldBy(r.id)).toEqual(["4", "5"]); // the history keeps where they sat
    expect(await table("5")).toMatchObject({ mergedIntoId: null, status: "FREE" });
    expect((await table("4")).status).toBe("FREE");
  });

  it("with a bussing step the group waits for the table to be cleared (any of its tables), then parts", async () => {
    await db.location.update({ where: { id: here.id }, data: { bussingStep: true } });
    const r = await reserve(8, [t["P1"]]);
    const seated = await seatReservation(host(), { id: r.id, tableIds: [t["4"], t["5"]] });
    await updateOrderStatus(here.ctx.SERVER, { orderId: seated.orderId, status: "CLOSED" });
    expect((await db.reservation.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("COMPLETED");
    expect((await table("5")).mergedIntoId).toBe(t["4"]);
    expect((await table("4")).status).toBe("NEEDS_BUSSING");
    const floor = await getHostFloor(host());
    const five = floor.areas.flatMap((a) => a.tables).find((x) => x.label === "5")!;
    expect(five).toMatchObject({ state: "NEEDS_BUSSING", free: false });
    expect(await clearTable(here.ctx.SERVER, { tableId: t["5"] })).toMatchObject({
      tableId: t["4"],
      partedIds: [t["5"]],
    });
    expect(await table("5")).toMatchObject({ mergedIntoId: null, status: "FREE" });
    expect((await table("4")).status).toBe("FREE");
  });

  it("voiding the order also lets the booking go and parts the group", async () => {
    const r = await reserve(4, [t["1"], t["2"]]);
    const seated = await seatReservation(host(), { id: r.id });
    await updateOrderStatus(here.ctx.MANAGER, { orderId: seated.orderId, status: "VOIDED", reason: "Left early" });
    expect((await db.reservation.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("COMPLETED");
    expect((await table("2")).mergedIntoId).toBeNull();
  });
});

describe("guest count and the host's view", () => {
  it("the host changes the guest count after seating; the booking's party size follows", async () => {
    const r = await reserve(4, [t["4"]]);
    const seated = await seatReservation(host(), { id: r.id });
    await setGuestCount(host(), { orderId: seated.orderId, guestCount: 5 });
    expect((await db.reservation.findUniqueOrThrow({ where: { id: r.id } })).partySize).toBe(5);
    expect((await db.order.findUniqueOrThrow({ where: { id: seated.orderId } })).guestCount).toBe(5);
  });

  it("shows each table's state, the party's minutes, the group and the next booking, with today's holds", async () => {
    const now = new Date();
    await reserve(2, [t["1"]], new Date(now.getTime() + 30 * MIN), "Soon Guest");
    await reserve(2, [t["2"]], new Date(now.getTime() + 3 * 60 * MIN), "Later Guest");
    const r = await reserve(8, [t["P1"]], now, "Ravi Patel");
    const seated = await seatReservation(host(), { id: r.id, tableIds: [t["4"], t["5"]] });
    await db.order.update({ where: { id: seated.orderId }, data: { openedAt: new Date(now.getTime() - 25 * MIN) } });
    const paid = await openOrder(here.ctx.SERVER, { tableId: t["6"], guestCount: 2 });
    await db.order.update({ where: { id: paid.orderId }, data: { paymentState: "PAID" } });
    await db.diningTable.update({ where: { id: t["3"] }, data: { status: "NEEDS_BUSSING" } });

    const floor = await getHostFloor(host(), now);
    const by = Object.fromEntries(floor.areas.flatMap((a) => a.tables).map((x) => [x.label, x]));
    expect(by["1"]).toMatchObject({
      state: "RESERVED_SOON",
      free: true,
      nextBooking: { name: "Soon Guest", partySize: 2 },
    });
    expect(by["2"]).toMatchObject({ state: "FREE", nextBooking: { name: "Later Guest" } });
    expect(by["3"]).toMatchObject({ state: "NEEDS_BUSSING", free: false });
    for (const label of ["4", "5"])
      expect(by[label]).toMatchObject({
        state: "SEATED",
        free: false,
        group: { primaryId: t["4"], labels: ["4", "5"], seats: 8 },
        order: { id: seated.orderId, guestCount: 8, seatedMinutes: 25, partyName: "Ravi Patel", reservationId: r.id },
      });
    expect(by["6"]).toMatchObject({ state: "CHECK_PAID", order: { paymentState: "PAID" } });
    expect(by["P1"]).toMatchObject({ state: "FREE", free: true, nextBooking: null });
    expect(floor.bookings.map((b) => b.name)).toEqual(["Ravi Patel", "Soon Guest", "Later Guest"]);
    await expectAppError(getHostFloor(here.ctx.CHEF), "FORBIDDEN");
  });

  it("reads the floor in a fixed number of queries, whatever the room's size (no N+1)", async () => {
    const spy = vi.spyOn(pg.Client.prototype, "query");
    const countQueries = async () => {
      spy.mockClear();
      await getHostFloor(host());
      return spy.mock.calls.length;
    };
    const small = await countQueries();
    const area = await db.floorArea.create({ data: { locationId: here.id, name: "Big room" } });
    for (let i = 0; i < 30; i++) {
      const tb = await db.diningTable.create({
        data: {
          locationId: here.id,
          areaId: area.id,
          label: `B${i}`,
          posX: (i % 15) * 2,
          posY: Math.floor(i / 15) * 2,
        },
      });
      if (i % 3 === 0) await openOrder(here.ctx.SERVER, { tableId: tb.id });
    }
    const big = await countQueries();
    spy.mockRestore();
    expect(small).toBeGreaterThan(0);
    expect(big).toBe(small);
    await db.order.deleteMany({});
    await db.diningTable.deleteMany({ where: { areaId: area.id } });
    await db.floorArea.delete({ where: { id: area.id } });
  });
});
