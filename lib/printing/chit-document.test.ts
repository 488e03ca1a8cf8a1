import { expect, test } from "vitest";
import { groupTickets, type TicketItemRow } from "../kitchen/station-routing";
import { chitDocument } from "./chit-document";
import { toPlainLines } from "./document";
import { encodeEscPos } from "./encode-escpos";
import { decodeEscPos } from "@/test/support/escpos-decode";

const row = (over: Partial<TicketItemRow>): TicketItemRow => ({
  id: "i1",
  kind: "item",
  orderId: "o1",
  orderNumber: 42,
  fireBatch: 1,
  firedAt: "2026-12-01T19:42:00.000Z",
  stationId: "grill",
  stationName: "Grill",
  name: "Ribeye",
  forItem: null,
  quantity: 2,
  seat: 3,
  course: "MAINS",
  notes: "",
  status: "SENT",
  bumpedAt: null,
  voidReason: null,
  modifiers: [{ name: "Medium rare", removal: false, stationName: null, done: false }],
  allergens: [],
  target: { warnMinutes: 5, lateMinutes: 8 },
  tableLabel: "12",
  serverName: "Sam Carter",
  orderNotes: "",
  ...over,
});

test("a chit shows table, order, server, courses, seats, options and notes, and no price", () => {
  const [ticket] = groupTickets([
    row({}),
    row({ id: "i2", name: "Soup of the day", course: "STARTERS", quantity: 1, seat: null, notes: "no croutons" }),
    row({
      id: "i3",
      name: "Fries",
      kind: "component",
      forItem: "Ribeye",
      modifiers: [],
      notes: "nut allergy",
      allergens: ["nuts"],
    }),
  ]);
  const doc = chitDocument(ticket, { stationName: "Grill", firedAtLabel: "19:42" });
  const text = toPlainLines(doc, 48).join("\n");
  expect(text).toContain("GRILL");
  expect(text).toContain("Table 12");
  expect(text).toMatch(/Order #42\s+19:42/);
  expect(text).toContain("Server: Sam Carter");
  expect(text.indexOf("-- Starters --")).toBeLessThan(text.indexOf("-- Mains --"));
  expect(text).toContain("2 x Ribeye");
  expect(text).toContain("Seat 3");
  expect(text).toContain("+ Medium rare");
  expect(text).toContain("Note: no croutons");
  expect(text).toContain("for Ribeye");
  expect(text).toContain("!! ALLERGY: Ribeye: nut allergy");
  expect(text).not.toMatch(/\$|\d+\.\d\d/);
  const printed = decodeEscPos(encodeEscPos(doc, 48));
  expect(printed.cuts).toBe(1);
  expect(printed.double.join(" ")).toContain("Table 12");
});

test("a re-print says so, and a voided line is marked VOID with its reason", () => {
  const [ticket] = groupTickets([row({ status: "VOIDED", voidReason: "guest left" })]);
  const text = toPlainLines(chitDocument(ticket, { stationName: "Grill", firedAtLabel: "19:42", reprint: true }), 32);
  expect(text[0]).toContain("REPRINT");
  expect(text.join("\n")).toContain("VOID 2 x Ribeye");
  expect(text.join("\n")).toContain("Voided: guest left");
});

test("a guest's QR order says so on the chit, with the guest's name on the line and still no price", () => {
  const [ticket] = groupTickets([row({ guestLabel: "Dana" })]);
  const text = toPlainLines(chitDocument(ticket, { stationName: "Grill", firedAtLabel: "19:42" }), 48).join("\n");
  expect(text).toContain("GUEST ORDER (QR)");
  expect(text).toContain("Guest: Dana");
  expect(text).not.toMatch(/\$|\d+\.\d\d/);
  const [staff] = groupTickets([row({})]);
  expect(
    toPlainLines(chitDocument(staff, { stationName: "Grill", firedAtLabel: "19:42" }), 48).join("\n"),
  ).not.toContain("GUEST ORDER");
});
