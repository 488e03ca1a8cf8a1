import type { Metadata } from "next";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { FigureGrid, type Figure } from "@/components/reports/figure-grid";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { requireUser } from "@/lib/auth/session";
import { deliveryReportSchema, getDeliveryReport } from "@/lib/reports/delivery-report";
import { readReportQuery } from "@/lib/reports/report-page-query";

export const metadata: Metadata = { title: "Delivery report" };

type Search = Record<string, string | string[] | undefined>;

const num = (v: number | null, unit = "") => (v === null ? "—" : `${v}${unit}`);

export default async function DeliveryReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("reports.money");
  const { query, error } = readReportQuery(deliveryReportSchema, await searchParams);
  const r = await getDeliveryReport(ctx, query);
  const t = r.total;
  const p = r.previousTotal;
  const figures: Figure[] = [
    {
      label: "On time",
      value: num(t.onTimeRate, " %"),
      current: t.onTimeRate ?? undefined,
      previous: p ? p.onTimeRate : undefined,
      note: `Delivered by the promised time + ${r.graceMinutes} min`,
      strong: true,
    },
    { label: "Delivered", value: String(t.delivered), current: t.delivered, previous: p?.delivered },
    {
      label: "Failed",
      value: String(t.failed),
      current: t.failed,
      previous: p?.failed,
      lowerIsBetter: true,
    },
    {
      label: "Average order → door",
      value: num(t.avgPlacedToDeliveredMinutes, " min"),
      current: t.avgPlacedToDeliveredMinutes ?? undefined,
      previous: p ? p.avgPlacedToDeliveredMinutes : undefined,
      lowerIsBetter: true,
    },
    {
      label: "Average pickup → door",
      value: num(t.avgPickupToDeliveredMinutes, " min"),
      current: t.avgPickupToDeliveredMinutes ?? undefined,
      previous: p ? p.avgPickupToDeliveredMinutes : undefined,
      lowerIsBetter: true,
    },
  ];
  return (
    <div className="space-y-5 print:space-y-3">
      <ReportToolbar
        title="Delivery"
        path="/admin/reports/delivery"
        csvPath="/api/v1/reports/delivery"
        period={r.period}
        locationName={r.locationName}
        generatedAt={r.generatedAt}
        error={error}
      />
      {t.delivered + t.failed === 0 ? (
        <EmptyState title="No deliveries in this period">
          Delivery orders delivered or failed in these business days will show here.
        </EmptyState>
      ) : (
        <>
          <div data-testid="delivery-figures">
            <FigureGrid figures={figures} />
          </div>
          <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
            <Card title="Delivered orders per hour on duty">
              <HorizontalBarChart
                data={r.drivers.map((d) => ({ label: d.name, value: d.ordersPerHour ?? 0 }))}
                format={{ kind: "number", unit: "per hour" }}
                label="Delivered orders per hour on duty, per driver"
              />
            </Card>
            <Card title="Failed deliveries by reason">
              <HorizontalBarChart
                data={t.failedByReason.map((f) => ({ label: f.label, value: f.count }))}
                format={{ kind: "number", unit: "orders" }}
                label="Failed deliveries by reason"
                empty="No failed deliveries."
              />
            </Card>
          </div>
          <Card title="Drivers">
            <ScrollRegion label="Drivers">
              <table className="w-full min-w-[560px] text-left text-sm" data-testid="delivery-drivers">
                <thead className="border-b border-gray-200 text-gray-600">
                  <tr>
                    <th scope="col" className="p-2">
                      Driver
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Delivered
                    </th>
                    <th scope="col" className="p-2 text-right">
                      On time
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Failed
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Hours on duty
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Orders per hour
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.drivers.map((d) => (
                    <tr key={d.driverId} className="border-b border-gray-100">
                      <td className="p-2 font-semibold">{d.name}</td>
                      <td className="p-2 text-right">{d.delivered}</td>
                      <td className="p-2 text-right">{d.onTime}</td>
                      <td className="p-2 text-right">{d.failed}</td>
                      <td className="p-2 text-right">{d.hoursOnDuty}</td>
                      <td className="p-2 text-right">{num(d.ordersPerHour)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </Card>
        </>
      )}
    </div>
  );
}
