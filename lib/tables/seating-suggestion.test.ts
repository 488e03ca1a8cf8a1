import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SlotBooking } from "../reservations/slot-math";
import { checkSeating, connected, suggestSeating, type SeatingTable } from "./seating-suggestion";

const NOW = new Date("2026-12-01T19:00:00Z");
const DURATIONS = { "2": 90, "4": 105, "6": 120, "8": 150 };
const at = (h: number, m = 0) => new Date(Date.UTC(2026, 11, 1, h, m));

const t = (id: string, seats: number, posX: number, extra: Partial<SeatingTable> = {}): SeatingTable => ({
  id,
  label: id,
  seats,
  areaId: "main",
  posX,
  posY: 0,
  width: 1,
  height: 1,
  free: true,
  ...extra,
});
const booking = (reservationId: string, tableIds: string[], start: Date, minutes = 90, partySize = 2): SlotBooking => ({
  reservationId,
  tableIds,
  startsAt: start,
  endsAt: new Date(start.getTime() + minutes * 60_000),
  partySize,
});
const suggest = (tables: SeatingTable[], partySize: number, bookings: SlotBooking[] = [], reservationId?: string) =>
  suggestSeating({ tables, bookings, partySize, now: NOW, durations: DURATIONS, reservationId });

describe("suggestSeating", () => {
  it("picks the smallest free table that fits, then the next, with reasons", () => {
    const options = suggest([t("T1", 2, 0), t("T2", 4, 3), t("T3", 6, 6)], 3);
    expect(options.map((o) => o.labels)).toEqual([["T2"], ["T3"]]);
    expect(options[0].reasons).toEqual(["1 spare seat", "Free all night"]);
  });

  it("joins adjacent free tables when no single table fits, never non-adjacent ones", () => {
    const options = suggest([t("T1", 4, 0), t("T2", 4, 1), t("T3", 4, 5)], 8);
    expect(options.map((o) => o.labels)).toEqual([["T1", "T2"]]);
    expect(options[0].reasons).toContain("Joins 2 tables");
  });

  it("skips occupied tables and tables booked before the stay would end", () => {
    const tables = [t("T1", 4, 0, { free: false }), t("T2", 4, 3), t("T3", 4, 6), t("T4", 6, 9)];
    // A party of 4 stays 105 min (until 20:45): T2 booked at 20:00 is refused, T3 booked at 21:00 is fine.
    const options = suggest(tables, 4, [booking("r1", ["T2"], at(20)), booking("r2", ["T3"], at(21))]);
    expect(options.map((o) => o.labels)).toEqual([["T3"], ["T4"]]);
    expect(options[0].reasons).toContain("Next booking in 2h 00m");
  });

  it("a late party's hold (started, not seated) keeps its table out", () => {
    const options = suggest([t("T1", 2, 0), t("T2", 2, 3)], 2, [booking("late", ["T1"], at(18, 45))]);
    expect(options.map((o) => o.labels)).toEqual([["T2"]]);
  });

  it("prefers the reservation's own booked tables when free, and its own hold never blocks it", () => {
    const tables = [t("T1", 4, 0), t("T2", 4, 1), t("T3", 8, 5)];
    const options = suggest(tables, 8, [booking("mine", ["T1", "T2"], at(19, 15), 150, 8)], "mine");
    expect(options[0]).toMatchObject({ labels: ["T1", "T2"], booked: true });
    expect(options[0].reasons[0]).toBe("Booked for this party");
    expect(options[1].labels).toEqual(["T3"]);
    // Without being that reservation, its hold blocks T1+T2.
    expect(suggest(tables, 8, [booking("mine", ["T1", "T2"], at(19, 15), 150, 8)]).map((o) => o.labels)).toEqual([
      ["T3"],
    ]);
  });

  it("returns nothing when nothing fits", () => {
    expect(suggest([t("T1", 2, 0), t("T2", 2, 5)], 3)).toEqual([]);
    expect(suggest([], 2)).toEqual([]);
  });

  const table = fc.record({
    seats: fc.integer({ min: 1, max: 8 }),
    posX: fc.integer({ min: 0, max: 12 }),
    posY: fc.integer({ min: 0, max: 3 }),
    free: fc.boolean(),
    area: fc.constantFrom("a", "b"),
  });
  const floor = fc
    .tuple(
      fc.array(table, { minLength: 0, maxLength: 9 }),
      fc.array(
        fc.record({
          table: fc.nat(8),
          startMinute: fc.integer({ min: -120, max: 300 }),
          minutes: fc.integer({ min: 30, max: 180 }),
        }),
        { maxLength: 6 },
      ),
      fc.integer({ min: 1, max: 14 }),
    )
    .map(([specs, bookingSpecs, partySize]) => {
      const tables = specs.map((s, i) =>
        t(`T${i + 1}`, s.seats, s.posX * 2, { posY: s.posY * 2, free: s.free, areaId: s.area }),
      );
      const bookings = tables.length
        ? bookingSpecs.map((b, i) =>
            booking(
              `r${i}`,
              [tables[b.table % tables.length].id],
              new Date(NOW.getTime() + b.startMinute * 60_000),
              b.minutes,
            ),
          )
        : [];
      return { tables, bookings, partySize };
    });

  it("property: never suggests a taken table, a table booked before the stay ends, or too few seats", () => {
    fc.assert(
      fc.property(floor, ({ tables, bookings, partySize }) => {
        const until =
          NOW.getTime() + (partySize <= 2 ? 90 : partySize <= 4 ? 105 : partySize <= 6 ? 120 : 150) * 60_000;
        for (const o of suggest(tables, partySize, bookings)) {
          expect(o.seats).toBeGreaterThanOrEqual(partySize);
          const chosen = o.tableIds.map((id) => tables.find((x) => x.id === id)!);
          expect(chosen.every((x) => x.free)).toBe(true);
          expect(connected(chosen)).toBe(true);
          for (const b of bookings)
            if (b.tableIds.some((id) => o.tableIds.includes(id)))
              expect(b.startsAt.getTime() >= until || b.endsAt.getTime() <= NOW.getTime()).toBe(true);
          expect(
            checkSeating({ tables, bookings, partySize, now: NOW, durations: DURATIONS, tableIds: o.tableIds }),
          ).toMatchObject({ ok: true, warnings: [] });
        }
      }),
    );
  });

  it("property: the first option is the smallest fit — no usable single table seats fewer", () => {
    fc.assert(
      fc.property(floor, ({ tables, bookings, partySize }) => {
        const [first] = suggest(tables, partySize, bookings);
        const usableSingles = tables.filter((x) => x.free && x.seats >= partySize);
        const all = suggestSeating({ tables, bookings, partySize, now: NOW, durations: DURATIONS, limit: 100 });
        if (!first) {
          expect(all).toEqual([]);
          return;
        }
        const singles = all.filter((o) => o.tableIds.length === 1);
        if (singles.length) {
          expect(first.tableIds).toHaveLength(1);
          expect(first.seats).toBe(Math.min(...singles.map((o) => o.seats)));
        } else {
          expect(Math.min(...all.map((o) => o.seats))).toBe(first.seats);
        }
        expect(usableSingles.length >= singles.length).toBe(true);
      }),
    );
  });
});

