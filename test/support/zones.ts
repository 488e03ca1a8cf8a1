/**
 * A fixed-offset IANA zone in which the local time is now about `hour` o'clock. Tests about
 * "today" (the host's book, tonight's holds) use it so that a run at 23:00 UTC does not see
 * a booking in three hours fall on tomorrow.
 */
export function zoneWithLocalHour(hour: number, now = new Date()): string {
  let offset = (((hour - now.getUTCHours()) % 24) + 24) % 24;
  if (offset > 14) offset -= 24; // Etc zones span UTC-12 … UTC+14
  if (offset === 0) return "UTC";
  // POSIX sign: Etc/GMT-10 is ten hours ahead of UTC.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
