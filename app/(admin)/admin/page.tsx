import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import Link from "next/link";
import { getTodayFigures } from "@/lib/reports/get-today-figures";
import { getTodayTasks } from "@/lib/tasks/get-today-tasks";
import { getStationLoadForecast } from "@/lib/reports/station-load-forecast";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/ui/card";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { SalesByHourChart } from "./_components/sales-by-hour-chart";

export const metadata: Metadata = { title: "Dashboard" };

export default async function AdminDashboard() {
  const ctx = await requireUser("console.use");
  const [f, tasks, load] = await Promise.all([getTodayFigures(ctx), getTodayTasks(ctx), getStationLoadForecast(ctx)]);
  const clock = new Intl.DateTimeFormat("en-GB", {
    timeZone: load.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const overdue = tasks.checklists.filter((c) => c.status === "OVERDUE");
  const tiles: { label: string; value: string; warn?: boolean; note?: string }[] = [
    {
      label: "Sales today",
      value: formatCents(f.salesCents, f.currency),
      note: `Net of ${f.paidChecks} paid check${f.paidChecks === 1 ? "" : "s"} since ${String(f.businessDayCutoffHour).padStart(2, "0")}:00`,
    },
    {
      label: "Open checks",
      value: formatCents(f.openDueCents, f.currency),
      note: `Still due on ${f.openChecks} open check${f.openChecks === 1 ? "" : "s"}`,
    },
    { label: "Orders", value: String(f.orders) },
    { label: "Covers", value: String(f.covers) },
    { label: "Average check", value: formatCents(f.averageCheckCents, f.currency), note: "Paid checks" },
    { label: "Open orders", value: String(f.openOrders) },
    { label: "Tables in use", value: String(f.openTables) },
    { label: "Staff on shift", value: String(f.staffOnShift), note: "Clocked in now" },
    {
      label: "Labour cost today",
      value: formatCents(f.labourCostCents, f.currency),
      note: f.labourUncosted ? `${f.labourUncosted} without an hourly rate` : undefined,
    },
    {
      label: "Labour % of sales",
      value: f.labourPercent === null ? "—" : `${f.labourPercent} %`,
      note: f.labourPercent === null ? "No sales yet" : undefined,
    },
    { label: "Low-stock ingredients", value: String(f.lowStockCount), warn: f.lowStockCount > 0 },
    {
      label: "Reservations to seat",
      value: String(f.upcomingReservations),
      note: "Booked for today, not yet seated",
    },
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Today at {f.locationName}</h1>
        <p className="text-gray-500">
          Figures since midnight, location time; sales are paid checks of the business day.{" "}
          <Link href="/admin/reports/end-of-day" className="font-semibold underline">
            End-of-day report
          </Link>
        </p>
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3 xl:grid-cols-5" data-testid="today-figures">
        {tiles.map((t) => (
          <Card key={t.label}>
            <p className="text-sm text-gray-500">{t.label}</p>
            <p className={`text-3xl font-bold tabular-nums ${t.warn ? "text-amber-600" : ""}`}>{t.value}</p>
            {t.note && <p className="text-xs text-gray-500">{t.note}</p>}
          </Card>
        ))}
      </div>
      {overdue.length > 0 && (
        <Card
          title="Overdue checklists"
          className="border-red-300"
          action={
            <Link
              href="/admin/tasks"
              className="inline-flex min-h-11 items-center font-semibold text-red-800 underline"
            >
              Open tasks
            </Link>
          }
        >
          <ul className="space-y-1" data-testid="overdue-checklists">
            {overdue.map((c) => (
              <li key={c.id} className="flex justify-between gap-3">
                <span>
                  <span className="font-semibold">{c.name}</span>
                  {c.assignees.length > 0 && (
                    <span className="text-gray-700"> · {c.assignees.map((a) => a.name).join(", ")}</span>
                  )}
                </span>
                <span className="tabular-nums text-red-800">
                  {c.done}/{c.total} done · due {c.dueTime}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card
        title="Kitchen load, next 4 hours"
        action={
          <Link href="/admin/reports/kitchen" className="inline-flex min-h-11 items-center font-semibold underline">
            Kitchen performance
          </Link>
        }
      >
        <div data-testid="load-forecast">
          <StackedBarChart
            data={load.buckets.map((b) => ({
              label: clock.format(new Date(b.start)),
              ...Object.fromEntries(b.stations.map((s) => [s.stationId, s.total])),
            }))}
            series={load.stations.map((s) => ({ key: s.id, name: s.name }))}
            format={{ kind: "number", unit: "items" }}
            label="Expected items per station and hour"
            empty="No kitchen stations set up."
          />
          <p className="text-xs text-gray-500">
            Open tickets now, {load.basis.reservations} booked {load.basis.reservations === 1 ? "party" : "parties"} (
            {load.basis.covers} covers) × items per cover of similar covers on the same weekday
            {load.basis.walkIns ? ", and the usual walk-ins" : ""}; from {load.basis.historyDays} day(s) of history.
          </p>
        </div>
      </Card>
      <Card title="Paid sales by hour">
        <SalesByHourChart
          data={f.byHour.map((h) => ({ hour: `${h.hour}:00`, sales: h.salesCents / 100, orders: h.orders }))}
        />
      </Card>
    </div>
  );
}
