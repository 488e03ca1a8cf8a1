import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/money";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { getEndOfDay } from "@/lib/reports/end-of-day";
import { TENDER_LABEL } from "@/lib/reports/end-of-day-math";
import { varianceWords } from "@/lib/cash/drawer-math";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { inputClass } from "@/components/admin/form-field";
import { DonutChart } from "@/components/charts/donut-chart";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { PrintButton } from "./_components/print-button";

export const metadata: Metadata = { title: "End of day" };

type Search = { date?: string; from?: string; to?: string };

const linkButton =
  "inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50 print:hidden";

export default async function EndOfDayPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("reports.money");
  const sp = await searchParams;
  const asked = { date: sp.date || undefined, from: sp.from || undefined, to: sp.to || undefined };
  // A bad date shows its message and today's report instead of failing the page.
  const { r, dateError } = await getEndOfDay(ctx, asked).then(
    (r) => ({ r, dateError: null as string | null }),
    async (e: unknown) => {
      if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
      const message =
        Object.values(e.fieldErrors ?? {})
          .flat()
          .join(" ") || e.message;
      return { r: await getEndOfDay(ctx, {}), dateError: message };
    },
  );
  const money = (c: number | null) => (c === null ? "—" : formatCents(c, r.currency));
  const minus = (c: number) => (c === 0 ? money(0) : `−${money(c)}`);
  const t = r.total;
  const single = r.from === r.to;
  const period = single ? `date=${r.from}` : `from=${r.from}&to=${r.to}`;
  const cutoff = `${String(r.businessDayCutoffHour).padStart(2, "0")}:00`;
  const figures: { label: string; value: string; strong?: boolean; note?: string }[] = [
    { label: "Gross sales", value: money(t.grossCents), note: "Items on paid checks" },
    { label: "Discounts", value: minus(t.discountCents) },
    { label: "Comps", value: minus(t.compCents) },
    { label: "Net sales", value: money(t.netSalesCents), strong: true },
    { label: "Service charge", value: money(t.serviceChargeCents) },
    { label: "Tax", value: money(t.taxCents) },
    { label: "Tips", value: money(t.tipsCents) },
    { label: "Refunds", value: money(t.refundCents + t.refundTipCents), note: `${t.refunds} refund(s)` },
    { label: "Voids", value: money(t.voidCents), note: `${t.voids} line(s) voided` },
    { label: "Paid checks", value: String(t.checks) },
    { label: "Covers", value: String(t.covers) },
    { label: "Average check", value: money(t.averageCheckCents), note: `${money(t.averageCoverCents)} per cover` },
    {
      label: "Open checks remaining",
      value: money(t.openDueCents),
      note: `${t.openChecks} order(s) opened in the period still owe`,
    },
  ];
  return (
    <div className="space-y-5 print:space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">
            End of day (Z report) · {single ? r.from : `${r.from} to ${r.to}`}
          </h1>
          <p className="text-gray-600" data-testid="report-period">
            {r.locationName} · business day {cutoff} to {cutoff} ({r.timeZone}) · printed{" "}
            {formatZonedDateTime(r.generatedAt, r.timeZone)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <PrintButton />
          <a
            href={`/api/v1/reports/end-of-day?${period}&format=csv`}
            className="inline-flex min-h-11 items-center rounded-lg bg-gray-900 px-4 font-semibold text-white hover:bg-gray-800"
            data-testid="report-csv"
          >
            Download CSV
          </a>
        </div>
      </div>

      <div className="flex flex-wrap items-end gap-4 print:hidden">
        <form method="get" className="flex items-end gap-2" aria-label="One business day">
          <div>
            <label htmlFor="date" className="mb-1 block text-sm font-medium">
              Business day
            </label>
            <input id="date" name="date" type="date" defaultValue={single ? r.from : ""} className={inputClass} />
          </div>
          <Button type="submit">Show day</Button>
        </form>
        <form method="get" className="flex items-end gap-2" aria-label="Several days">
          <div>
            <label htmlFor="from" className="mb-1 block text-sm font-medium">
              From
            </label>
            <input id="from" name="from" type="date" defaultValue={single ? "" : r.from} className={inputClass} />
          </div>
          <div>
            <label htmlFor="to" className="mb-1 block text-sm font-medium">
              To
            </label>
            <input id="to" name="to" type="date" defaultValue={single ? "" : r.to} className={inputClass} />
          </div>
          <Button type="submit" variant="secondary">
            Show days
          </Button>
        </form>
        <Link href="/admin/reports/end-of-day" className={linkButton}>
          Today
        </Link>
        <Link href="/admin/cash" className={linkButton}>
          Cash drawers
        </Link>
      </div>
      {dateError && (
        <p role="alert" className="font-medium text-red-700">
          {dateError} Showing today instead.
        </p>
      )}

      <dl
        className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-5 print:grid-cols-4 print:gap-2"
        data-testid="z-figures"
      >
        {figures.map((f) => (
          <div
            key={f.label}
            className={`rounded-xl border bg-white p-4 print:p-2 ${f.strong ? "border-gray-900" : "border-gray-200"}`}
          >
            <dt className="text-sm text-gray-600">{f.label}</dt>
            <dd className="text-2xl font-bold tabular-nums" data-figure={f.label}>
              {f.value}
            </dd>
            {f.note && <dd className="text-xs text-gray-600">{f.note}</dd>}
          </div>
        ))}
      </dl>

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
      <p className="text-xs text-gray-600">
        Net sales = gross − discounts − comps (before service charge and tax). Sales count checks by the time they were
        paid; payments, tips and refunds by the time they were taken; voids by the time they were voided.
      </p>
    </div>
  );
}
