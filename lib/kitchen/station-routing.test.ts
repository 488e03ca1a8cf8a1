import { describe, expect, it } from "vitest";
import {
  allDayCounts,
  courseSections,
  groupTickets,
  summarizeBoard,
  ticketKeysInOrder,
  visibleAt,
  withoutFromAllDay,
  type BoardLine,
  type TicketItemRow,
} from "./station-routing";

const grill = { id: "st-grill", isExpo: false };
const fry = { id: "st-fry", isExpo: false };
const expo = { id: "st-expo", isExpo: true };

function row(over: Partial<TicketItemRow>): TicketItemRow {
  return {
    id: "i1",
    kind: "item",
    orderId: "o1",
    orderNumber: 7,
    fireBatch: 1,
    firedAt: "2026-11-21T19:00:00.000Z",
    stationId: grill.id,
    stationName: "Grill",
    name: "Classic Burger",
    forItem: null,
    quantity: 1,
    seat: 1,
    course: "MAINS",
    notes: "",
    status: "SENT",
    bumpedAt: null,
    voidReason: null,
    modifiers: [],
    allergens: ["GLUTEN"],
    target: { warnMinutes: 5, lateMinutes: 8 },
    tableLabel: "5",
    serverName: "Sam",
    orderNotes: "",
    ...over,
  };
}

describe("what a station sees", () => {
  it("a station sees its own unbumped lines (and unacknowledged voids); expo sees every live line", () => {
    expect(visibleAt(row({}), grill)).toBe(true);
    expect(visibleAt(row({}), fry)).toBe(false);
    expect(visibleAt(row({ bumpedAt: "2026-11-21T19:05:00Z" }), grill)).toBe(false);
    expect(visibleAt(row({ status: "VOIDED" }), grill)).toBe(true);
    expect(visibleAt(row({ status: "VOIDED", bumpedAt: "2026-11-21T19:05:00Z" }), grill)).toBe(false);
    expect(visibleAt(row({ status: "READY", bumpedAt: "x" }), grill)).toBe(false);
    expect(visibleAt(row({ stationId: fry.id, bumpedAt: "2026-11-21T19:05:00Z" }), expo)).toBe(true);
    expect(visibleAt(row({ status: "READY" }), expo)).toBe(false);
  });
});

describe("tickets", () => {
  it("groups by order and fire batch, oldest first, mains after starters", () => {
    const tickets = groupTickets([
      row({ id: "a", orderId: "o2", orderNumber: 8, firedAt: "2026-11-21T19:03:00.000Z" }),
      row({ id: "b", course: "MAINS", seat: 2 }),
      row({ id: "c", course: "STARTERS", seat: 1 }),
      row({ id: "d", fireBatch: 2, firedAt: "2026-11-21T19:10:00.000Z" }),
    ]);
    expect(tickets.map((t) => t.key)).toEqual(["o1:1", "o2:1", "o1:2"]);
    expect(tickets[0].items.map((i) => i.id)).toEqual(["c", "b"]);
    expect(tickets[0]).toMatchObject({
      orderNumber: 7,
      tableLabel: "5",
      serverName: "Sam",
      allBumped: false,
      allVoided: false,
    });
  });

  it("marks a ticket with any line a guest ordered by QR as a guest order, naming the guest on the line", () => {
    const [guest, staff] = groupTickets([
      row({ id: "g", guestLabel: "Dana" }),
      row({ id: "s", orderId: "o2", firedAt: "2026-11-21T19:30:00.000Z" }),
    ]);
    expect(guest).toMatchObject({ guestOrder: true, items: [{ id: "g", guestLabel: "Dana" }] });
    expect(staff.guestOrder).toBe(false);
  });

  it("raises an allergy banner from notes and lists the dishes' allergens", () => {
    const [t] = groupTickets([
      row({ id: "a", notes: "ALLERGY: peanuts", allergens: ["GLUTEN", "SESAME"] }),
      row({ id: "b", allergens: ["MILK"] }),
    ]);
    expect(t.allergyNotes).toEqual(["Classic Burger: ALLERGY: peanuts"]);
    expect(t.allergens.sort()).toEqual(["GLUTEN", "MILK", "SESAME"]);
    const [coeliac] = groupTickets([row({ orderNotes: "Guest is coeliac" })]);
    expect(coeliac.allergyNotes).toEqual(["Guest is coeliac"]);
    const [plain] = groupTickets([row({ notes: "no pickles" })]);
    expect(plain.allergyNotes).toEqual([]);
  });

  it("knows when every live line is bumped (expo may pass it) or everything was voided", () => {
    const [t] = groupTickets([row({ id: "a", bumpedAt: "x" }), row({ id: "b", status: "VOIDED" })]);
    expect(t.allBumped).toBe(true);
    expect(t.allVoided).toBe(false);
    const [v] = groupTickets([row({ status: "VOIDED" })]);
    expect(v).toMatchObject({ allVoided: true, allBumped: false });
  });

  it("a routed side that is not done yet holds the ticket at expo", () => {
    const side = { name: "Hand-cut fries", removal: false, stationName: "Fryer", done: false };
    const [waiting] = groupTickets([row({ bumpedAt: "x", modifiers: [side] })]);
    expect(waiting.allBumped).toBe(false);
    const [done] = groupTickets([
      row({
        bumpedAt: "x",
        modifiers: [
          { ...side, done: true },
          { name: "No tomato", removal: true, stationName: null, done: false },
        ],
      }),
    ]);
    expect(done.allBumped).toBe(true);
  });

  it("splits a ticket into course sections in service order", () => {
    const sections = courseSections([
      { id: "m1", course: "MAINS" },
      { id: "d1", course: "DRINKS" },
      { id: "s1", course: "STARTERS" },
      { id: "m2", course: "MAINS" },
      { id: "x1", course: "DESSERTS" },
    ]);
    expect(sections.map((s) => [s.course, s.items.map((i) => i.id)])).toEqual([
      ["DRINKS", ["d1"]],
      ["STARTERS", ["s1"]],
      ["MAINS", ["m1", "m2"]],
      ["DESSERTS", ["x1"]],
    ]);
    expect(courseSections([])).toEqual([]);
  });

  it("contains no price fields", () => {
    const [t] = groupTickets([row({})]);
    expect(JSON.stringify(t)).not.toMatch(/cents|price|tax|total/i);
  });

  it("counts all-day quantities of live lines", () => {
    const tickets = groupTickets([
      row({ id: "a", quantity: 2 }),
      row({ id: "b", orderId: "o2", quantity: 1 }),
      row({ id: "c", name: "Fries", quantity: 3 }),
      row({ id: "d", name: "Fries", status: "VOIDED" }),
      row({ id: "e", name: "Salmon", bumpedAt: "x" }),
    ]);
    expect(allDayCounts(tickets.flatMap((t) => t.items))).toEqual([
      { name: "Classic Burger", quantity: 3 },
      { name: "Fries", quantity: 3 },
    ]);
  });
});

