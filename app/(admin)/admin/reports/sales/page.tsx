import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { formatCents } from "@/lib/money";
import { readReportQuery } from "@/lib/reports/report-page-query";
import { periodQuery } from "@/lib/reports/report-period";
import { getSalesReport, salesReportSchema } from "@/lib/reports/sales-report";
import { SALES_GROUPS, SALES_GROUP_LABEL, TIME_GROUPS } from "@/lib/reports/sales-groups";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { FigureGrid, type Figure } from "@/components/reports/figure-grid";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Sales report" };

type Search = Record<string, string | string[] | undefined>;

const PATH = "/admin/reports/sales";
const chip =
  "inline-flex min-h-11 items-center rounded-lg border px-3 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2";

export default async function SalesReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("reports.money");
  const { query, error } = readReportQuery(salesReportSchema, await searchParams);
  const r = await getSalesReport(ctx, query);
  const money = (c: number) => formatCents(c, r.currency);
  const t = r.total;
  const p = r.previousTotal;
  const fig = (label: string, cur: number, prev: number | undefined, value = money(cur), extra: Partial<Figure> = {}) => ({
    label,
    value,
    current: cur,
    previous: p ? prev : undefined,
    ...extra,
  });
  const figures: Figure[] = [
    fig("Gross sales", t.grossCents, p?.grossCents),
    fig("Discounts", t.discountCents, p?.discountCents, money(t.discountCents), { lowerIsBetter: true }),
    fig("Comps", t.compCents, p?.compCents, money(t.compCents), { lowerIsBetter: true }),
    fig("Net sales", t.netSalesCents, p?.netSalesCents, money(t.netSalesCents), { strong: true }),
    fig("Service charge", t.serviceChargeCents, p?.serviceChargeCents),
    ...(t.deliveryFeeCents || p?.deliveryFeeCents
      ? [fig("Delivery fees", t.deliveryFeeCents, p?.deliveryFeeCents)]
      : []),
    fig("Tax", t.taxCents, p?.taxCents),
    fig("Tips", t.tipsCents, p?.tipsCents),
    fig("Refunds", t.refundCents + t.refundTipCents, p ? p.refundCents + p.refundTipCents : undefined, undefined, {
      lowerIsBetter: true,
      note: `${t.refunds} refund(s)`,
    }),
    fig("Voids", t.voidCents, p?.voidCents, money(t.voidCents), { lowerIsBetter: true, note: `${t.voids} line(s)` }),
    fig("Covers", t.covers, p?.covers, String(t.covers)),
    fig("Checks", t.checks, p?.checks, String(t.checks)),
    fig("Average check", t.averageCheckCents, p?.averageCheckCents),
    fig("Average per cover", t.averageCoverCents, p?.averageCoverCents),
  ];
  const period = periodQuery(r.period, r.period.previous ? undefined : "none");
  const compared = r.rows.some((g) => g.previousNetSalesCents !== null);
  const timeChart = TIME_GROUPS.includes(r.groupBy) && compared;
  const nothing = t.checks === 0 && t.openChecks === 0 && t.voids === 0 && t.refunds === 0;
  const headers = ["Checks", "Covers", "Gross", "Discounts", "Comps", "Net sales", "Tax", "Tips", "Refunds", "Voids", "Avg check", "Open due"];
  const cells = (d: (typeof r.rows)[number] | typeof t) => [
    d.checks,
    d.covers,
    money(d.grossCents),
    money(d.discountCents),
    money(d.compCents),
    money(d.netSalesCents),
    money(d.taxCents),
    money(d.tipsCents),
    money(d.refundCents + d.refundTipCents),
    money(d.voidCents),
    money(d.averageCheckCents),
    money(d.openDueCents),
  ];
  return (
    <div className="space-y-5 print:space-y-3">
      <ReportToolbar
        title="Sales"
        path={PATH}
        csvPath="/api/v1/reports/sales"
        period={r.period}
        locationName={r.locationName}
        generatedAt={r.generatedAt}
        extra={{ groupBy: r.groupBy }}
        error={error}
      >
        <nav aria-label="Group by" className="flex flex-wrap items-center gap-2 print:hidden">
          <span className="text-sm font-medium text-gray-700">Group by</span>
          {SALES_GROUPS.map((g) => {
            const active = g === r.groupBy;
            return (
              <Link
                key={g}
                href={`${PATH}?${period}&groupBy=${g}`}
                aria-current={active ? "page" : undefined}
                data-testid={`group-${g}`}
                className={`${chip} ${active ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white hover:bg-gray-50"}`}
              >
                {SALES_GROUP_LABEL[g]}
              </Link>
            );
          })}
        </nav>
      </ReportToolbar>

      {nothing ? (
        <EmptyState title="No sales in this period">Checks paid in these business days will show here.</EmptyState>
      ) : (
        <>
          <FigureGrid figures={figures} />
          <p className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="sales-open">
            <span className="font-semibold">Still open (not in the figures above):</span> {t.openChecks} order(s) opened in
            this period still owe <span className="font-semibold tabular-nums">{money(t.openDueCents)}</span>.
          </p>

          <Card title={`Net sales by ${r.groupLabel.toLowerCase()}`}>
            <div data-testid="sales-chart">
              {timeChart ? (
                <ComparisonBarChart
                  data={r.rows.map((g) => ({ label: g.label, a: g.netSalesCents / 100, b: (g.previousNetSalesCents ?? 0) / 100 }))}
                  series={["This period", "Previous period"]}
                  format={{ kind: "currency", currency: r.currency }}
                  label={`Net sales by ${r.groupLabel.toLowerCase()}, this period and the previous one`}
                />
              ) : (
                <HorizontalBarChart
                  data={r.rows.map((g) => ({ label: g.label, value: g.netSalesCents / 100 }))}
                  format={{ kind: "currency", currency: r.currency }}
                  label={`Net sales by ${r.groupLabel.toLowerCase()}`}
                  empty="No net sales in this period."
                />
              )}
            </div>
            <ScrollRegion label={`Sales by ${r.groupLabel.toLowerCase()}`} className="mt-4 overflow-x-auto">
              <table className="w-full min-w-[64rem] whitespace-nowrap text-left text-sm" data-testid="sales-rows">
                <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                  <tr>
                    <th scope="col" className="px-2 py-2">
                      {r.groupLabel}
                    </th>
                    {headers.map((h) => (
                      <th key={h} scope="col" className="px-2 py-2 text-right">
                        {h}
                      </th>
                    ))}
                    {compared && (
                      <th scope="col" className="px-2 py-2 text-right">
                        Previous net
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {r.rows.map((g) => (
                    <tr key={g.key}>
                      <th scope="row" className="px-2 py-2 font-semibold">
                        {g.label}
                      </th>
                      {cells(g).map((c, i) => (
                        <td key={headers[i]} className={`px-2 py-2 text-right tabular-nums ${i === 5 ? "font-semibold" : ""}`}>
                          {c}
                        </td>
                      ))}
                      {compared && (
                        <td className="px-2 py-2 text-right tabular-nums text-gray-600">
                          {g.previousNetSalesCents === null ? "—" : money(g.previousNetSalesCents)}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
                <tfoot className="border-t-2 border-gray-900 font-bold">
                  <tr data-testid="sales-total">
                    <th scope="row" className="px-2 py-2">
                      Total
                    </th>
                    {cells(t).map((c, i) => (
                      <td key={headers[i]} className="px-2 py-2 text-right tabular-nums">
                        {c}
                      </td>
                    ))}
                    {compared && <td className="px-2 py-2 text-right tabular-nums">{p ? money(p.netSalesCents) : "—"}</td>}
                  </tr>
                </tfoot>
              </table>
            </ScrollRegion>
          </Card>
        </>
      )}
      <p className="text-xs text-gray-600">
        Money on paid checks, counted as the end-of-day report does: net sales = gross − discounts − comps (before
        service charge and tax), by the business day a check was paid; tips and payments by the time they were taken,
        refunds and voids by when they happened. Hours and dayparts are those of when the order was opened;
        {r.dayparts === "fixed" &&
          " this location has no service periods, so dayparts are fixed windows: breakfast before 11:00, lunch 11–16, dinner 16–22, late from 22:00."}
        {r.dayparts === "service-periods" &&
          " dayparts are the location's service periods (orders opened outside them: other hours)."}{" "}
        Area is the table&apos;s floor area. Days and weeks are compared with the same position in the previous period.
      </p>
    </div>
  );
}
