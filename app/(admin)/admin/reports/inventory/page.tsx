import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { formatCents } from "@/lib/money";
import { toMilli } from "@/lib/inventory/quantity";
import { formatQuantity, type BaseUnitCode } from "@/lib/inventory/units";
import { getInventoryReport, inventoryReportSchema, type InventoryView } from "@/lib/reports/inventory-report";
import { readReportQuery } from "@/lib/reports/report-page-query";
import { periodQuery } from "@/lib/reports/report-period";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/admin/form-field";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { FigureGrid } from "@/components/reports/figure-grid";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { DonutChart } from "@/components/charts/donut-chart";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { PriceLineChart } from "@/components/charts/price-line-chart";

export const metadata: Metadata = { title: "Inventory report" };

type Search = Record<string, string | string[] | undefined>;

const VIEWS: { key: InventoryView; label: string }[] = [
  { key: "turnover", label: "Turnover & days on hand" },
  { key: "usage", label: "Theoretical vs actual" },
  { key: "waste", label: "Waste" },
  { key: "prices", label: "Purchase prices" },
];
const th = "px-2 py-2";
const num = "px-2 py-2 text-right tabular-nums";
const q = (v: string, unit: string) => formatQuantity(toMilli(v), unit as BaseUnitCode);
const reasonLabel = (r: string) => r.charAt(0) + r.slice(1).toLowerCase().replaceAll("_", " ");

