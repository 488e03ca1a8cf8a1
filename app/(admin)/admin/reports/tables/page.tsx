import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { readReportQuery } from "@/lib/reports/report-page-query";
import { getTablesReport, SEATED_MINUTES_COUNTED, tablesReportSchema } from "@/lib/reports/tables-report";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { FigureGrid, type Figure } from "@/components/reports/figure-grid";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Tables report" };

type Search = Record<string, string | string[] | undefined>;

const num = (v: number | null, unit = "") => (v === null ? "—" : `${v}${unit}`);

export default async function TablesReportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("reports.money");
  const { query, error } = readReportQuery(tablesReportSchema, await searchParams);
  const r = await getTablesReport(ctx, query);
  const t = r.total;
  const p = r.previousTotal;
  const figures: Figure[] = [
    { label: "Turns", value: String(t.turns), current: t.turns, previous: p?.turns, strong: true },
    { label: "Turns per table", value: String(t.turnsPerTable), current: t.turnsPerTable, previous: p?.turnsPerTable },
    { label: "Covers", value: String(t.covers), current: t.covers, previous: p?.covers },
    {
      label: "Average seated time",
      value: num(t.averageSeatedMinutes, " min"),
      current: t.averageSeatedMinutes ?? undefined,
      previous: p ? p.averageSeatedMinutes : undefined,
      lowerIsBetter: true,
    },
    {
      label: "Covers per seat-hour",
      value: num(t.coversPerSeatHour),
      current: t.coversPerSeatHour ?? undefined,
      previous: p ? p.coversPerSeatHour : undefined,
      note: `${t.seats} seats × ${t.openHours} open hours`,
    },
    { label: "Open hours", value: String(t.openHours), current: t.openHours, previous: p?.openHours },
  ];
  const compared = p !== null;
  return (
    <div className="space-y-5 print:space-y-3">
      <ReportToolbar
        title="Tables"
        path="/admin/reports/tables"
        csvPath="/api/v1/reports/tables"
        period={r.period}
        locationName={r.locationName}
        generatedAt={r.generatedAt}
        error={error}
      />
      {t.turns === 0 ? (
        <EmptyState title="No table turns in this period">Orders closed on a table in these business days will show here.</EmptyState>
      ) : (
        <>
          <FigureGrid figures={figures} />
          <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
            <Card title="Turns per table">
              <div data-testid="tables-chart">
                <HorizontalBarChart
                  data={r.tables.map((x) => ({ label: `${x.label} · ${x.area}`, value: x.turns }))}
                  format={{ kind: "number", unit: "turns" }}
                  label="Turns per table"
                />
              </div>
            </Card>
            <Card title="Average seated minutes by party size">
              {compared ? (
                <ComparisonBarChart
                  data={r.partySizes.map((s) => ({
                    label: `${s.partySize} guest${s.partySize === 1 ? "" : "s"}`,
                    a: s.averageSeatedMinutes ?? 0,
                    b: s.previousAverageSeatedMinutes ?? 0,
                  }))}
                  series={["This period", "Previous period"]}
                  format={{ kind: "number", unit: "min" }}
                  label="Average seated minutes by party size, this period and the previous one"
                />
              ) : (
                <HorizontalBarChart
                  data={r.partySizes.map((s) => ({ label: `${s.partySize} guests`, value: s.averageSeatedMinutes ?? 0 }))}
                  format={{ kind: "number", unit: "min" }}
                  label="Average seated minutes by party size"
                />
              )}
              <table className="mt-3 w-full text-left text-sm" data-testid="tables-party-sizes">
                <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                  <tr>
                    <th scope="col" className="py-2">
                      Party size
                    </th>
                    <th scope="col" className="py-2 text-right">
                      Parties
                    </th>
                    <th scope="col" className="py-2 text-right">
                      Average seated
                    </th>
                    {compared && (
                      <th scope="col" className="py-2 text-right">
                        Previous
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {r.partySizes.map((s) => (
                    <tr key={s.partySize}>
                      <th scope="row" className="py-2 font-semibold">
                        {s.partySize}
                      </th>
                      <td className="py-2 text-right tabular-nums">{s.parties}</td>
                      <td className="py-2 text-right tabular-nums">{num(s.averageSeatedMinutes, " min")}</td>
                      {compared && (
                        <td className="py-2 text-right tabular-nums text-gray-600">
                          {num(s.previousAverageSeatedMinutes, " min")}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          </div>

          <Card title="By area">
            <table className="w-full text-left text-sm" data-testid="tables-areas">
              <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                <tr>
                  {["Area", "Tables", "Seats", "Turns", "Turns per table", "Covers", "Average seated", "Covers per seat-hour"].map(
                    (h, i) => (
                      <th key={h} scope="col" className={`py-2 ${i ? "text-right" : ""}`}>
                        {h}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {r.areas.map((a) => (
                  <tr key={a.areaId}>
                    <th scope="row" className="py-2 font-semibold">
                      {a.area}
                    </th>
                    <td className="py-2 text-right tabular-nums">{a.tables}</td>
                    <td className="py-2 text-right tabular-nums">{a.seats}</td>
                    <td className="py-2 text-right tabular-nums">{a.turns}</td>
                    <td className="py-2 text-right tabular-nums">{a.turnsPerTable}</td>
                    <td className="py-2 text-right tabular-nums">{a.covers}</td>
                    <td className="py-2 text-right tabular-nums">{num(a.averageSeatedMinutes, " min")}</td>
                    <td className="py-2 text-right tabular-nums">{num(a.coversPerSeatHour)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>

          <Card title="By table">
            <ScrollRegion label="Figures by table" className="overflow-x-auto">
              <table className="w-full min-w-[40rem] text-left text-sm" data-testid="tables-rows">
                <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
                  <tr>
                    {["Table", "Area", "Seats", "Turns", "Covers", "Average seated", "Covers per seat-hour", ...(compared ? ["Previous turns"] : [])].map(
                      (h, i) => (
                        <th key={h} scope="col" className={`px-2 py-2 ${i > 1 ? "text-right" : ""}`}>
                          {h}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {r.tables.map((x) => (
                    <tr key={x.tableId}>
                      <th scope="row" className="px-2 py-2 font-semibold">
                        {x.label}
                      </th>
                      <td className="px-2 py-2">{x.area}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{x.seats}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{x.turns}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{x.covers}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{num(x.averageSeatedMinutes, " min")}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{num(x.coversPerSeatHour)}</td>
                      {compared && <td className="px-2 py-2 text-right tabular-nums text-gray-600">{num(x.previousTurns)}</td>}
                    </tr>
                  ))}
                </tbody>
                <tfoot className="border-t-2 border-gray-900 font-bold">
                  <tr data-testid="tables-total">
                    <th scope="row" className="px-2 py-2">
                      Total
                    </th>
                    <td className="px-2 py-2">{t.tables} tables</td>
                    <td className="px-2 py-2 text-right tabular-nums">{t.seats}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{t.turns}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{t.covers}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{num(t.averageSeatedMinutes, " min")}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{num(t.coversPerSeatHour)}</td>
                    {compared && <td className="px-2 py-2 text-right tabular-nums">{num(p.turns)}</td>}
                  </tr>
                </tfoot>
              </table>
            </ScrollRegion>
          </Card>
        </>
      )}
      <p className="text-xs text-gray-600">
        A turn is an order closed on a table in the period. Seated time is the booking&apos;s seated → completed when the
        host recorded both, otherwise the order&apos;s opened → closed; stays under {SEATED_MINUTES_COUNTED.min} minutes or
        over {SEATED_MINUTES_COUNTED.max / 60} hours count as turns but not in the averages. Covers per seat-hour = covers ÷
        (seats × open hours), where open hours are, for each business day, the time from the first of these orders
        opening to the last one closing. Seats are the current floor plan.
      </p>
    </div>
  );
}
