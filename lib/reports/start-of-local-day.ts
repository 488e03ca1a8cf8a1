/** Start of "today" in the location's timezone, as a UTC instant. */
export function startOfLocalDay(timeZone: string, now = new Date()): Date {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const localMidnightAsUtc = Date.UTC(get("year"), get("month") - 1, get("day"));
  const offsetMs = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - now.getTime();
  return new Date(localMidnightAsUtc - Math.round(offsetMs / 60_000) * 60_000);
}