describe("checkSeating", () => {
  const tables = [
    t("T1", 4, 0),
    t("T2", 4, 1),
    t("T3", 4, 5),
    t("T4", 4, 6, { free: false }),
    t("P1", 4, 2, { areaId: "patio" }),
  ];
  const check = (ids: string[], partySize = 4, bookings: SlotBooking[] = []) =>
    checkSeating({ tables, bookings, partySize, now: NOW, durations: DURATIONS, tableIds: ids });

  it("refuses taken, far apart or mixed-area tables; warns on too few seats and an early booking", () => {
    expect(check(["T1", "T2"], 8)).toEqual({ ok: true, problems: [], warnings: [], seats: 8 });
    expect(check(["T1", "T3"]).problems).toEqual(["These tables are not side by side"]);
    expect(check(["T1", "P1"]).problems).toEqual(["Tables joined together must be in one area"]);
    expect(check(["T4"]).problems).toEqual(["Table T4 is not free"]);
    expect(check(["nope"]).problems).toEqual(["A table is not on the floor"]);
    expect(check(["T1"], 6).warnings).toEqual(["Seats 4 for a party of 6"]);
    expect(check(["T1"], 4, [booking("r", ["T1"], at(20))]).warnings).toEqual([
      "Booked in 1h 00m, before this party would leave",
    ]);
  });
});
