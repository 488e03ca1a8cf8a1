import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { formatCents } from "@/lib/money";
import { getLabourReport, labourReportSchema } from "@/lib/reports/labour-report";
import { readReportQuery } from "@/lib/reports/report-page-query";
import { periodQuery } from "@/lib/reports/report-period";
import { formatMinutes } from "@/lib/timeclock/timesheet-math";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { FigureGrid } from "@/components/reports/figure-grid";
import { BarsWithRatioChart } from "@/components/charts/bars-with-ratio-chart";

export const metadata: Metadata = { title: "Labour" };

type Search = Record<string, string | string[] | undefined>;

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)} %`);
const th = "px-2 py-2";
const num = "px-2 py-2 text-right tabular-nums";
const ROLE_LABEL: Record<string, string> = {
  ADMIN: "Admin",
  MANAGER: "Manager",
  SERVER: "Server",
  CHEF: "Chef",
  CASHIER: "Cashier",
  HOST: "Host",
};

export default async function LabourPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("reports.money");
  const { query, error } = readReportQuery(labourReportSchema, await searchParams);
  const r = await getLabourReport(ctx, query);
  const money = (c: number | null) => (c === null ? "—" : formatCents(c, r.currency));
  const t = r.totals;
  const p = r.previous;
  const base = periodQuery(r.period, r.previous ? undefined : "none");
  const tab = (g: "day" | "role", text: string) => (
    <Link
      href={`/admin/reports/labour?${base}&groupBy=${g}`}
      aria-current={r.groupBy === g ? "page" : undefined}
      className={`inline-flex min-h-11 items-center rounded-lg border px-3 text-sm font-semibold ${r.groupBy === g ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white hover:bg-gray-50"}`}
    >
      {text}
    </Link>
  );
  const nothing = t.workedMinutes === 0 && t.scheduledMinutes === 0;
  return (
    <div className="space-y-5 print:space-y-3">
      <ReportToolbar
        title="Labour"
        path="/admin/reports/labour"
        csvPath="/api/v1/reports/labour"
        period={r.period}
        locationName={r.locationName}
        generatedAt={r.generatedAt}
        extra={{ groupBy: query.groupBy }}
        error={error}
      >
        <nav aria-label="Group labour by" className="flex gap-2 print:hidden">
          {tab("day", "By day")}
          {tab("role", "By role")}
        </nav>
      </ReportToolbar>

      <FigureGrid
        figures={[
          {
            label: "Hours worked",
            value: formatMinutes(t.workedMinutes),
            current: t.workedMinutes,
            previous: p?.workedMinutes ?? null,
            note: `${formatMinutes(t.scheduledMinutes)} scheduled`,
          },
          {
            label: "Labour cost",
            value: money(t.costCents),
            current: t.costCents,
            previous: p?.costCents ?? null,
            lowerIsBetter: true,
            note: t.uncostedMinutes ? `${formatMinutes(t.uncostedMinutes)} of staff without an hourly rate` : undefined,
          },
          { label: "Net sales", value: money(t.netSalesCents), current: t.netSalesCents, previous: p?.netSalesCents ?? null },
          {
            label: "Labour %",
            value: pct(t.labourPct),
            current: t.labourPct ?? undefined,
            previous: p?.labourPct ?? null,
            lowerIsBetter: true,
            strong: true,
          },
          {
            label: "Sales per labour hour",
            value: money(t.salesPerLabourHourCents),
            current: t.salesPerLabourHourCents ?? undefined,
            previous: p?.salesPerLabourHourCents ?? null,
            strong: true,
          },
        ]}
      />

      {nothing ? (
        <EmptyState title="No hours in this period">Hours show here once staff clock in on the time clock.</EmptyState>
      ) : (
        <>
          <Card title="Labour cost and sales by day">
            <BarsWithRatioChart
              data={r.days.map((d) => ({
                label: d.date.slice(5),
                a: d.costCents / 100,
                b: d.netSalesCents / 100,
                ratio: d.labourPct === null ? null : d.labourPct * 100,
              }))}
              series={["Labour cost", "Net sales", "Labour %"]}
              format={{ kind: "currency", currency: r.currency }}
              label="Labour cost and net sales by day, with labour % of sales"
            />
          </Card>
          {r.groupBy === "role" ? (
            <Card title="By role">
              <ScrollRegion label="Labour by role">
                <table className="w-full min-w-[44rem] text-left text-sm" data-testid="labour-table">
                  <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                    <tr>
                      {["Role", "People", "Scheduled", "Worked", "Labour cost", "Share of cost", "Labour %"].map((h, i) => (
                        <th key={h} scope="col" className={i ? num : th}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100">
                    {r.roles.map((x) => (
                      <tr key={x.role}>
                        <th scope="row" className={`${th} font-semibold`}>
                          {ROLE_LABEL[x.role] ?? x.role}
                        </th>
                        <td className={num}>{x.people}</td>
                        <td className={num}>{formatMinutes(x.scheduledMinutes)}</td>
                        <td className={num}>{formatMinutes(x.workedMinutes)}</td>
                        <td className={num}>{money(x.costCents)}</td>
                        <td className={num}>{pct(x.costShare)}</td>
                        <td className={num}>{pct(x.labourPct)}</td>
                      </tr>
                    ))}
                    <tr className="font-bold" data-testid="total-row">
                      <th scope="row" className={th}>
                        Total
                      </th>
                      <td className={num}>{r.roles.reduce((s, x) => s + x.people, 0)}</td>
                      <td className={num}>{formatMinutes(t.scheduledMinutes)}</td>
                      <td className={num}>{formatMinutes(t.workedMinutes)}</td>
                      <td className={num}>{money(t.costCents)}</td>
                      <td className={num}>{t.costCents ? "100.0 %" : "—"}</td>
                      <td className={num}>{pct(t.labourPct)}</td>
                    </tr>
                  </tbody>
                </table>
              </ScrollRegion>
            </Card>
          ) : (
            <Card title="By day">
              <ScrollRegion label="Labour by day">
                <table className="w-full min-w-[52rem] text-left text-sm" data-testid="labour-table">
                  <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                    <tr>
                      {["Day", "Scheduled", "Worked", "Labour cost", "Net sales", "Labour %", "Sales / labour hour"].map(
                        (h, i) => (
                          <th key={h} scope="col" className={i ? num : th}>
                            {h}
                          </th>
                        ),
                      )}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100">
                    {[...r.days.map((d) => ({ key: d.date, label: d.date, d })), { key: "total", label: "Total", d: t }].map(
                      ({ key, label, d }) => (
                        <tr key={key} className={key === "total" ? "font-bold" : undefined} data-testid={key === "total" ? "total-row" : undefined}>
                          <th scope="row" className={`${th} ${key === "total" ? "" : "font-semibold"}`}>
                            {label}
                          </th>
                          <td className={num}>{formatMinutes(d.scheduledMinutes)}</td>
                          <td className={num}>{formatMinutes(d.workedMinutes)}</td>
                          <td className={num}>{money(d.costCents)}</td>
                          <td className={num}>{money(d.netSalesCents)}</td>
                          <td className={num}>{pct(d.labourPct)}</td>
                          <td className={num}>{money(d.salesPerLabourHourCents)}</td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </ScrollRegion>
            </Card>
          )}
        </>
      )}
      <p className="text-xs text-gray-600">
        Hours: clock-in to clock-out minus unpaid breaks, on the business day of the clock-in. Cost: those hours at each
        person&apos;s hourly rate, straight time (overtime premiums are priced weekly on the timesheet); staff without a
        rate are counted in hours, not in cost. Net sales as on the end-of-day report: paid checks, after discounts and
        comps, before tax. Scheduled: shifts starting in the period.
      </p>
    </div>
  );
}
