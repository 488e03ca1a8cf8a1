import "server-only";
import type { Ctx } from "../auth/context";
import { toCsv } from "../csv/stringify";
import { getTimesheet } from "./get-timesheet";
import { decimalHours } from "./timesheet-math";

export const TIMESHEET_CSV_COLUMNS = [
  "name",
  "email",
  "role",
  "week_start",
  "worked_hours",
  "regular_hours",
  "overtime_hours",
  "hourly_rate",
  "labour_cost",
  "currency",
  "late_in",
  "early_in",
  "left_early",
  "left_late",
] as const;

/** Payroll's file: one row per person per week (hours in decimal, money in major units). */
export async function exportTimesheetCsv(ctx: Ctx, raw: unknown): Promise<{ csv: string; from: string; to: string }> {
  const sheet = await getTimesheet(ctx, raw);
  const money = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));
  const rows = sheet.rows.flatMap((r) =>
    r.weeks.map((w, i) => [
      r.name,
      r.email,
      r.role,
      w.weekStart,
      decimalHours(w.workedMinutes),
      decimalHours(w.regularMinutes),
      decimalHours(w.overtimeMinutes),
      money(r.hourlyRateCents),
      money(w.costCents),
      sheet.currency,
      // Flags are counted per person over the period: on the first week's row only.
      i === 0 ? r.flags.lateIn : "",
      i === 0 ? r.flags.earlyIn : "",
      i === 0 ? r.flags.earlyOut : "",
      i === 0 ? r.flags.lateOut : "",
    ]),
  );
  return { csv: toCsv(TIMESHEET_CSV_COLUMNS, rows), from: sheet.period.from, to: sheet.period.to };
}
