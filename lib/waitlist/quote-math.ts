// The waitlist's quote model, pure (ADR 0030): expected turn times by party size from history,
// when each table frees, and a simulation of the queue ahead. The use cases load the floor in a
// few queries and ask these functions; the unit tests pin the rules and their properties.
import { fittingCombos, type Combo, type SlotTable } from "../reservations/slot-math";

/** Party-size buckets of the turn-time history: 1–2, 3–4, 5–6, 7 and more. */
export const TURN_BUCKETS = [2, 4, 6, 8] as const;
export type TurnBucket = (typeof TURN_BUCKETS)[number];
export type TurnTimes = Record<TurnBucket, number>;

/** Minutes a party keeps its table when a bucket has too little history (a new restaurant). */
export const DEFAULT_TURNS: TurnTimes = { 2: 65, 4: 85, 6: 110, 8: 125 };
/** Fewer closed orders than this in a bucket and its average is noise: the default applies. */
export const MIN_SAMPLES = 5;
/** A seated party over its expected turn still needs this long to pay and leave (and the table a wipe). */
export const MIN_REMAINING_MINUTES = 5;
/** History window of the averages. */
export const HISTORY_WEEKS = 8;
/** Quotes are rounded up to this many minutes. */
export const QUOTE_STEP_MINUTES = 5;
/** Beyond this the host says "a long wait" rather than trusting a number. */
export const MAX_QUOTE_MINUTES = 240;

export function bucketOf(guestCount: number): TurnBucket {
  return TURN_BUCKETS.find((b) => guestCount <= b) ?? 8;
}

/** Per-bucket averages from the history's aggregates; a thin bucket keeps its default. */
export function turnTimesFrom(rows: readonly { bucket: number; samples: number; avgMinutes: number }[]): TurnTimes {
  const out: TurnTimes = { ...DEFAULT_TURNS };
  for (const r of rows) {
    const bucket = bucketOf(r.bucket);
    if (r.samples >= MIN_SAMPLES && Number.isFinite(r.avgMinutes) && r.avgMinutes > 0)
      out[bucket] = Math.round(r.avgMinutes);
  }
  return out;
}

export function expectedTurn(guestCount: number, turns: TurnTimes): number {
  return turns[bucketOf(guestCount)];
}

/** A table in use: since when, for how many (an open order, or a seated booking's other tables). */
export type Occupancy = { tableId: string; since: Date; guestCount: number };
/** A booking not yet seated that holds tables from startsAt to endsAt. */
export type Hold = { tableIds: string[]; startsAt: Date; endsAt: Date };

export type QuoteFloor = {
  now: Date;
  tables: readonly SlotTable[];
  combos: readonly Combo[];
  occupied: readonly Occupancy[];
  /** Tables that are free but need bussing first. */
  bussing?: readonly string[];
  holds: readonly Hold[];
  turns: TurnTimes;
};

const MIN = 60_000;

/** When each table is expected to be free: now if free, else when its party is expected to leave. */
export function freeTimes(floor: QuoteFloor): Map<string, number> {
  const now = floor.now.getTime();
  const out = new Map<string, number>(floor.tables.map((t) => [t.id, now]));
  for (const id of floor.bussing ?? []) if (out.has(id)) out.set(id, now + MIN_REMAINING_MINUTES * MIN);
  for (const o of floor.occupied) {
    if (!out.has(o.tableId)) continue;
    const expectedEnd = o.since.getTime() + expectedTurn(o.guestCount, floor.turns) * MIN;
    const at = Math.max(now + MIN_REMAINING_MINUTES * MIN, expectedEnd);
    out.set(o.tableId, Math.max(out.get(o.tableId)!, at));
  }
  return out;
}

/** The first moment ≥ from when none of the tables is held by a booking for [t, t + stay). */
function clearOfHolds(tableIds: readonly string[], from: number, stay: number, holds: readonly Hold[]): number {
  let t = from;
  for (let moved = true; moved;) {
    moved = false;
    for (const h of holds) {
      if (!h.tableIds.some((id) => tableIds.includes(id))) continue;
      if (h.startsAt.getTime() < t + stay && t < h.endsAt.getTime()) {
        t = h.endsAt.getTime();
        moved = true;
      }
    }
  }
  return t;
}

