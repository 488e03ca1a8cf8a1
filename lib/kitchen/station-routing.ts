// How a station's screen groups fired items into tickets (which station makes what: lib/menu/station-for).
// Pure: the snapshot query groups with it, tests cover it.

import type { Course } from "@/generated/prisma/enums";
import { courseRank } from "../menu/courses";

export type StationRef = { id: string; isExpo: boolean };

/** A chosen option as a cook sees it. `stationName`: made at another station (routed there). */
export type TicketModifier = { name: string; removal: boolean; stationName: string | null; done: boolean };

/** Colour thresholds of one line (see ticket-timer.ts#targetFor). */
export type Target = { warnMinutes: number; lateMinutes: number };

export type TicketItemRow = {
  /** An OrderItem id, or for a routed option shown on its own station, the OrderItemModifier id. */
  id: string;
  kind: "item" | "component";
  orderId: string;
  orderNumber: number;
  fireBatch: number;
  firedAt: Date | string;
  stationId: string | null;
  stationName: string | null;
  name: string;
  /** For a routed option: the dish it goes with ("for Grilled Salmon"). */
  forItem: string | null;
  quantity: number;
  seat: number | null;
  /** The guest who ordered it by QR (their nickname), else null. */
  guestLabel?: string | null;
  course: string;
  notes: string;
  status: string;
  bumpedAt: Date | string | null;
  voidReason: string | null;
  modifiers: TicketModifier[];
  allergens: string[];
  target: Target;
  tableLabel: string | null;
  serverName: string | null;
  orderNotes: string;
  /** An online order (pickup or delivery): its source, the customer's first name, the promised time. */
  online?: TicketOnline | null;
};

export type TicketOnline = { source: "PICKUP" | "DELIVERY"; firstName: string; promisedAt: Date | string };

export type TicketItem = Omit<
  TicketItemRow,
  "orderId" | "orderNumber" | "fireBatch" | "tableLabel" | "serverName" | "orderNotes" | "firedAt" | "online"
>;

export type Ticket = {
  key: string;
  orderId: string;
  orderNumber: number;
  fireBatch: number;
  tableLabel: string | null;
  serverName: string | null;
  firedAt: string;
  /** Notes that mention an allergy: shown as a banner nobody can miss. */
  allergyNotes: string[];
  /** Allergens of the dishes on the ticket (from the menu). */
  allergens: string[];
  items: TicketItem[];
  /** Every live item on the ticket has been bumped, routed options included (expo may mark it ready). */
  allBumped: boolean;
  /** Every item on the ticket was voided. */
  allVoided: boolean;
  /** Guests ordered it from their phones (QR): the ticket says so. */
  guestOrder: boolean;
  /** An online order's source, first name and promised time (ISO); null for floor orders. */
  online?: { source: "PICKUP" | "DELIVERY"; firstName: string; promisedAt: string } | null;
};

export const ALLERGY_NOTE = /allerg|co?eliac|anaphyla|epi-?pen|nut[- ]free|gluten[- ]free|dairy[- ]free/i;

export function ticketKey(orderId: string, fireBatch: number): string {
  return `${orderId}:${fireBatch}`;
}

const iso = (d: Date | string) => (typeof d === "string" ? d : d.toISOString());

/**
 * What a station shows: its own fired items that are not bumped yet, including voided ones the
 * cook has not acknowledged (so a void is seen, not silently vanishing). Expo shows every fired
 * item still on the line (bumped or not) so it can see what each ticket is waiting for.
 */
export function visibleAt(row: Pick<TicketItemRow, "stationId" | "status" | "bumpedAt">, station: StationRef): boolean {
  if (station.isExpo) return row.status === "SENT" || (row.status === "VOIDED" && row.bumpedAt == null);
  if (row.stationId !== station.id) return false;
  return row.bumpedAt == null && (row.status === "SENT" || row.status === "VOIDED");
}

/** Group visible rows into tickets (one per order and fire batch), oldest first. */
export function groupTickets(rows: readonly TicketItemRow[]): Ticket[] {
  const byKey = new Map<string, Ticket>();
  for (const r of rows) {
    const key = ticketKey(r.orderId, r.fireBatch);
    let t = byKey.get(key);
    if (!t) {
      t = {
        key,
        orderId: r.orderId,
        orderNumber: r.orderNumber,
        fireBatch: r.fireBatch,
        tableLabel: r.tableLabel,
        serverName: r.serverName,
        firedAt: iso(r.firedAt),
        allergyNotes: r.orderNotes && ALLERGY_NOTE.test(r.orderNotes) ? [r.orderNotes] : [],
        allergens: [],
        items: [],
        allBumped: true,
        allVoided: true,
        guestOrder: false,
        online: r.online ? { ...r.online, promisedAt: iso(r.online.promisedAt) } : null,
      };
      byKey.set(key, t);
    }
    if (iso(r.firedAt) < t.firedAt) t.firedAt = iso(r.firedAt);
    const {
      orderId: _o,
      orderNumber: _n,
      fireBatch: _f,
      tableLabel: _t,
      serverName: _s,
      orderNotes: _on,
      firedAt: _fa,
      online: _ol,
      ...item
    } = r;
    t.items.push(item);
    if (r.guestLabel) t.guestOrder = true;
    const voided = r.status === "VOIDED";
    if (!voided) {
      t.allVoided = false;
      if (r.bumpedAt == null || r.modifiers.some((m) => m.stationName && !m.done)) t.allBumped = false;
      for (const a of r.allergens) if (!t.allergens.includes(a)) t.allergens.push(a);
    }
    // A side made here carries its dish's note under the dish's name.
    const note = r.notes && ALLERGY_NOTE.test(r.notes) ? `${r.forItem ?? r.name}: ${r.notes}` : null;
    if (note && !t.allergyNotes.includes(note)) t.allergyNotes.push(note);
  }
  const tickets = [...byKey.values()];
  for (const t of tickets) {
    if (t.allVoided) t.allBumped = false;
    t.items.sort((a, b) => courseOrder(a.course) - courseOrder(b.course) || (a.seat ?? 99) - (b.seat ?? 99));
  }
  return tickets.sort((a, b) => (a.firedAt < b.firedAt ? -1 : a.firedAt > b.firedAt ? 1 : a.key.localeCompare(b.key)));
}

