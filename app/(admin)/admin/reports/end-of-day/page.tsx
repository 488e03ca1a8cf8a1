import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { formatCents } from "@/lib/money";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { endOfDaySchema, getEndOfDay } from "@/lib/reports/end-of-day";
import { TENDER_LABEL } from "@/lib/reports/end-of-day-math";
import { readReportQuery } from "@/lib/reports/report-page-query";
import { varianceWords } from "@/lib/cash/drawer-math";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { DonutChart } from "@/components/charts/donut-chart";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { FigureGrid, type Figure } from "@/components/reports/figure-grid";

export const metadata: Metadata = { title: "End of day" };

type Search = Record<string, string | string[] | undefined>;

const linkButton =
  "inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50 print:hidden";

export default async function EndOfDayPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("reports.money");
  // A bad date shows its message and today's report instead of failing the page.
  const { query, error } = readReportQuery(endOfDaySchema, await searchParams);
  const r = await getEndOfDay(ctx, query);
  const money = (c: number | null) => (c === null ? "—" : formatCents(c, r.currency));
  const minus = (c: number) => (c === 0 ? money(0) : `−${money(c)}`);
  const t = r.total;
  const p = r.previousTotal;
  const single = r.from === r.to;
  const fig = (label: string, cur: number, prev: number | undefined, value: string, extra: Partial<Figure> = {}) => ({
    label,
    value,
    current: cur,
    previous: p ? prev : undefined,
    ...extra,
  });
  const figures: Figure[] = [
    fig("Gross sales", t.grossCents, p?.grossCents, money(t.grossCents), { note: "Items on paid checks" }),
    fig("Discounts", t.discountCents, p?.discountCents, minus(t.discountCents), { lowerIsBetter: true }),
    fig("Comps", t.compCents, p?.compCents, minus(t.compCents), { lowerIsBetter: true }),
    fig("Net sales", t.netSalesCents, p?.netSalesCents, money(t.netSalesCents), { strong: true }),
    fig("Service charge", t.serviceChargeCents, p?.serviceChargeCents, money(t.serviceChargeCents)),
    ...(t.deliveryFeeCents || p?.deliveryFeeCents
      ? [fig("Delivery fees", t.deliveryFeeCents, p?.deliveryFeeCents, money(t.deliveryFeeCents))]
      : []),
    fig("Tax", t.taxCents, p?.taxCents, money(t.taxCents)),
    fig("Tips", t.tipsCents, p?.tipsCents, money(t.tipsCents)),
    fig(
      "Refunds",
      t.refundCents + t.refundTipCents,
      p ? p.refundCents + p.refundTipCents : undefined,
      money(t.refundCents + t.refundTipCents),
      { lowerIsBetter: true, note: `${t.refunds} refund(s)` },
    ),
    fig("Voids", t.voidCents, p?.voidCents, money(t.voidCents), { lowerIsBetter: true, note: `${t.voids} line(s) voided` }),
    fig("Paid checks", t.checks, p?.checks, String(t.checks)),
    fig("Covers", t.covers, p?.covers, String(t.covers)),
    fig("Average check", t.averageCheckCents, p?.averageCheckCents, money(t.averageCheckCents), {
      note: `${money(t.averageCoverCents)} per cover`,
    }),
    {
      label: "Open checks remaining",
      value: money(t.openDueCents),
      note: `${t.openChecks} order(s) opened in the period still owe`,
    },
  ];
  return (
    <div className="space-y-5 print:space-y-3">
      <ReportToolbar
        title={`End of day (Z report) · ${single ? r.from : `${r.from} to ${r.to}`}`}
        path="/admin/reports/end-of-day"
        csvPath="/api/v1/reports/end-of-day"
        period={r.period}
        locationName={r.locationName}
        generatedAt={r.generatedAt}
        presets={["today", "yesterday"]}
        singleDay
        error={error}
      >
        <Link href="/admin/cash" className={linkButton}>
          Cash drawers
        </Link>
      </ReportToolbar>

      <FigureGrid figures={figures} testId="z-figures" />

      {!single && (
        <Card title="By day">
          <div className="print:hidden">
            <ComparisonBarChart
              data={r.days.map((d) => ({ label: d.date.slice(5), a: d.netSalesCents / 100, b: d.tipsCents / 100 }))}
              series={["Net sales", "Tips"]}
              format={{ kind: "currency", currency: r.currency }}
              label="Net sales and tips by day"
            />
          </div>
          <ScrollRegion label="Figures by day">
            <table className="w-full min-w-[56rem] text-left text-sm" data-testid="z-days">
              <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                <tr>
                  {["Day", "Checks", "Covers", "Gross", "Discounts", "Comps", "Net", "Tax", "Tips", "Refunds", "Open due"].map(
                    (h, i) => (
                      <th key={h} scope="col" className={`px-2 py-2 ${i ? "text-right" : ""}`}>
                        {h}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {r.days.map((d) => (
                  <tr key={d.date}>
                    <th scope="row" className="px-2 py-2 font-semibold">
                      <Link href={`/admin/reports/end-of-day?date=${d.date}`} className="underline">
                        {d.date}
                      </Link>
                    </th>
                    <td className="px-2 py-2 text-right tabular-nums">{d.checks}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{d.covers}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{money(d.grossCents)}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{money(d.discountCents)}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{money(d.compCents)}</td>
                    <td className="px-2 py-2 text-right font-semibold tabular-nums">{money(d.netSalesCents)}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{money(d.taxCents)}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{money(d.tipsCents)}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{money(d.refundCents + d.refundTipCents)}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{money(d.openDueCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
      )}

      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
        <Card title="Payments by tender">
          <table className="w-full text-left text-sm" data-testid="z-tenders">
            <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
              <tr>
                <th scope="col" className="py-2">
                  Tender
                </th>
                <th scope="col" className="py-2 text-right">
                  Payments
                </th>
                <th scope="col" className="py-2 text-right">
                  Amount
                </th>
                <th scope="col" className="py-2 text-right">
                  Tips
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {r.tenders.map((x) => (
                <tr key={x.tender}>
                  <th scope="row" className="py-2 font-semibold">
                    {TENDER_LABEL[x.tender]}
                  </th>
                  <td className="py-2 text-right tabular-nums">{x.count}</td>
                  <td className="py-2 text-right tabular-nums">{money(x.amountCents)}</td>
                  <td className="py-2 text-right tabular-nums">{money(x.tipCents)}</td>
                </tr>
              ))}
              <tr className="font-bold">
                <th scope="row" className="py-2">
                  Total
                </th>
                <td className="py-2 text-right tabular-nums">{r.tenders.reduce((s, x) => s + x.count, 0)}</td>
                <td className="py-2 text-right tabular-nums">{money(t.paymentsCents)}</td>
                <td className="py-2 text-right tabular-nums">{money(t.tipsCents)}</td>
              </tr>
            </tbody>
          </table>
          <div className="print:hidden">
            <DonutChart
              data={r.tenders.map((x) => ({ label: TENDER_LABEL[x.tender], value: x.amountCents / 100 }))}
              format={{ kind: "currency", currency: r.currency }}
              label="Payments by tender"
              empty="No payments in this period."
            />
          </div>
        </Card>

        <Card title="Tips by server">
          {r.tipsByServer.length === 0 ? (
            <p className="text-gray-600">No tips in this period.</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="z-tips">
              <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                <tr>
                  <th scope="col" className="py-2">
                    Server
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Tipped payments
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Tips
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {r.tipsByServer.map((s) => (
                  <tr key={s.serverId ?? "none"}>
                    <th scope="row" className="py-2 font-semibold">
                      {s.name}
                    </th>
                    <td className="py-2 text-right tabular-nums">{s.payments}</td>
                    <td className="py-2 text-right tabular-nums">{money(s.tipCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>

      <Card title="Cash drawers">
        {r.drawers.length === 0 ? (
          <EmptyState title="No drawer was opened in this period" />
        ) : (
          <table className="w-full text-left text-sm" data-testid="z-drawers">
            <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
              <tr>
                {["Drawer", "Opened", "Float", "Expected", "Counted", "Variance"].map((h, i) => (
                  <th key={h} scope="col" className={`py-2 ${i > 1 ? "text-right" : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {r.drawers.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="py-2 font-semibold">
                    {d.name}
                    {d.status === "OPEN" && <span className="ml-2 text-xs font-normal text-gray-600">(still open)</span>}
                  </th>
                  <td className="py-2">
                    {formatZonedDateTime(d.openedAt, r.timeZone)} · {d.openedBy}
                  </td>
                  <td className="py-2 text-right tabular-nums">{money(d.openingFloatCents)}</td>
                  <td className="py-2 text-right tabular-nums">{money(d.expectedCents)}</td>
                  <td className="py-2 text-right tabular-nums">{money(d.countedCents)}</td>
                  <td className={`py-2 text-right font-semibold tabular-nums ${d.varianceCents ? "text-red-700" : ""}`}>
                    {d.varianceCents === null ? "—" : varianceWords(d.varianceCents, (c) => formatCents(c, r.currency))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {r.driverCash.length > 0 && (
        <Card title="Drivers' cash (delivery)">
          <table className="w-full text-left text-sm" data-testid="z-driver-cash">
            <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
              <tr>
                {["Driver", "Shift", "Cash taken", "Card", "Counted", "Variance"].map((h, i) => (
                  <th key={h} scope="col" className={`py-2 ${i > 1 ? "text-right" : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {r.driverCash.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="py-2 font-semibold">
                    {d.driver}
                    {!d.reconciled && <span className="ml-2 text-xs font-normal text-gray-600">(not counted yet)</span>}
                  </th>
                  <td className="py-2">
                    {formatZonedDateTime(d.startedAt, r.timeZone)}
                    {d.endedAt ? ` – ${formatZonedDateTime(d.endedAt, r.timeZone)}` : " · on duty"}
                  </td>
                  <td className="py-2 text-right tabular-nums">{money(d.collectedCents)}</td>
                  <td className="py-2 text-right tabular-nums">{money(d.cardCents)}</td>
                  <td className="py-2 text-right tabular-nums">{money(d.countedCents)}</td>
                  <td className={`py-2 text-right font-semibold tabular-nums ${d.varianceCents ? "text-red-700" : ""}`}>
                    {d.varianceCents === null ? "—" : varianceWords(d.varianceCents, (c) => formatCents(c, r.currency))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <p className="text-xs text-gray-600">
        Net sales = gross − discounts − comps (before service charge and tax). Sales count checks by the time they were
        paid; payments, tips and refunds by the time they were taken; voids by the time they were voided.
      </p>
    </div>
  );
}
