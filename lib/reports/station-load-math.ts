// Station load forecast (issue 14): the items each station can expect in the next hours. Pure:
// the SQL that feeds it is in station-load-forecast.ts.
//
//   expected(station, bucket) = open now (first bucket only: the backlog on the screen)
//                             + Σ reservations firing in the bucket: party size × items per cover
//                             + walk-in baseline: the same weekday's lines of orders without a
//                               booking at that local hour, averaged over the weeks looked at
//
// Items per cover come from "similar covers": the same weekday over the last weeks, orders that
// arrived within an hour either side of the party (the daypart), falling back to the whole day.
import { localHourOf } from "../time/zoned";

/** A party's first dishes reach the kitchen this long after the booked time (seated, ordered, sent). */
export const FIRE_LAG_MINUTES = 15;
/** How many weeks of the same weekday "similar covers" are taken from. */
export const HISTORY_WEEKS = 4;
/** Hours either side of a party's arrival hour whose covers count as similar. */
export const DAYPART_HOURS = 1;

/** One local hour of history: covers that arrived then, and the station lines they ordered. */
export type HourHistory = { hour: number; covers: number; lines: Record<string, number> };
/** Lines of orders without a booking, by the local hour they were fired, summed over the weeks. */
export type WalkInHistory = { hour: number; lines: Record<string, number> };

export type LoadInput = {
  now: Date;
  timeZone: string;
  hours: number;
  bucketMinutes: number;
  stationIds: readonly string[];
  /** Lines on each station's screen now (fired, not bumped). */
  open: Readonly<Record<string, number>>;
  reservations: readonly { startsAt: Date; partySize: number }[];
  history: readonly HourHistory[];
  walkIns: readonly WalkInHistory[] | null;
  weeks: number;
  fireLagMinutes?: number;
};

export type StationLoad = { stationId: string; open: number; reserved: number; walkIn: number; total: number };
export type LoadBucket = { start: Date; end: Date; stations: StationLoad[]; total: number };

/** One decimal: forecasts are not counts. */
const round = (n: number) => Math.round(n * 10) / 10;

/** Items per cover at each station for covers arriving at local `hour` (daypart, else the whole day). */
export function itemsPerCover(history: readonly HourHistory[], hour: number, stationId: string): number {
  const near = (h: number) => Math.min(Math.abs(h - hour), 24 - Math.abs(h - hour)) <= DAYPART_HOURS;
  const rate = (rows: readonly HourHistory[]) => {
    const covers = rows.reduce((s, r) => s + r.covers, 0);
    return covers ? rows.reduce((s, r) => s + (r.lines[stationId] ?? 0), 0) / covers : null;
  };
  return rate(history.filter((r) => near(r.hour))) ?? rate(history) ?? 0;
}

/** The buckets of the forecast: the first one holds `now`; starts are whole multiples of the bucket. */
export function loadBuckets(now: Date, hours: number, bucketMinutes: number): { start: Date; end: Date }[] {
  const ms = bucketMinutes * 60_000;
  const first = Math.floor(now.getTime() / ms) * ms;
  return Array.from({ length: Math.ceil((hours * 60) / bucketMinutes) }, (_, i) => ({
    start: new Date(first + i * ms),
    end: new Date(first + (i + 1) * ms),
  }));
}

export function forecastLoad(input: LoadInput): LoadBucket[] {
  const lag = (input.fireLagMinutes ?? FIRE_LAG_MINUTES) * 60_000;
  const buckets = loadBuckets(input.now, input.hours, input.bucketMinutes);
  const share = input.bucketMinutes / 60;
  const walkIn = new Map((input.walkIns ?? []).map((w) => [w.hour, w.lines]));
  return buckets.map((b, i) => {
    // A party late for its table fires as soon as it sits: in the first bucket.
    const parties = input.reservations.filter((r) => {
      const fires = Math.max(r.startsAt.getTime() + lag, buckets[0].start.getTime());
      return fires >= b.start.getTime() && fires < b.end.getTime();
    });
    const hour = localHourOf(b.start, input.timeZone);
    const stations = input.stationIds.map((stationId) => {
      const open = i === 0 ? (input.open[stationId] ?? 0) : 0;
      const reserved = parties.reduce(
        (s, p) => s + p.partySize * itemsPerCover(input.history, localHourOf(p.startsAt, input.timeZone), stationId),
        0,
      );
      const base = input.weeks > 0 ? ((walkIn.get(hour)?.[stationId] ?? 0) / input.weeks) * share : 0;
      return {
        stationId,
        open,
        reserved: round(reserved),
        walkIn: round(base),
        total: round(open + reserved + base),
      };
    });
    return { ...b, stations, total: round(stations.reduce((s, x) => s + x.total, 0)) };
  });
}
