import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { AppError } from "@/lib/errors";
import { getLocation } from "@/lib/locations/get-location";
import { getStockValuation } from "@/lib/inventory/get-stock-valuation";
import { getUsageReport } from "@/lib/inventory/get-usage-report";
import { getWasteReport } from "@/lib/inventory/get-waste-report";
import { formatQuantity } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { DonutChart } from "@/components/charts/donut-chart";
import { INVENTORY_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { inputClass } from "@/components/admin/form-field";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Inventory reports" };

type Unit = "G" | "ML" | "EACH";

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const ctx = await requireUser("inventory.manage");
  const sp = await searchParams;
  const period = { from: sp.from || undefined, to: sp.to || undefined };
  const [valuation, location] = await Promise.all([getStockValuation(ctx), getLocation(ctx)]);
  // A bad period shows its message and the default period's figures instead of failing the page.
  const { usage, waste, periodError } = await Promise.all([getUsageReport(ctx, period), getWasteReport(ctx, period)]).then(
    ([usage, waste]) => ({ usage, waste, periodError: null as string | null }),
    async (e: unknown) => {
      if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
      const [usage, waste] = await Promise.all([getUsageReport(ctx, {}), getWasteReport(ctx, {})]);
      return { usage, waste, periodError: Object.values(e.fieldErrors ?? {}).flat().join(" ") || e.message };
    },
  );
  const money = { kind: "currency" as const, currency: location.currency };
  const q = (v: string, u: string) => formatQuantity(toMilli(v), u as Unit);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Inventory</h1>
      <SectionTabs label="Inventory sections" tabs={INVENTORY_TABS} current="reports" />
      <form className="flex flex-wrap items-end gap-2" aria-label="Report period">
        <label className="text-sm font-medium">From<input type="date" name="from" defaultValue={usage.period.from} className={`${inputClass} mt-1`} /></label>
        <label className="text-sm font-medium">To<input type="date" name="to" defaultValue={usage.period.to} className={`${inputClass} mt-1`} /></label>
        <Button type="submit" variant="secondary">Show</Button>
        {periodError && <p role="alert" className="text-sm font-medium text-red-700">{periodError} Showing the last 30 days.</p>}
      </form>

      <Card title={`Stock valuation now: ${formatCents(valuation.totalCents, location.currency)}`}>
        <HorizontalBarChart data={valuation.items.slice(0, 12).map((i) => ({ label: i.name, value: i.valueCents / 100 }))} format={money} label="Stock value by ingredient, top 12" empty="No stock on hand." />
        <p className="mt-2 text-xs text-gray-500">At current unit costs (weighted average of receipts). <Link className="underline" href="/api/v1/inventory/export">Download all as CSV</Link>.</p>
      </Card>

      <Card title={`Usage ${usage.period.from} → ${usage.period.to}: theoretical ${formatCents(usage.totals.theoreticalCents, location.currency)} vs actual ${formatCents(usage.totals.actualCents, location.currency)}`}>
        <ComparisonBarChart
          data={usage.rows.slice(0, 12).map((r) => ({ label: r.name, a: r.theoreticalCents / 100, b: r.actualCents / 100 }))}
          series={["Theoretical (from sales)", "Actual (sales + waste + count losses)"]}
          format={money}
          label="Theoretical versus actual usage by ingredient"
        />
        {usage.rows.length > 0 && (
          <ScrollRegion label="Usage by ingredient" className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="usage-table">
              <thead className="text-gray-600"><tr><th className="py-2">Ingredient</th><th className="py-2 text-right">From sales</th><th className="py-2 text-right">Waste</th><th className="py-2 text-right">Count losses</th><th className="py-2 text-right">Actual</th><th className="py-2 text-right">Variance</th></tr></thead>
              <tbody>
                {usage.rows.map((r) => (
                  <tr key={r.id} className="border-t border-gray-100">
                    <td className="py-1.5">{r.name}</td>
                    <td className="py-1.5 text-right tabular-nums">{q(r.theoretical, r.baseUnit)}</td>
                    <td className="py-1.5 text-right tabular-nums">{q(r.waste, r.baseUnit)}</td>
                    <td className="py-1.5 text-right tabular-nums">{q(r.unexplained, r.baseUnit)}</td>
                    <td className="py-1.5 text-right tabular-nums font-semibold">{q(r.actual, r.baseUnit)}</td>
                    <td className={`py-1.5 text-right tabular-nums ${r.varianceCents > 0 ? "text-red-700" : ""}`}>{formatCents(r.varianceCents, location.currency)}{r.variancePct !== null && ` (${r.variancePct} %)`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`Top waste: ${formatCents(waste.totalCents, location.currency)}`}>
          <HorizontalBarChart data={waste.top.slice(0, 10).map((t) => ({ label: t.name, value: t.valueCents / 100 }))} format={money} label="Waste value by ingredient" color="#dc2626" empty="No waste logged in this period." />
        </Card>
        <Card title="Waste by reason">
          <DonutChart data={waste.byReason.map((r) => ({ label: r.reason.toLowerCase().replace("_", " "), value: r.valueCents / 100 }))} format={money} label="Waste by reason" empty="No waste logged in this period." />
        </Card>
      </div>
    </div>
  );
}