describe("the board (paging and counts over every ticket, whichever page is shown)", () => {
  const line = (over: Partial<BoardLine>): BoardLine => ({
    orderId: "o1",
    fireBatch: 1,
    firedAt: "2026-11-21T19:00:00.000Z",
    name: "Fries",
    quantity: 1,
    status: "SENT",
    bumpedAt: null,
    voidedAt: null,
    ...over,
  });

  it("orders tickets oldest first, one per order and fire batch, from lines of any source", () => {
    const keys = ticketKeysInOrder([
      line({ orderId: "o2", firedAt: "2026-11-21T19:05:00.000Z" }),
      line({ orderId: "o1" }),
      line({ orderId: "o1", firedAt: "2026-11-21T19:00:00.000Z" }), // a side routed here, same ticket
      line({ orderId: "o1", fireBatch: 2, firedAt: "2026-11-21T19:10:00.000Z" }),
      line({ orderId: "o0", firedAt: "2026-11-21T19:05:00.000Z" }),
    ]);
    expect(keys.map((k) => k.key)).toEqual(["o1:1", "o0:1", "o2:1", "o1:2"]);
  });

  it("counts all day over the whole board, and marks the newest fire and the newest void", () => {
    const lines = Array.from({ length: 700 }, (_, i) =>
      line({ orderId: `o${i}`, firedAt: new Date(Date.UTC(2026, 10, 21, 18) + i * 1000).toISOString(), quantity: 1 }),
    );
    lines.push(
      line({
        orderId: "v",
        status: "VOIDED",
        voidedAt: "2026-11-21T19:30:00.000Z",
        firedAt: "2026-11-21T17:00:00.000Z",
      }),
    );
    const board = summarizeBoard(lines, false);
    expect(board.keys).toHaveLength(701);
    expect(board.keys[0].key).toBe("v:1");
    expect(board.allDay).toEqual([{ name: "Fries", quantity: 700 }]);
    expect(board.lastFiredAt).toBe(lines[699].firedAt);
    expect(board.lastVoidAt).toBe("2026-11-21T19:30:00.000Z");
    // Expo follows only tickets with something still on the line.
    expect(summarizeBoard(lines, true).keys).toHaveLength(700);
    expect(summarizeBoard([], true)).toEqual({ keys: [], allDay: [], lastFiredAt: null, lastVoidAt: null });
  });

  it("takes bumped lines off all day without a refetch", () => {
    expect(
      withoutFromAllDay(
        [
          { name: "Fries", quantity: 3 },
          { name: "Burger", quantity: 1 },
        ],
        [
          { name: "Fries", quantity: 1 },
          { name: "Burger", quantity: 1 },
        ],
      ),
    ).toEqual([{ name: "Fries", quantity: 2 }]);
  });
});
