import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { formatElapsed } from "@/lib/kitchen/ticket-timer";
import {
  KITCHEN_GROUPS,
  getKitchenPerformance,
  kitchenPerformanceSchema,
  type KitchenGroup,
} from "@/lib/reports/kitchen-performance";
import { readReportQuery } from "@/lib/reports/report-page-query";
import { periodQuery } from "@/lib/reports/report-period";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { FigureGrid } from "@/components/reports/figure-grid";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { HeatMap } from "@/components/charts/heat-map";

export const metadata: Metadata = { title: "Kitchen performance" };

const GROUP_LABEL: Record<KitchenGroup, string> = { station: "Station", item: "Item", hour: "Hour fired", cook: "Cook" };
const PATH = "/admin/reports/kitchen";
const chip =
  "inline-flex min-h-11 items-center rounded-lg border px-3 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2";

const time = (s: number, n: number) => (n ? formatElapsed(s * 1000) : "—");
const pct = (share: number, n: number) => (n ? `${(share * 100).toFixed(1)} %` : "—");

export default async function KitchenReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireUser("reports.money");
  const { query, error } = readReportQuery(kitchenPerformanceSchema, await searchParams);
  const r = await getKitchenPerformance(ctx, query);
  const t = r.totals;
  const p = r.previous;
  const compareOff = r.period.previous === null;
  const figures = [
    { label: "Lines fired", value: String(t.fired), current: t.fired, previous: p?.fired ?? null },
    {
      label: "Median fired → bumped",
      value: time(t.medianSeconds, t.bumped),
      current: t.medianSeconds,
      previous: p?.bumped ? p.medianSeconds : null,
      lowerIsBetter: true,
      strong: true,
    },
    {
      label: "p90 fired → bumped",
      value: time(t.p90Seconds, t.bumped),
      current: t.p90Seconds,
      previous: p?.bumped ? p.p90Seconds : null,
      lowerIsBetter: true,
    },
    {
      label: "Late lines",
      value: pct(t.lateShare, t.bumped),
      note: `${t.late} of ${t.bumped} bumped`,
      current: t.lateShare,
      previous: p?.bumped ? p.lateShare : null,
      lowerIsBetter: true,
    },
    {
      label: "Expo median fired → ready",
      value: time(r.expo.medianSeconds, r.expo.tickets),
      note: `${r.expo.tickets} ticket(s) passed`,
      current: r.expo.medianSeconds,
      previous: r.previousExpo?.tickets ? r.previousExpo.medianSeconds : null,
      lowerIsBetter: true,
    },
    {
      label: "Expo p90 fired → ready",
      value: time(r.expo.p90Seconds, r.expo.tickets),
      current: r.expo.p90Seconds,
      previous: r.previousExpo?.tickets ? r.previousExpo.p90Seconds : null,
      lowerIsBetter: true,
    },
  ];
  const cell = new Map(r.load.cells.map((c) => [`${c.stationId}|${c.hour}`, c.lines]));
  const groupHref = (g: KitchenGroup) => {
    const q = new URLSearchParams(periodQuery(r.period, compareOff ? "none" : undefined));
    q.set("groupBy", g);
    return `${PATH}?${q.toString()}`;
  };
  const timed = r.rows.filter((g) => g.bumped > 0);
  return (
    <div className="space-y-5 print:space-y-3">
      <ReportToolbar
        title="Kitchen performance"
        path={PATH}
        csvPath="/api/v1/reports/kitchen"
        period={r.period}
        locationName={r.location.name}
        generatedAt={new Date(r.generatedAt)}
        extra={{ groupBy: r.groupBy }}
        error={error}
      />
      {t.fired === 0 ? (
        <EmptyState title="No tickets fired in this period" />
      ) : (
        <>
          <FigureGrid figures={figures} />
          <Card title="Load by hour and station">
            <p className="mb-2 text-sm text-gray-600">Lines fired per station, by the local hour they were fired.</p>
            <HeatMap
              rows={r.load.stations.map((s) => ({ key: s.id, label: s.name }))}
              columns={r.load.hours.map((h) => ({ key: h, label: `${String(h).padStart(2, "0")}:00` }))}
              value={(s, h) => cell.get(`${s}|${h}`) ?? 0}
              label="Lines fired by station and hour"
              unit="lines"
            />
          </Card>
          <Card title={`Ticket times by ${GROUP_LABEL[r.groupBy].toLowerCase()}`}>
            <nav aria-label="Group by" className="mb-3 flex flex-wrap gap-2 print:hidden">
              {KITCHEN_GROUPS.map((g) => (
                <Link
                  key={g}
                  href={groupHref(g)}
                  aria-current={g === r.groupBy ? "page" : undefined}
                  className={`${chip} ${g === r.groupBy ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white hover:bg-gray-50"}`}
                >
                  {GROUP_LABEL[g]}
                </Link>
              ))}
            </nav>
            <ComparisonBarChart
              data={timed.slice(0, 30).map((g) => ({ label: g.label, a: g.medianSeconds / 60, b: g.p90Seconds / 60 }))}
              series={["Median", "p90"]}
              format={{ kind: "number", unit: "min" }}
              label={`Median and p90 minutes from fired to bumped by ${GROUP_LABEL[r.groupBy].toLowerCase()}`}
              empty="No line was bumped in this period."
            />
            <ScrollRegion label="Ticket times">
              <table className="w-full min-w-[40rem] text-left text-sm" data-testid="kitchen-rows">
                <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                  <tr>
                    {[GROUP_LABEL[r.groupBy], "Fired", "Bumped", "Median", "p90", "Late", "Late %"].map((h, i) => (
                      <th key={h} scope="col" className={`px-2 py-2 ${i ? "text-right" : ""}`}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {[...r.rows.map((g) => ({ ...g, total: false })), { key: "total", label: "Total", ...t, total: true }].map(
                    (g) => (
                      <tr key={g.key} className={g.total ? "font-bold" : undefined} data-row={g.total ? "total" : g.label}>
                        <th scope="row" className="px-2 py-2 font-semibold">
                          {g.label}
                        </th>
                        <td className="px-2 py-2 text-right tabular-nums">{g.fired}</td>
                        <td className="px-2 py-2 text-right tabular-nums">{g.bumped}</td>
                        <td className="px-2 py-2 text-right tabular-nums">{time(g.medianSeconds, g.bumped)}</td>
                        <td className="px-2 py-2 text-right tabular-nums">{time(g.p90Seconds, g.bumped)}</td>
                        <td className="px-2 py-2 text-right tabular-nums" data-cell="late">
                          {g.late}
                        </td>
                        <td className="px-2 py-2 text-right tabular-nums">{pct(g.lateShare, g.bumped)}</td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </ScrollRegion>
          </Card>
        </>
      )}
      <p className="text-xs text-gray-600">
        A line is one dish on a station&apos;s ticket (sides made at another station count there). Times run from the
        fire to the station&apos;s bump; a line is late when it took its target or longer — the dish&apos;s prep time,
        else the station&apos;s, else the location&apos;s late threshold, as the kitchen display colours it (current
        targets). Expo times run from a ticket&apos;s fire to its pass. The cook is whoever bumped the line. Voided
        lines are left out.
      </p>
    </div>
  );
}