function Head({ cells, left = 1 }: { cells: string[]; left?: number }) {
  return (
    <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
      <tr>
        {cells.map((h, i) => (
          <th key={h} scope="col" className={i < left ? th : num}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export default async function InventoryReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("reports.money");
  const { query, error } = readReportQuery(inventoryReportSchema, await searchParams);
  const r = await getInventoryReport(ctx, query);
  const money = (c: number) => formatCents(c, r.currency);
  const fmt = { kind: "currency" as const, currency: r.currency };
  const t = r.totals;
  const p = r.previous;
  const base = periodQuery(r.period, r.previous ? undefined : "none");
  const chartSeries = r.prices.summary
    .filter((s) => s.ingredientId === r.prices.chartIngredientId)
    .map((s) => ({
      name: s.supplier,
      points: r.prices.receipts
        .filter((x) => x.ingredientId === s.ingredientId && x.supplierId === s.supplierId)
        .map((x) => ({ at: new Date(x.at).toISOString(), cost: x.unitCostCents / 100 })),
    }));
  const chartName = r.prices.ingredients.find((i) => i.id === r.prices.chartIngredientId)?.name;
  return (
    <div className="space-y-5 print:space-y-3">
      <ReportToolbar
        title="Inventory"
        path="/admin/reports/inventory"
        csvPath="/api/v1/reports/inventory"
        period={r.period}
        locationName={r.locationName}
        generatedAt={r.generatedAt}
        extra={{ view: query.view, ingredientId: query.ingredientId }}
        error={error}
      >
        <nav aria-label="Inventory views" className="flex flex-wrap gap-2 print:hidden">
          {VIEWS.map((v) => (
            <Link
              key={v.key}
              href={`/admin/reports/inventory?${base}&view=${v.key}`}
              aria-current={r.view === v.key ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-lg border px-3 text-sm font-semibold ${r.view === v.key ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white hover:bg-gray-50"}`}
            >
              {v.label}
            </Link>
          ))}
          <Link
            href="/admin/inventory/reports"
            className="inline-flex min-h-11 items-center px-3 text-sm font-semibold underline"
          >
            Stock valuation now
          </Link>
        </nav>
      </ReportToolbar>

      <FigureGrid
        figures={[
          {
            label: "Actual usage",
            value: money(t.actualCents),
            current: t.actualCents,
            previous: p?.actualCents ?? null,
            strong: true,
            note: "Sales + waste + count losses",
          },
          {
            label: "Theoretical usage",
            value: money(t.theoreticalCents),
            current: t.theoreticalCents,
            previous: p?.theoreticalCents ?? null,
            note: "What recipes say sales used",
          },
          {
            label: "Variance",
            value: money(t.varianceCents),
            current: t.varianceCents,
            previous: p?.varianceCents ?? null,
            lowerIsBetter: true,
          },
          { label: "Waste", value: money(t.wasteCents), current: t.wasteCents, previous: p?.wasteCents ?? null, lowerIsBetter: true },
          {
            label: "Purchases received",
            value: money(t.purchasesCents),
            current: t.purchasesCents,
            previous: p?.purchasesCents ?? null,
            note: "At the prices paid",
          },
        ]}
      />

      {r.view === "turnover" &&
        (r.turnover.rows.length === 0 ? (
          <EmptyState title="No stock movements in this period" />
        ) : (
          <Card title="Turnover and days on hand">
            <HorizontalBarChart
              data={r.turnover.rows
                .filter((x) => x.turnover !== null)
                .slice(0, 12)
                .map((x) => ({ label: x.name, value: x.turnover ?? 0 }))}
              format={{ kind: "number", unit: "×" }}
              label="Stock turnover in the period, top 12 ingredients by usage"
              empty="No usage in this period."
            />
            <ScrollRegion label="Turnover by ingredient" className="mt-3">
              <table className="w-full min-w-[56rem] text-left text-sm" data-testid="inventory-table">
                <Head cells={["Ingredient", "Opening", "Closing", "Used", "Usage cost", "Average stock", "Turnover", "Days on hand"]} />
                <tbody className="divide-y divide-gray-100">
                  {r.turnover.rows.map((x) => (
                    <tr key={x.id}>
                      <th scope="row" className={`${th} font-semibold`}>
                        {x.name}
                      </th>
                      <td className={num}>{q(x.opening, x.baseUnit)}</td>
                      <td className={num}>{q(x.closing, x.baseUnit)}</td>
                      <td className={num}>{q(x.used, x.baseUnit)}</td>
                      <td className={num}>{money(x.usageCents)}</td>
                      <td className={num}>{money(x.averageValueCents)}</td>
                      <td className={num}>{x.turnover === null ? "—" : `${x.turnover.toFixed(2)}×`}</td>
                      <td className={num}>{x.daysOnHand === null ? "no usage" : x.daysOnHand.toFixed(1)}</td>
                    </tr>
                  ))}
                  <tr className="font-bold" data-testid="total-row">
                    <th scope="row" className={th}>
                      Total
                    </th>
                    <td className={num} />
                    <td className={num}>{money(r.turnover.totals.closingValueCents)}</td>
                    <td className={num} />
                    <td className={num}>{money(r.turnover.totals.usageCents)}</td>
                    <td className={num}>{money(r.turnover.totals.averageValueCents)}</td>
                    <td className={num}>
                      {r.turnover.totals.turnover === null ? "—" : `${r.turnover.totals.turnover.toFixed(2)}×`}
                    </td>
                    <td className={num}>{r.turnover.totals.daysOnHand?.toFixed(1) ?? "—"}</td>
                  </tr>
                </tbody>
              </table>
            </ScrollRegion>
            <p className="mt-2 text-xs text-gray-600">
              Turnover = usage cost ÷ average stock value ((opening + closing) ÷ 2). Days on hand = closing stock ÷ average
              daily usage in the period. Values at current unit costs.
            </p>
          </Card>
        ))}

      {r.view === "usage" &&
        (r.usage.rows.length === 0 ? (
          <EmptyState title="No usage in this period" />
        ) : (
          <Card title="Theoretical vs actual usage">
            <ComparisonBarChart
              data={r.usage.rows.slice(0, 12).map((x) => ({ label: x.name, a: x.theoreticalCents / 100, b: x.actualCents / 100 }))}
              series={["Theoretical (from sales)", "Actual (sales + waste + count losses)"]}
              format={fmt}
              label="Theoretical versus actual usage by ingredient"
            />
            <ScrollRegion label="Usage by ingredient" className="mt-3">
              <table className="w-full min-w-[52rem] text-left text-sm" data-testid="inventory-table">
                <Head cells={["Ingredient", "From sales", "Waste", "Count losses", "Actual", "Theoretical cost", "Actual cost", "Variance"]} />
                <tbody className="divide-y divide-gray-100">
                  {r.usage.rows.map((x) => (
                    <tr key={x.id}>
                      <th scope="row" className={`${th} font-semibold`}>
                        {x.name}
                      </th>
                      <td className={num}>{q(x.theoretical, x.baseUnit)}</td>
                      <td className={num}>{q(x.waste, x.baseUnit)}</td>
                      <td className={num}>{q(x.unexplained, x.baseUnit)}</td>
                      <td className={num}>{q(x.actual, x.baseUnit)}</td>
                      <td className={num}>{money(x.theoreticalCents)}</td>
                      <td className={num}>{money(x.actualCents)}</td>
                      <td className={`${num} ${x.varianceCents > 0 ? "text-red-700" : ""}`}>
                        {money(x.varianceCents)}
                        {x.variancePct !== null && ` (${x.variancePct} %)`}
                      </td>
                    </tr>
                  ))}
                  <tr className="font-bold" data-testid="total-row">
                    <th scope="row" className={th} colSpan={5}>
                      Total
                    </th>
                    <td className={num}>{money(r.usage.totals.theoreticalCents)}</td>
                    <td className={num}>{money(r.usage.totals.actualCents)}</td>
                    <td className={num}>{money(r.usage.totals.varianceCents)}</td>
                  </tr>
                </tbody>
              </table>
            </ScrollRegion>
          </Card>
        ))}

      {r.view === "waste" &&
        (r.waste.lines.length === 0 ? (
          <EmptyState title="No waste logged in this period" />
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <Card title="Waste by reason">
              <DonutChart
                data={r.waste.byReason.map((x) => ({ label: reasonLabel(x.reason), value: x.valueCents / 100 }))}
                format={fmt}
                label="Waste by reason"
                empty="No waste logged in this period."
              />
              <table className="mt-3 w-full text-left text-sm" data-testid="waste-reasons">
                <Head cells={["Reason", "Value", "Share"]} />
                <tbody className="divide-y divide-gray-100">
                  {r.waste.byReason.map((x) => (
                    <tr key={x.reason}>
                      <th scope="row" className={`${th} font-semibold`}>
                        {reasonLabel(x.reason)}
                      </th>
                      <td className={num}>{money(x.valueCents)}</td>
                      <td className={num}>
                        {r.waste.totalCents ? `${((x.valueCents / r.waste.totalCents) * 100).toFixed(1)} %` : "—"}
                      </td>
                    </tr>
                  ))}
                  <tr className="font-bold" data-testid="total-row">
                    <th scope="row" className={th}>
                      Total
                    </th>
                    <td className={num}>{money(r.waste.totalCents)}</td>
                    <td className={num}>100.0 %</td>
                  </tr>
                </tbody>
              </table>
            </Card>
            <Card title="Most wasted ingredients">
              <ScrollRegion label="Waste by ingredient">
                <table className="w-full text-left text-sm" data-testid="inventory-table">
                  <Head cells={["Ingredient", "Quantity", "Entries", "Value"]} />
                  <tbody className="divide-y divide-gray-100">
                    {r.waste.ingredients.map((x) => (
                      <tr key={x.id}>
                        <th scope="row" className={`${th} font-semibold`}>
                          {x.name}
                        </th>
                        <td className={num}>{q(x.quantity, x.baseUnit)}</td>
                        <td className={num}>{x.entries}</td>
                        <td className={num}>{money(x.valueCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </Card>
          </div>
        ))}

      {r.view === "prices" &&
        (r.prices.receipts.length === 0 ? (
          <EmptyState title="No purchase orders received in this period">
            Unit costs appear here as deliveries are received against purchase orders.
          </EmptyState>
        ) : (
          <>
            <Card title={`Unit cost paid${chartName ? ` · ${chartName}` : ""}`}>
              <form method="get" className="mb-3 flex flex-wrap items-end gap-2 print:hidden" aria-label="Price history ingredient">
                {Object.entries(Object.fromEntries(new URLSearchParams(base))).map(([k, v]) => (
                  <input key={k} type="hidden" name={k} value={v} />
                ))}
                <input type="hidden" name="view" value="prices" />
                <label className="text-sm font-medium">
                  Ingredient
                  <select
                    name="ingredientId"
                    defaultValue={r.prices.chartIngredientId ?? ""}
                    className={`${inputClass} block`}
                  >
                    {r.prices.ingredients.map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.name}
                      </option>
                    ))}
                  </select>
                </label>
                <Button type="submit" variant="secondary">
                  Show
                </Button>
              </form>
              <PriceLineChart series={chartSeries} currency={r.currency} label={`Unit cost paid for ${chartName ?? "the ingredient"} by supplier`} />
            </Card>
            <Card title="Prices by ingredient and supplier">
              <ScrollRegion label="Purchase prices">
                <table className="w-full min-w-[52rem] text-left text-sm" data-testid="inventory-table">
                  <Head cells={["Ingredient", "Supplier", "Receipts", "First", "Last", "Change", "Low", "High", "Received"]} left={2} />
                  <tbody className="divide-y divide-gray-100">
                    {r.prices.summary.map((x) => (
                      <tr key={`${x.ingredientId}-${x.supplierId}`}>
                        <th scope="row" className={`${th} font-semibold`}>
                          {x.ingredient}
                          <span className="block text-xs font-normal text-gray-500">per {x.purchaseUnit}</span>
                        </th>
                        <td className={th}>{x.supplier}</td>
                        <td className={num}>{x.receipts}</td>
                        <td className={num}>{money(x.firstCents)}</td>
                        <td className={num}>{money(x.lastCents)}</td>
                        <td className={`${num} ${x.change && x.change > 0 ? "text-red-700" : ""}`}>
                          {x.change === null ? "—" : `${x.change > 0 ? "+" : ""}${(x.change * 100).toFixed(1)} %`}
                        </td>
                        <td className={num}>{money(x.minCents)}</td>
                        <td className={num}>{money(x.maxCents)}</td>
                        <td className={num}>{money(x.valueCents)}</td>
                      </tr>
                    ))}
                    <tr className="font-bold" data-testid="total-row">
                      <th scope="row" className={th} colSpan={8}>
                        Total received
                      </th>
                      <td className={num}>{money(t.purchasesCents)}</td>
                    </tr>
                  </tbody>
                </table>
              </ScrollRegion>
            </Card>
          </>
        ))}
      <p className="text-xs text-gray-600">
        From the stock ledger, by the business day of each movement. Usage, waste and stock are valued at current unit
        costs; purchases at the prices paid on the purchase orders.
      </p>
    </div>
  );
}
