import { describe, expect, it } from "vitest";
import {
  allCombos,
  areAdjacent,
  chooseTables,
  fittingCombos,
  judgeSlot,
  largestParty,
  periodAt,
  slotLoad,
  slotStartOf,
  slotStarts,
  type SlotBooking,
  type SlotPeriod,
  type SlotTable,
} from "./slot-math";
import { durationFor, readDurations } from "./durations";
import { canMoveTo, isEditable, statusesLeadingTo } from "./reservation-state";

const t = (id: string, seats: number, posX: number, posY = 0, extra: Partial<SlotTable> = {}): SlotTable => ({
  id,
  label: id,
  seats,
  areaId: "main",
  posX,
  posY,
  width: 1,
  height: 1,
  ...extra,
});

// A row of two-tops with one free cell between them, a four-top below, a patio table apart.
const T1 = t("1", 2, 0);
const T2 = t("2", 2, 2);
const T3 = t("3", 2, 4);
const T4 = t("4", 4, 0, 2, { width: 2, height: 2 });
const P1 = t("P1", 6, 2, 0, { areaId: "patio" });
const TABLES = [T1, T2, T3, T4, P1];

const dinner: SlotPeriod = {
  id: "dinner",
  name: "Dinner",
  daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
  startMinute: 17 * 60,
  endMinute: 22 * 60 + 30,
  slotMinutes: 15,
  maxCoversPerSlot: 10,
  maxPartiesPerSlot: 3,
};

const at = (h: number, m = 0) => new Date(Date.UTC(2027, 2, 1, h, m));
const booking = (id: string, h: number, m: number, minutes: number, partySize: number, tableIds: string[]) =>
  ({
    reservationId: id,
    startsAt: at(h, m),
    endsAt: new Date(at(h, m).getTime() + minutes * 60_000),
    partySize,
    tableIds,
  }) satisfies SlotBooking;

describe("adjacency on the floor grid", () => {
  it("joins tables side by side with at most one cell between, in one area", () => {
    expect(areAdjacent(T1, T2)).toBe(true);
    expect(areAdjacent(T1, T4)).toBe(true); // T4 is one row gap below T1
    expect(areAdjacent(T1, T3)).toBe(false); // three cells apart
    expect(areAdjacent(T2, P1)).toBe(false); // another area, same cells
    expect(areAdjacent(T3, T4)).toBe(false); // corner to corner
    expect(areAdjacent(T1, T1)).toBe(false);
  });

  it("lists singles, adjacent pairs and connected trios once each", () => {
    const combos = allCombos(TABLES);
    const names = combos.map((c) => c.tables.map((x) => x.id).join("+"));
    expect(names).toEqual(expect.arrayContaining(["1", "1+2", "1+4", "2+3", "1+2+3", "1+2+4"]));
    expect(names).not.toContain("1+3");
    expect(names).not.toContain("2+P1");
    expect(new Set(names).size).toBe(names.length);
    expect(largestParty(combos)).toBe(8); // 1+2+4
  });
});

describe("choosing tables", () => {
  const combos = allCombos(TABLES);

  it("proposes the smallest single table that fits before any combination", () => {
    expect(fittingCombos(combos, 2)[0].tables.map((x) => x.id)).toEqual(["1"]);
    expect(fittingCombos(combos, 3)[0].tables.map((x) => x.id)).toEqual(["4"]);
    expect(fittingCombos(combos, 5)[0].tables.map((x) => x.id)).toEqual(["P1"]);
  });

  it("combines adjacent tables when no single table is free", () => {
    const fitting = fittingCombos(combos, 5);
    const busy = [booking("r1", 19, 0, 120, 6, ["P1"])];
    const c = chooseTables(fitting, busy, at(19, 30), at(21, 0));
    expect(c?.tables.map((x) => x.id)).toEqual(["1", "4"]);
    expect(c?.seats).toBe(6);
  });

  it("frees a table at the end of a booking (half-open ranges)", () => {
    const fitting = fittingCombos(combos, 6);
    const busy = [booking("r1", 18, 0, 90, 6, ["P1"])];
    expect(chooseTables(fitting, busy, at(19, 30), at(21, 0))?.tables[0].id).toBe("P1");
    expect(chooseTables(fitting, busy, at(19, 15), at(20, 45))?.tables[0].id).not.toBe("P1");
  });

  it("ignores the booking being moved", () => {
    const fitting = fittingCombos(combos, 6);
    const busy = [booking("r1", 18, 0, 90, 6, ["P1"])];
    expect(chooseTables(fitting, busy, at(18, 30), at(20, 0), "r1")?.tables[0].id).toBe("P1");
  });

  it("has nothing for a party larger than every combination", () => {
    expect(fittingCombos(combos, 9)).toEqual([]);
  });
});

