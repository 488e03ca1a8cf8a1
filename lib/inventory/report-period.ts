import { z } from "zod";
import {
  addDays,
  isoDate,
  localDateOf,
  parseIsoDate,
  startOfLocalDay,
  zonedInstant,
  type LocalDate,
} from "../time/zoned";

/** A reporting period as calendar dates (inclusive) of the location; default the last 30 days. */
export const reportPeriodSchema = z
  .object({
    from: z.iso.date("Use a date like 2026-05-01").optional(),
    to: z.iso.date("Use a date like 2026-05-31").optional(),
  })
  .superRefine((p, c) => {
    if (p.from && p.to && p.from > p.to)
      c.addIssue({ code: "custom", path: ["from"], message: "Must be on or before the end date" });
    if (p.from && p.to && Date.parse(p.to) - Date.parse(p.from) > 366 * 86_400_000) {
      c.addIssue({ code: "custom", path: ["from"], message: "At most one year" });
    }
  });
export type ReportPeriodInput = z.input<typeof reportPeriodSchema>;
export type ReportPeriod = z.output<typeof reportPeriodSchema>;

/** The period's instants: local midnight of `from` up to local midnight after `to` (DST-safe). */
export function reportRange(period: ReportPeriod, timeZone: string, now = new Date()) {
  const to: LocalDate = period.to ? parseIsoDate(period.to) : localDateOf(now, timeZone);
  const from: LocalDate = period.from ? parseIsoDate(period.from) : addDays(to, -29);
  return {
    from: zonedInstant(from, 0, 0, timeZone),
    toExclusive: startOfLocalDay(timeZone, zonedInstant(addDays(to, 1), 12, 0, timeZone)),
    label: { from: isoDate(from), to: isoDate(to) },
  };
}
