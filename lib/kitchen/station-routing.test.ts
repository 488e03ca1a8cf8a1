import { describe, expect, it } from "vitest";
import { allDayCounts, groupTickets, stationFor, visibleAt, type TicketItemRow } from "./station-routing";

const grill = { id: "st-grill", isExpo: false };
const fry = { id: "st-fry", isExpo: false };
const expo = { id: "st-expo", isExpo: true };

function row(over: Partial<TicketItemRow>): TicketItemRow {
  return {
    id: "i1",
    orderId: "o1",
    orderNumber: 7,
    fireBatch: 1,
    firedAt: "2026-11-21T19:00:00.000Z",
    stationId: grill.id,
    stationName: "Grill",
    name: "Classic Burger",
    quantity: 1,
    seat: 1,
    course: "MAINS",
    notes: "",
    status: "SENT",
    bumpedAt: null,
    voidReason: null,
    modifiers: [],
    allergens: ["GLUTEN"],
    tableLabel: "5",
    serverName: "Sam",
    orderNotes: "",
    ...over,
  };
}

describe("station routing", () => {
  it("uses the item's station, else the category default, else none", () => {
    expect(stationFor({ stationId: "a" }, { defaultStationId: "b" })).toBe("a");
    expect(stationFor({ stationId: null }, { defaultStationId: "b" })).toBe("b");
    expect(stationFor({ stationId: null }, { defaultStationId: null })).toBeNull();
  });

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
    expect(tickets[0]).toMatchObject({ orderNumber: 7, tableLabel: "5", serverName: "Sam", allBumped: false, allVoided: false });
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
    expect(allDayCounts(tickets)).toEqual([
      { name: "Classic Burger", quantity: 3 },
      { name: "Fries", quantity: 3 },
    ]);
  });
});