const courseOrder = (c: string) => {
  const i = courseRank(c as Course);
  return i < 0 ? 9 : i;
};

export type AllDay = { name: string; quantity: number }[];

/** "All day": how many of each dish are on the line (live, not bumped), sides made here included. */
export function allDayCounts(
  lines: readonly { name: string; quantity: number; status: string; bumpedAt: Date | string | null }[],
): AllDay {
  const counts = new Map<string, number>();
  for (const i of lines) {
    if (i.status !== "SENT" || i.bumpedAt != null) continue;
    counts.set(i.name, (counts.get(i.name) ?? 0) + i.quantity);
  }
  return [...counts.entries()]
    .map(([name, quantity]) => ({ name, quantity }))
    .sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}

/** Take `lines` off the all-day counts (an optimistic bump before the server answers). */
export function withoutFromAllDay(allDay: AllDay, lines: readonly { name: string; quantity: number }[]): AllDay {
  const counts = new Map(allDay.map((a) => [a.name, a.quantity]));
  for (const l of lines) counts.set(l.name, (counts.get(l.name) ?? 0) - l.quantity);
  return allDay.map((a) => ({ name: a.name, quantity: counts.get(a.name) ?? 0 })).filter((a) => a.quantity > 0);
}

export type CourseSection<T> = { course: string; items: T[] };

/** A ticket's lines as course sections, in service order (drinks, starters, mains, desserts). */
export function courseSections<T extends { course: string }>(items: readonly T[]): CourseSection<T>[] {
  const sections: CourseSection<T>[] = [];
  for (const item of [...items].sort((a, b) => courseOrder(a.course) - courseOrder(b.course))) {
    const last = sections[sections.length - 1];
    if (last?.course === item.course) last.items.push(item);
    else sections.push({ course: item.course, items: [item] });
  }
  return sections;
}

export type TicketKeyRow = { orderId: string; fireBatch: number; firedAt: Date | string };

/**
 * The station's tickets in board order (oldest first) from key rows of any source (its own lines,
 * sides routed to it), one per order and fire batch: what paging counts and slices.
 */
export function ticketKeysInOrder(
  rows: readonly TicketKeyRow[],
): { key: string; orderId: string; fireBatch: number; firedAt: string }[] {
  const byKey = new Map<string, { key: string; orderId: string; fireBatch: number; firedAt: string }>();
  for (const r of rows) {
    const key = ticketKey(r.orderId, r.fireBatch);
    const firedAt = iso(r.firedAt);
    const cur = byKey.get(key);
    if (!cur) byKey.set(key, { key, orderId: r.orderId, fireBatch: r.fireBatch, firedAt });
    else if (firedAt < cur.firedAt) cur.firedAt = firedAt;
  }
  return [...byKey.values()].sort((a, b) =>
    a.firedAt < b.firedAt ? -1 : a.firedAt > b.firedAt ? 1 : a.key.localeCompare(b.key),
  );
}

/** One live line of a station in its narrowest form (no joins): what paging and counts need. */
export type BoardLine = TicketKeyRow & {
  name: string;
  quantity: number;
  status: string;
  bumpedAt: Date | string | null;
  voidedAt: Date | string | null;
};

export type BoardSummary = {
  keys: ReturnType<typeof ticketKeysInOrder>;
  allDay: AllDay;
  /** Newest fire and newest unacknowledged void on the whole board: displays chime when they move. */
  lastFiredAt: string | null;
  lastVoidAt: string | null;
};

/**
 * The whole board from its narrow lines: tickets in order (expo follows only tickets with
 * something still on the line), all-day counts and the chime markers, whichever page is shown.
 */
export function summarizeBoard(lines: readonly BoardLine[], isExpo: boolean): BoardSummary {
  const ticketLines = isExpo ? lines.filter((l) => l.status === "SENT") : lines;
  const keys = ticketKeysInOrder(ticketLines);
  const voids = lines.filter((l) => l.status === "VOIDED" && l.voidedAt != null).map((l) => iso(l.voidedAt!));
  return {
    keys,
    allDay: allDayCounts(lines),
    lastFiredAt: keys.reduce<string | null>((max, k) => (max == null || k.firedAt > max ? k.firedAt : max), null),
    lastVoidAt: voids.reduce<string | null>((max, v) => (max == null || v > max ? v : max), null),
  };
}
