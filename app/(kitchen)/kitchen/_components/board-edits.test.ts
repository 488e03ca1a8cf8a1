import { describe, expect, it } from "vitest";
import { chimeFor, withoutItems, withoutTicket } from "./board-edits";
import type { SnapshotView } from "./snapshot-view";

type Item = SnapshotView["tickets"][number]["items"][number];
const item = (id: string, name: string, over: Partial<Item> = {}): Item =>
  ({ id, name, quantity: 1, status: "SENT", bumpedAt: null, modifiers: [], ...over }) as unknown as Item;

const board = (): SnapshotView =>
  ({
    lastFiredAt: "2026-11-30T18:00:00.000Z",
    lastVoidAt: null,
    allDay: [
      { name: "Burger", quantity: 2 },
      { name: "Fries", quantity: 1 },
    ],
    page: { offset: 0, limit: 30, ticketCount: 2 },
    tickets: [
      { key: "o1:1", allBumped: false, allVoided: false, items: [item("a", "Burger"), item("b", "Fries")] },
      { key: "o2:1", allBumped: false, allVoided: false, items: [item("c", "Burger")] },
    ],
  }) as unknown as SnapshotView;

describe("board edits", () => {
  it("a station's bump takes the lines off (the ticket goes when empty) and out of all-day", () => {
    const after = withoutItems(["c"], false)(board());
    expect(after.tickets.map((t) => t.key)).toEqual(["o1:1"]);
    expect(after.page.ticketCount).toBe(1);
    expect(after.allDay).toEqual([
      { name: "Burger", quantity: 1 },
      { name: "Fries", quantity: 1 },
    ]);
    const partly = withoutItems(["a"], false)(board());
    expect(partly.tickets[0].items.map((i) => i.id)).toEqual(["b"]);
    expect(partly.page.ticketCount).toBe(2);
  });

  it("at expo a bump marks the lines and says when the whole ticket is bumped", () => {
    const now = new Date("2026-11-30T18:05:00.000Z");
    const after = withoutItems(["a", "b"], true, now)(board());
    expect(after.tickets[0].items.every((i) => i.bumpedAt === now.toISOString())).toBe(true);
    expect(after.tickets[0].allBumped).toBe(true);
    expect(after.tickets[1].allBumped).toBe(false);
  });

  it("passing a ticket removes it and counts one fewer", () => {
    const after = withoutTicket("o1:1")(board());
    expect(after.tickets.map((t) => t.key)).toEqual(["o2:1"]);
    expect(after.page.ticketCount).toBe(1);
  });

  it("chimes for a new ticket or a void, once", () => {
    const marks = { fired: "2026-11-30T17:59:00.000Z", voided: null };
    expect(chimeFor(marks, board())).toBe("new");
    expect(chimeFor({ fired: "2026-11-30T18:00:00.000Z", voided: null }, board())).toBeNull();
    expect(chimeFor(marks, { ...board(), lastVoidAt: "2026-11-30T18:01:00.000Z" })).toBe("void");
  });
});
