import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/money";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { getTimesheet, type Timesheet } from "@/lib/timeclock/get-timesheet";
import { localInputValue } from "@/lib/timeclock/punch-times";
import { FLAG_LABELS, formatMinutes, type PunchFlag } from "@/lib/timeclock/timesheet-math";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { inputClass } from "@/components/admin/form-field";
import { PunchForm } from "./_components/punch-form";
import { PunchRow } from "./_components/punch-row";

export const metadata: Metadata = { title: "Timesheets" };

type Search = { week?: string; from?: string; to?: string };

export default async function TimesheetsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("timeclock.manage");
  const sp = await searchParams;
  const period = { week: sp.week || undefined, from: sp.from || undefined, to: sp.to || undefined };
  // A bad period shows its message and this week's sheet instead of failing the page.
  const { sheet, periodError } = await getTimesheet(ctx, period).then(
    (sheet) => ({ sheet, periodError: null as string | null }),
    async (e: unknown) => {
      if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
      const message =
        Object.values(e.fieldErrors ?? {})
          .flat()
          .join(" ") || e.message;
      return { sheet: await getTimesheet(ctx, {}), periodError: message };
    },
  );
  const money = (c: number | null) => (c === null ? "—" : formatCents(c, sheet.currency));
  const csv = `/api/v1/time-clock/timesheet.csv?from=${sheet.period.from}&to=${sheet.period.to}`;
  const tz = sheet.timeZone;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Timesheets</h1>
          <p className="text-gray-600" data-testid="timesheet-period">
            {sheet.period.weeks === 1 ? "Week" : `${sheet.period.weeks} weeks`} of {sheet.period.from} to{" "}
            {sheet.period.to} · times in {tz} · overtime after{" "}
            {Math.round((sheet.overtimeWeeklyMinutes / 60) * 100) / 100} hours a week
          </p>
        </div>
        <nav aria-label="Pay period" className="flex flex-wrap items-center gap-2">
          <Link
            href={`/admin/timesheets?week=${sheet.period.previous}`}
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            ← Previous week
          </Link>
          <Link
            href="/admin/timesheets"
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            This week
          </Link>
          <Link
            href={`/admin/timesheets?week=${sheet.period.next}`}
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            Next week →
          </Link>
          <a
            href={csv}
            className="inline-flex min-h-11 items-center rounded-lg bg-gray-900 px-4 font-semibold text-white hover:bg-gray-800"
            data-testid="timesheet-csv"
          >
            Download CSV for payroll
          </a>
        </nav>
      </div>

      <form className="flex flex-wrap items-end gap-2" aria-label="Custom pay period">
        <label className="text-sm font-medium">
          From
          <input type="date" name="from" defaultValue={sp.from ?? ""} className={`${inputClass} mt-1`} />
        </label>
        <label className="text-sm font-medium">
          To
          <input type="date" name="to" defaultValue={sp.to ?? ""} className={`${inputClass} mt-1`} />
        </label>
        <Button type="submit" variant="secondary">
          Show whole weeks
        </Button>
        {periodError && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {periodError} Showing this week.
          </p>
        )}
      </form>

      <Summary sheet={sheet} money={money} />

      <Card title="Punches">
        {sheet.punches.length === 0 ? (
          <EmptyState title="No punches in this period" />
        ) : (
          <ScrollRegion label="Punches" className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="punch-table">
              <thead className="text-gray-600">
                <tr>
                  <th className="px-3 py-2">Who</th>
                  <th className="px-3 py-2">In</th>
                  <th className="px-3 py-2">Out</th>
                  <th className="px-3 py-2 text-right">Unpaid breaks</th>
                  <th className="px-3 py-2 text-right">Worked</th>
                  <th className="px-3 py-2">Flags</th>
                  <th className="px-3 py-2">Correction</th>
                  <th className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sheet.punches.map((p) => (
                  <PunchRow
                    key={p.id}
                    punchId={p.id}
                    name={p.name}
                    timeZone={tz}
                    clockInAt={localInputValue(p.clockInAt, tz)}
                    clockOutAt={p.clockOutAt ? localInputValue(p.clockOutAt, tz) : ""}
                    cells={
                      <>
                        <td className="px-3 py-2 font-medium">{p.name}</td>
                        <td className="px-3 py-2 tabular-nums">{formatZonedDateTime(p.clockInAt, tz)}</td>
                        <td className="px-3 py-2 tabular-nums">
                          {p.clockOutAt ? (
                            formatZonedDateTime(p.clockOutAt, tz)
                          ) : (
                            <Badge tone="green">on the clock</Badge>
                          )}
                        </td>
                        <td className="px-3 py-2 text-right tabular-nums">{formatMinutes(p.unpaidBreakMinutes)}</td>
                        <td className="px-3 py-2 text-right tabular-nums font-semibold">
                          {formatMinutes(p.workedMinutes)}
                        </td>
                        <td className="px-3 py-2">
                          <FlagBadges flags={p.flags} />
                        </td>
                        <td className="max-w-64 px-3 py-2 text-gray-600">
                          {p.correction ? `${p.correction.by ?? "A manager"}: ${p.correction.reason}` : ""}
                        </td>
                      </>
                    }
                  />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>

      <Card title="Add a missed punch">
        <PunchForm staff={sheet.staff} timeZone={tz} />
      </Card>
    </div>
  );
}

function Summary({ sheet, money }: { sheet: Timesheet; money: (c: number | null) => string }) {
  if (sheet.rows.length === 0) return <EmptyState title="Nobody clocked in during this period" />;
  return (
    <Card title="Hours and labour cost">
      <ScrollRegion label="Hours per person" className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="timesheet-table">
          <thead className="text-gray-600">
            <tr>
              <th className="px-3 py-2">Who</th>
              <th className="px-3 py-2">Role</th>
              <th className="px-3 py-2 text-right">Punches</th>
              <th className="px-3 py-2 text-right">Worked</th>
              <th className="px-3 py-2 text-right">Regular</th>
              <th className="px-3 py-2 text-right">Overtime</th>
              <th className="px-3 py-2 text-right">Rate</th>
              <th className="px-3 py-2 text-right">Labour cost</th>
              <th className="px-3 py-2">Late / early</th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((r) => (
              <tr key={r.userId} className="border-t border-gray-100" data-testid="timesheet-row" data-email={r.email}>
                <td className="px-3 py-2 font-medium">{r.name}</td>
                <td className="px-3 py-2">{r.role.toLowerCase()}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.punches}</td>
                <td className="px-3 py-2 text-right tabular-nums font-semibold" data-testid="timesheet-worked">
                  {formatMinutes(r.workedMinutes)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatMinutes(r.regularMinutes)}</td>
                <td
                  className={`px-3 py-2 text-right tabular-nums ${r.overtimeMinutes ? "font-semibold text-amber-700" : ""}`}
                >
                  {formatMinutes(r.overtimeMinutes)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{money(r.hourlyRateCents)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{money(r.costCents)}</td>
                <td className="px-3 py-2">
                  <FlagCounts flags={r.flags} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-gray-300 font-semibold">
            <tr>
              <td className="px-3 py-2" colSpan={3}>
                Total
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMinutes(sheet.totals.workedMinutes)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMinutes(sheet.totals.regularMinutes)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMinutes(sheet.totals.overtimeMinutes)}</td>
              <td />
              <td className="px-3 py-2 text-right tabular-nums" data-testid="timesheet-total-cost">
                {money(sheet.totals.costCents)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <p className="mt-2 text-xs text-gray-600">
        Worked = punches minus unpaid breaks, to the nearest minute. Overtime is counted per week (Monday to Sunday,
        business days) and paid at 1.5 × the hourly rate; cost is rounded to the cent once per person per week.
        {sheet.totals.uncosted > 0 &&
          ` ${sheet.totals.uncosted} ${sheet.totals.uncosted === 1 ? "person has" : "people have"} no hourly rate and ${sheet.totals.uncosted === 1 ? "is" : "are"} not costed.`}
      </p>
    </Card>
  );
}

function FlagBadges({ flags }: { flags: PunchFlag[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {flags.map((f) => (
        <Badge key={f} tone="amber">
          {FLAG_LABELS[f]}
        </Badge>
      ))}
    </span>
  );
}

function FlagCounts({ flags }: { flags: Record<PunchFlag, number> }) {
  const set = (Object.keys(flags) as PunchFlag[]).filter((f) => flags[f] > 0);
  if (set.length === 0) return <span className="text-gray-500">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {set.map((f) => (
        <Badge key={f} tone="amber">
          {flags[f]} × {FLAG_LABELS[f]}
        </Badge>
      ))}
    </span>
  );
}
