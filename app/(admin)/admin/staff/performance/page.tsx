import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { AppError } from "@/lib/errors";
import { formatCents } from "@/lib/money";
import { getStaffPerformance, PERFORMANCE_PRESETS, type PerformancePreset } from "@/lib/reports/get-staff-performance";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";

export const metadata: Metadata = { title: "Staff performance" };

const PRESET_LABEL: Record<PerformancePreset, string> = {
  today: "Today",
  "this-week": "This week",
  "last-week": "Last week",
};

function ticketTime(seconds: number | null): string {
  if (seconds === null) return "—";
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export default async function StaffPerformancePage({ searchParams }: { searchParams: Promise<{ preset?: string }> }) {
  const ctx = await requireUser("console.use");
  const sp = await searchParams;
  const { report, error } = await getStaffPerformance(ctx, { preset: sp.preset || undefined }).then(
    (report) => ({ report, error: null as string | null }),
    async (e: unknown) => {
      if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
      return { report: await getStaffPerformance(ctx, {}), error: "Unknown period: showing today." };
    },
  );
  const money = (c: number) => formatCents(c, report.currency);
  const range =
    report.period.from === report.period.to ? report.period.from : `${report.period.from} to ${report.period.to}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Staff performance</h1>
          <p className="text-gray-600" data-testid="performance-period">
            Business days {range} ({report.timeZone})
          </p>
        </div>
        <nav aria-label="Period" className="flex flex-wrap gap-2">
          {PERFORMANCE_PRESETS.map((p) => (
            <Link
              key={p}
              href={`/admin/staff/performance?preset=${p}`}
              aria-current={report.period.preset === p ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-lg px-4 font-semibold ${
                report.period.preset === p
                  ? "bg-gray-900 text-white"
                  : "border border-gray-300 bg-white hover:bg-gray-50"
              }`}
            >
              {PRESET_LABEL[p]}
            </Link>
          ))}
        </nav>
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}

      <Card title="Servers">
        {report.servers.length === 0 ? (
          <EmptyState title="No orders taken in this period" />
        ) : (
          <div className="grid gap-4 xl:grid-cols-2">
            <HorizontalBarChart
              data={report.servers.map((s) => ({ label: s.name, value: s.salesCents / 100 }))}
              format={{ kind: "currency", currency: report.currency }}
              label="Sales per server"
            />
            <ScrollRegion label="Sales per server" className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="server-table">
                <thead className="text-gray-600">
                  <tr>
                    <th className="px-3 py-2">Server</th>
                    <th className="px-3 py-2 text-right">Orders</th>
                    <th className="px-3 py-2 text-right">Covers</th>
                    <th className="px-3 py-2 text-right">Sales</th>
                    <th className="px-3 py-2 text-right">Average check</th>
                    <th className="px-3 py-2 text-right">Tips</th>
                  </tr>
                </thead>
                <tbody>
                  {report.servers.map((s) => (
                    <tr key={s.userId} className="border-t border-gray-100" data-testid="server-row">
                      <td className="px-3 py-2 font-medium">{s.name}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{s.orders}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{s.covers}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{money(s.salesCents)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{money(s.averageCheckCents)}</td>
                      <td className="px-3 py-2 text-right text-gray-500">—</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="mt-2 text-xs text-gray-600">
                Sales are order totals, voided orders excluded. Tips show “—”: payments are not recorded yet, so there
                are no tips to count.
              </p>
            </ScrollRegion>
          </div>
        )}
      </Card>

      <div className="grid gap-4 xl:grid-cols-2">
        <Card title="Kitchen stations">
          {report.stations.length === 0 ? (
            <EmptyState title="No tickets bumped in this period" />
          ) : (
            <>
              <HorizontalBarChart
                data={report.stations.map((s) => ({ label: s.name, value: (s.averageTicketSeconds ?? 0) / 60 }))}
                format={{ kind: "number", unit: "min" }}
                label="Average ticket time per station"
              />
              <BumpTable rows={report.stations} who="Station" testId="station-table" />
            </>
          )}
        </Card>
        <Card title="Cooks">
          {report.cooks.length === 0 ? (
            <EmptyState title="No tickets bumped in this period" />
          ) : (
            <BumpTable rows={report.cooks} who="Cook" testId="cook-table" />
          )}
        </Card>
      </div>
      <p className="text-xs text-gray-600">
        A ticket is one bump at one station; its time runs from when its lines were fired to the bump.
      </p>
    </div>
  );
}

function BumpTable({
  rows,
  who,
  testId,
}: {
  rows: { name: string; tickets: number; averageTicketSeconds: number | null }[];
  who: string;
  testId: string;
}) {
  return (
    <ScrollRegion label={`Tickets per ${who.toLowerCase()}`} className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="text-gray-600">
          <tr>
            <th className="px-3 py-2">{who}</th>
            <th className="px-3 py-2 text-right">Tickets bumped</th>
            <th className="px-3 py-2 text-right">Average ticket time (m:ss)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.name}-${i}`} className="border-t border-gray-100">
              <td className="px-3 py-2 font-medium">{r.name}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.tickets}</td>
              <td className="px-3 py-2 text-right tabular-nums">{ticketTime(r.averageTicketSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