export type Placement = { at: number; tableIds: string[] };

/** Where and when a party sits first: the fitting combination that frees earliest (best fit on ties). */
export function placeParty(
  partySize: number,
  free: ReadonlyMap<string, number>,
  combos: readonly Combo[],
  holds: readonly Hold[],
  turns: TurnTimes,
): Placement | null {
  const stay = expectedTurn(partySize, turns) * MIN;
  let best: Placement | null = null;
  for (const c of fittingCombos(combos, partySize)) {
    const ids = c.tables.map((t) => t.id);
    const ready = Math.max(...ids.map((id) => free.get(id) ?? Infinity));
    if (!Number.isFinite(ready)) continue;
    const at = clearOfHolds(ids, ready, stay, holds);
    if (!best || at < best.at) best = { at, tableIds: ids };
  }
  return best;
}

export type QueueQuote = { minutes: number; tableIds: string[] } | null;

/**
 * Simulates the queue in order: each party takes the fitting table or combination that frees
 * earliest, which then frees an expected turn later. Returns each party's wait in whole minutes
 * from now (null: no table seats it), not rounded. Monotone by construction: a party's wait is
 * never shorter than the one before it that it could have sat in place of (see quoteFor).
 */
export function simulateQueue(floor: QuoteFloor, partySizes: readonly number[]): QueueQuote[] {
  const free = freeTimes(floor);
  const now = floor.now.getTime();
  return partySizes.map((size) => {
    const placed = placeParty(size, free, floor.combos, floor.holds, floor.turns);
    if (!placed) return null;
    for (const id of placed.tableIds) free.set(id, placed.at + expectedTurn(size, floor.turns) * MIN);
    return { minutes: Math.max(0, (placed.at - now) / MIN), tableIds: placed.tableIds };
  });
}

export function roundQuote(minutes: number): number {
  return Math.min(MAX_QUOTE_MINUTES, Math.max(0, Math.ceil(minutes / QUOTE_STEP_MINUTES - 1e-9)) * QUOTE_STEP_MINUTES);
}

/**
 * The quote for a party behind `ahead`: when its earliest fitting table frees after the queue
 * ahead is seated, rounded up to 5 minutes. Greedy seating can show an anomaly (one more party
 * ahead takes a table another would have taken and frees a better one sooner); the quote takes
 * the largest over the queue's prefixes so that one more party ahead never shortens it.
 * Null when no table or combination seats the party.
 */
export function quoteFor(floor: QuoteFloor, ahead: readonly number[], partySize: number): QueueQuote {
  let worst: QueueQuote = null;
  for (let k = 0; k <= ahead.length; k++) {
    const q = simulateQueue(floor, [...ahead.slice(0, k), partySize])[k];
    if (!q) return null;
    if (!worst || q.minutes >= worst.minutes) worst = q;
  }
  return worst && { minutes: roundQuote(worst.minutes), tableIds: worst.tableIds };
}

/** Quoted vs actual waits of parties already seated (today's, in the panel). */
export type AccuracyStat = {
  seated: number;
  /** Mean of actual − quoted, minutes (positive: parties waited longer than quoted). */
  averageErrorMinutes: number | null;
  /** Mean of |actual − quoted|, minutes. */
  averageAbsErrorMinutes: number | null;
  /** Share (0–1) of parties seated within ±5 minutes of their quote. */
  withinFiveShare: number | null;
};

export function accuracyOf(
  entries: readonly { quotedMinutes: number; createdAt: Date; seatedAt: Date }[],
): AccuracyStat {
  if (!entries.length)
    return { seated: 0, averageErrorMinutes: null, averageAbsErrorMinutes: null, withinFiveShare: null };
  const errors = entries.map((e) => (e.seatedAt.getTime() - e.createdAt.getTime()) / MIN - e.quotedMinutes);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  return {
    seated: entries.length,
    averageErrorMinutes: round1(errors.reduce((a, b) => a + b, 0) / errors.length),
    averageAbsErrorMinutes: round1(errors.reduce((a, b) => a + Math.abs(b), 0) / errors.length),
    withinFiveShare: round1((errors.filter((e) => Math.abs(e) <= 5).length / errors.length) * 100) / 100,
  };
}
