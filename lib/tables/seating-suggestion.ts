// Where to seat a party now, pure: the host stand's plan (client) and the seat/move use cases
// (server) ask the same functions. Reuses the slot finder's combinations (ADR 0029, 0033).
import { durationFor } from "../reservations/durations";
import { allCombos, areAdjacent, fittingCombos, type SlotBooking, type SlotTable } from "../reservations/slot-math";

/** A table as the suggestion sees it: `free` = no party, not joined to another, not waiting to be cleared. */
export type SeatingTable = SlotTable & { free: boolean };

export type SeatingOption = {
  tableIds: string[];
  labels: string[];
  seats: number;
  /** The reservation's own booked tables. */
  booked: boolean;
  /** Why this option, shortest first ("Booked for this party", "2 spare seats", "Free all night"). */
  reasons: string[];
};

export type SeatingRequest = {
  tables: readonly SeatingTable[];
  /** Active bookings (ReservationTable rows of bookings not cancelled, no-show or completed). */
  bookings: readonly SlotBooking[];
  partySize: number;
  now: Date;
  durations: Record<string, number>;
  /** Seating a reservation: its own hold never counts against it, and its tables come first. */
  reservationId?: string;
  limit?: number;
};

const MINUTE = 60_000;

/** "1h 05m" / "40 min": how long until a moment. */
export function inMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return m >= 60 ? `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m` : `${m} min`;
}

/** When the party would have to leave (now + the stay for its size). */
export function stayEnd(partySize: number, now: Date, durations: Record<string, number>): Date {
  return new Date(now.getTime() + durationFor(partySize, durations) * MINUTE);
}

/**
 * The next booking (of another party) on any of these tables that starts before `until`, or
 * null. A booking already under way that has not been seated (a late party) holds its table too.
 */
export function clashingBooking(
  tableIds: readonly string[],
  bookings: readonly SlotBooking[],
  now: Date,
  until: Date,
  exceptReservationId?: string,
): SlotBooking | null {
  const ids = new Set(tableIds);
  return (
    bookings
      .filter(
        (b) =>
          b.reservationId !== exceptReservationId &&
          b.tableIds.some((id) => ids.has(id)) &&
          b.startsAt < until &&
          b.endsAt > now,
      )
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0] ?? null
  );
}

/** Minutes until the next booking on these tables after `now` (null: none tonight). */
function freeFor(tableIds: readonly string[], bookings: readonly SlotBooking[], now: Date, except?: string) {
  const next = clashingBooking(tableIds, bookings, now, new Date(8.64e15), except);
  return next ? (next.startsAt.getTime() - now.getTime()) / MINUTE : null;
}

/** Tables that are one group on the floor (each joined to the rest through adjacent neighbours). */
export function connected(tables: readonly SlotTable[]): boolean {
  if (tables.length <= 1) return true;
  const seen = new Set([tables[0].id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tables)
      if (!seen.has(t.id) && tables.some((s) => seen.has(s.id) && areAdjacent(s, t))) {
        seen.add(t.id);
        grew = true;
      }
  }
  return seen.size === tables.length;
}

/**
 * Ranked places to seat the party now: its booked tables first when they are all free, then the
 * smallest free table that fits, then adjacent free combinations (fewest spare seats first). Never
 * a table that is taken, or booked by someone else before the party's stay would end.
 */
export function suggestSeating(req: SeatingRequest): SeatingOption[] {
  const until = stayEnd(req.partySize, req.now, req.durations);
  const free = req.tables.filter((t) => t.free);
  const ok = (ids: string[]) => !clashingBooking(ids, req.bookings, req.now, until, req.reservationId);
  const describe = (tables: SlotTable[], booked: boolean): SeatingOption => {
    const ids = tables.map((t) => t.id);
    const seats = tables.reduce((n, t) => n + t.seats, 0);
    const spare = seats - req.partySize;
    const minutes = freeFor(ids, req.bookings, req.now, req.reservationId);
    return {
      tableIds: ids,
      labels: tables.map((t) => t.label),
      seats,
      booked,
      reasons: [
        ...(booked ? ["Booked for this party"] : []),
        spare === 0 ? "Exact fit" : `${spare} spare seat${spare === 1 ? "" : "s"}`,
        ...(tables.length > 1 ? [`Joins ${tables.length} tables`] : []),
        minutes === null ? "Free all night" : `Next booking in ${inMinutes(minutes)}`,
      ],
    };
  };

  const out: SeatingOption[] = [];
  if (req.reservationId) {
    const own = req.bookings.find((b) => b.reservationId === req.reservationId);
    const tables = own?.tableIds.map((id) => free.find((t) => t.id === id));
    if (tables?.length && tables.every(Boolean)) {
      const ts = (tables as SeatingTable[]).sort((a, b) =>
        a.label.localeCompare(b.label, undefined, { numeric: true }),
      );
      const seats = ts.reduce((n, t) => n + t.seats, 0);
      if (seats >= req.partySize && connected(ts) && ok(ts.map((t) => t.id))) out.push(describe(ts, true));
    }
  }
  const key = (ids: string[]) => [...ids].sort().join("+");
  const have = new Set(out.map((o) => key(o.tableIds)));
  for (const combo of fittingCombos(allCombos(free), req.partySize)) {
    const ids = combo.tables.map((t) => t.id);
    if (have.has(key(ids)) || !ok(ids)) continue;
    have.add(key(ids));
    out.push(describe(combo.tables, false));
    if (out.length >= (req.limit ?? 3)) break;
  }
  return out;
}

export type SeatingCheck = { ok: boolean; problems: string[]; warnings: string[]; seats: number };

/**
 * The host picked these tables by hand: what stops them (taken, not side by side, another area)
 * and what only warns (too few seats, booked before the stay ends).
 */
export function checkSeating(req: Omit<SeatingRequest, "limit"> & { tableIds: readonly string[] }): SeatingCheck {
  const tables = req.tableIds.map((id) => req.tables.find((t) => t.id === id)).filter((t): t is SeatingTable => !!t);
  const problems: string[] = [];
  const warnings: string[] = [];
  if (tables.length !== req.tableIds.length) problems.push("A table is not on the floor");
  for (const t of tables) if (!t.free) problems.push(`Table ${t.label} is not free`);
  if (new Set(tables.map((t) => t.areaId)).size > 1) problems.push("Tables joined together must be in one area");
  else if (!connected(tables)) problems.push("These tables are not side by side");
  const seats = tables.reduce((n, t) => n + t.seats, 0);
  if (seats < req.partySize) warnings.push(`Seats ${seats} for a party of ${req.partySize}`);
  const until = stayEnd(req.partySize, req.now, req.durations);
  const clash = clashingBooking(req.tableIds, req.bookings, req.now, until, req.reservationId);
  if (clash)
    warnings.push(
      clash.startsAt <= req.now
        ? "Held for a booking that has not arrived yet"
        : `Booked in ${inMinutes((clash.startsAt.getTime() - req.now.getTime()) / MINUTE)}, before this party would leave`,
    );
  return { ok: problems.length === 0, problems, warnings, seats };
}
