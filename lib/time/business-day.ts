// A restaurant's day does not end at midnight: sales at 01:30 belong to the evening before when
// the location's business day ends at 04:00. Weeks start on Monday (schedules, timesheets).
import { addDays, localDateOf, localHourOf, zonedInstant, type LocalDate } from "./zoned";

export type DayRules = { timeZone: string; cutoffHour: number };

/** The business date `instant` belongs to. */
export function businessDateOf(instant: Date, rules: DayRules): LocalDate {
  const date = localDateOf(instant, rules.timeZone);
  return localHourOf(instant, rules.timeZone) < rules.cutoffHour ? addDays(date, -1) : date;
}

/** The instants a business date spans: [cut-off hour of that date, cut-off hour of the next). */
export function businessDayRange(date: LocalDate, rules: DayRules): { start: Date; end: Date } {
  return {
    start: zonedInstant(date, rules.cutoffHour, 0, rules.timeZone),
    end: zonedInstant(addDays(date, 1), rules.cutoffHour, 0, rules.timeZone),
  };
}

/** ISO weekday of a calendar date: Monday 1 … Sunday 7. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week `date` falls in. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven business dates of the week starting `monday`. */
export function weekDates(monday: LocalDate): LocalDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The instants a business week spans (Monday's cut-off to the next Monday's). */
export function businessWeekRange(monday: LocalDate, rules: DayRules): { start: Date; end: Date } {
  return { start: businessDayRange(monday, rules).start, end: businessDayRange(addDays(monday, 7), rules).start };
}
