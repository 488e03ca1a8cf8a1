// The sales report's groupings: names, labels and the pure date helpers (client-safe, unit-tested).
import { isoWeekday } from "../time/business-day";
import { addDays, isoDate, parseIsoDate } from "../time/zoned";

export const SALES_GROUPS = ["hour", "day", "week", "daypart", "server", "area", "source"] as const;
export type SalesGroup = (typeof SALES_GROUPS)[number];

export const SALES_GROUP_LABEL: Record<SalesGroup, string> = {
  hour: "Hour",
  day: "Day",
  week: "Week",
  daypart: "Daypart",
  server: "Server",
  area: "Area",
  source: "Source",
};

/** Groupings along time: their chart puts the previous period beside this one. */
export const TIME_GROUPS: readonly SalesGroup[] = ["hour", "day", "week", "daypart"];

/** The windows used when a location has no service periods (local hour the order was opened). */
export const FIXED_DAYPARTS = ["Breakfast", "Lunch", "Dinner", "Late"] as const;

export const SOURCE_LABEL: Record<string, string> = {
  FLOOR: "Floor",
  GUEST: "Guest QR",
  API: "API",
  PICKUP: "Online pickup",
  DELIVERY: "Online delivery",
};

export const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** The Monday (ISO week start) of every week that has a day between `from` and `to`. */
export function weekStarts(from: string, to: string): string[] {
  const first = parseIsoDate(from);
  const out: string[] = [];
  for (let d = addDays(first, 1 - isoWeekday(first)); isoDate(d) <= to; d = addDays(d, 7)) out.push(isoDate(d));
  return out;
}