describe("pacing", () => {
  const combos = fittingCombos(allCombos(TABLES), 2);
  const now = at(12);
  const judge = (bookings: SlotBooking[], partySize = 2, startsAt = at(19)) =>
    judgeSlot({
      startsAt,
      slotStart: at(19),
      period: dinner,
      partySize,
      durationMinutes: 90,
      now,
      bookings,
      fitting: fittingCombos(allCombos(TABLES), partySize),
    });

  it("counts covers and parties starting within the slot only", () => {
    const b = [
      booking("a", 19, 0, 90, 4, ["4"]),
      booking("b", 19, 10, 90, 2, ["1"]),
      booking("c", 19, 15, 90, 2, ["2"]),
    ];
    expect(slotLoad(b, at(19), 15)).toEqual({ covers: 6, parties: 2 });
    expect(slotLoad(b, at(19), 15, "a")).toEqual({ covers: 2, parties: 1 });
    expect(combos.length).toBeGreaterThan(0);
  });

  it("refuses past times, full covers, full parties, and no table", () => {
    expect(judge([], 2, at(11))).toEqual({ bookable: false, reason: "PAST" });
    expect(judge([booking("a", 19, 0, 90, 4, ["4"]), booking("b", 19, 5, 90, 5, ["P1"])], 2)).toEqual({
      bookable: false,
      reason: "COVERS_FULL",
    });
    const three = [
      booking("a", 19, 0, 90, 1, ["1"]),
      booking("b", 19, 0, 90, 1, ["2"]),
      booking("c", 19, 5, 90, 1, ["3"]),
    ];
    expect(judge(three, 1)).toEqual({ bookable: false, reason: "PARTIES_FULL" });
    const busy = [booking("a", 18, 0, 180, 1, ["1", "2", "3", "4", "P1"])];
    expect(judge(busy, 2)).toEqual({ bookable: false, reason: "NO_TABLE" });
    const ok = judge([], 2);
    expect(ok.bookable && ok.combo.tables[0].id).toBe("1");
  });
});

describe("slots of a local day", () => {
  const lunch: SlotPeriod = {
    ...dinner,
    id: "lunch",
    name: "Lunch",
    startMinute: 11 * 60 + 30,
    endMinute: 14 * 60 + 30,
    daysOfWeek: [1, 2, 3, 4, 5],
  };

  it("cuts each period of the weekday into slots in local time", () => {
    // Monday 2027-03-01 in New York (UTC−5).
    const slots = slotStarts([dinner, lunch], { y: 2027, m: 3, d: 1 }, "America/New_York");
    expect(slots.length).toBe(12 + 22);
    expect(slots[0].startsAt.toISOString()).toBe("2027-03-01T16:30:00.000Z");
    expect(slots[slots.length - 1].startsAt.toISOString()).toBe("2027-03-02T03:15:00.000Z"); // 22:15 local
    // Sunday: no lunch.
    expect(slotStarts([dinner, lunch], { y: 2027, m: 2, d: 28 }, "America/New_York").length).toBe(22);
  });

  it("keeps wall-clock slots across a DST change", () => {
    // 2027-03-14: New York springs forward; 17:00 local is 21:00Z that day.
    const slots = slotStarts([dinner], { y: 2027, m: 3, d: 14 }, "America/New_York");
    expect(slots[0].startsAt.toISOString()).toBe("2027-03-14T21:00:00.000Z");
  });

  it("finds the period and slot of a start time, or none outside service hours", () => {
    const tz = "Europe/Paris"; // UTC+1 in March
    const p = periodAt([dinner, lunch], new Date("2027-03-01T18:40:00Z"), tz); // 19:40 local
    expect(p?.id).toBe("dinner");
    expect(slotStartOf(dinner, new Date("2027-03-01T18:40:00Z"), tz).toISOString()).toBe("2027-03-01T18:30:00.000Z");
    expect(periodAt([dinner, lunch], new Date("2027-03-01T14:00:00Z"), tz)).toBeNull(); // 15:00 local
    expect(periodAt([dinner], new Date("2027-03-01T21:30:00Z"), tz)).toBeNull(); // 22:30 local: closed
  });
});

describe("durations by party size", () => {
  const d = { "2": 90, "4": 105, "6": 120, "8": 150 };
  it("takes the smallest listed size that holds the party, the largest beyond it", () => {
    expect([1, 2, 3, 4, 5, 7, 8, 20].map((n) => durationFor(n, d))).toEqual([90, 90, 105, 105, 120, 150, 150, 150]);
  });
  it("reads bad stored JSON as the defaults", () => {
    expect(readDurations({ "2": 5 })).toEqual(d);
    expect(readDurations("x")).toEqual(d);
    expect(readDurations({ "3": 60 })).toEqual({ "3": 60 });
  });
});

describe("the status machine", () => {
  it("moves forward only, ends at completed, cancelled or no-show", () => {
    expect(canMoveTo("BOOKED", "CONFIRMED")).toBe(true);
    expect(canMoveTo("CONFIRMED", "SEATED")).toBe(true);
    expect(canMoveTo("SEATED", "COMPLETED")).toBe(true);
    expect(canMoveTo("SEATED", "CANCELLED")).toBe(false);
    expect(canMoveTo("ARRIVED", "NO_SHOW")).toBe(false);
    expect(canMoveTo("CANCELLED", "BOOKED")).toBe(false);
    expect(canMoveTo("CONFIRMED", "CONFIRMED")).toBe(false);
    expect(statusesLeadingTo("SEATED")).toEqual(["BOOKED", "CONFIRMED", "ARRIVED"]);
    expect(isEditable("SEATED")).toBe(false);
  });
});
