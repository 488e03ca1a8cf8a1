import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { getLocation } from "@/lib/locations/get-location";
import { listIngredients } from "@/lib/inventory/list-ingredients";
import { getWasteReport } from "@/lib/inventory/get-waste-report";
import { WASTE_REASONS } from "@/lib/inventory/waste-reasons";
import { ENTRY_UNITS } from "@/lib/inventory/units";
import { formatQuantity } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/ui/card";
import { DonutChart } from "@/components/charts/donut-chart";
import { INVENTORY_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { WasteForm } from "../_components/waste-form";

export const metadata: Metadata = { title: "Waste log" };

export default async function WastePage() {
  const ctx = await requireUser("inventory.manage");
  const [ingredients, report, location] = await Promise.all([
    listIngredients(ctx),
    getWasteReport(ctx, {}),
    getLocation(ctx),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Inventory</h1>
      <SectionTabs label="Inventory sections" tabs={INVENTORY_TABS} current="waste" />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card title="Log waste">
          <WasteForm
            ingredients={ingredients.map((i) => ({
              id: i.id,
              name: i.name,
              onHand: i.onHand,
              baseUnit: i.baseUnit,
              units: Object.keys(ENTRY_UNITS[i.baseUnit]),
            }))}
            reasons={[...WASTE_REASONS]}
          />
        </Card>
        <Card title={`Last 30 days: ${formatCents(report.totalCents, location.currency)}`}>
          <DonutChart
            data={report.byReason.map((r) => ({
              label: r.reason.toLowerCase().replace("_", " "),
              value: r.valueCents / 100,
            }))}
            format={{ kind: "currency", currency: location.currency }}
            label="Waste by reason"
            empty="No waste logged in the last 30 days."
          />
        </Card>
      </div>
      <Card title="Recent waste">
        {report.recent.length === 0 ? (
          <p className="text-sm text-gray-500">Nothing logged in the last 30 days.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="waste-table">
            <thead className="text-gray-600">
              <tr>
                <th className="py-2">When</th>
                <th className="py-2">Ingredient</th>
                <th className="py-2 text-right">Quantity</th>
                <th className="py-2 text-right">Value</th>
                <th className="py-2 pl-3">Reason</th>
                <th className="py-2">By</th>
              </tr>
            </thead>
            <tbody>
              {report.recent.map((w, i) => (
                <tr key={i} className="border-t border-gray-100">
                  <td className="py-1.5 text-gray-600">
                    {new Date(w.at).toLocaleString("en-US", {
                      timeZone: location.timezone,
                      dateStyle: "short",
                      timeStyle: "short",
                    })}
                  </td>
                  <td className="py-1.5">{w.ingredient}</td>
                  <td className="py-1.5 text-right tabular-nums">
                    {formatQuantity(toMilli(w.quantity), w.baseUnit as "G" | "ML" | "EACH")}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{formatCents(w.valueCents, location.currency)}</td>
                  <td className="py-1.5 pl-3">{w.reason?.toLowerCase().replace("_", " ")}</td>
                  <td className="py-1.5 text-gray-600">{w.by ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
