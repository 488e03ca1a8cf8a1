// Which station cooks an item, and how a station's screen groups fired items into tickets.
// Pure: the send use case routes with it, the snapshot query groups with it, tests cover both.

/** The item's own station, else its category's default, else none (expo only). */
export function stationFor(item: { stationId: string | null }, category: { defaultStationId: string | null }): string | null {
  return item.stationId ?? category.defaultStationId ?? null;
}

export type StationRef = { id: string; isExpo: boolean };

export type TicketItemRow = {
  id: string;
  orderId: string;
  orderNumber: number;
  fireBatch: number;
  firedAt: Date | string;
  stationId: string | null;
  stationName: string | null;
  name: string;
  quantity: number;
  seat: number | null;
  course: string;
  notes: string;
  status: string;
  bumpedAt: Date | string | null;
  voidReason: string | null;
  modifiers: string[];
  allergens: string[];
  tableLabel: string | null;
  serverName: string | null;
  orderNotes: string;
};

export type TicketItem = Omit<TicketItemRow, "orderId" | "orderNumber" | "fireBatch" | "tableLabel" | "serverName" | "orderNotes" | "firedAt">;

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
  /** Every live item on the ticket has been bumped (expo may mark it ready). */
  allBumped: boolean;
  /** Every item on the ticket was voided. */
  allVoided: boolean;
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
      };
      byKey.set(key, t);
    }
    if (iso(r.firedAt) < t.firedAt) t.firedAt = iso(r.firedAt);
    const { orderId: _o, orderNumber: _n, fireBatch: _f, tableLabel: _t, serverName: _s, orderNotes: _on, firedAt: _fa, ...item } = r;
    t.items.push(item);
    const voided = r.status === "VOIDED";
    if (!voided) {
      t.allVoided = false;
      if (r.bumpedAt == null) t.allBumped = false;
      for (const a of r.allergens) if (!t.allergens.includes(a)) t.allergens.push(a);
    }
    if (r.notes && ALLERGY_NOTE.test(r.notes)) t.allergyNotes.push(`${r.name}: ${r.notes}`);
  }
  const tickets = [...byKey.values()];
  for (const t of tickets) {
    if (t.allVoided) t.allBumped = false;
    t.items.sort((a, b) => courseOrder(a.course) - courseOrder(b.course) || (a.seat ?? 99) - (b.seat ?? 99));
  }
  return tickets.sort((a, b) => (a.firedAt < b.firedAt ? -1 : a.firedAt > b.firedAt ? 1 : a.key.localeCompare(b.key)));
}

const COURSE_ORDER = ["DRINKS", "STARTERS", "MAINS", "DESSERTS"];
const courseOrder = (c: string) => {
  const i = COURSE_ORDER.indexOf(c);
  return i < 0 ? 9 : i;
};

/** "All day": how many of each dish are on the line right now (live, not bumped). */
export function allDayCounts(tickets: readonly Ticket[]): { name: string; quantity: number }[] {
  const counts = new Map<string, number>();
  for (const t of tickets) {
    for (const i of t.items) {
      if (i.status !== "SENT" || i.bumpedAt != null) continue;
      counts.set(i.name, (counts.get(i.name) ?? 0) + i.quantity);
    }
  }
  return [...counts.entries()]
    .map(([name, quantity]) => ({ name, quantity }))
    .sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}
