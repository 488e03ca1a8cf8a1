import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getLearnedPrepTimes, learnedPrepTimesSchema } from "@/lib/reports/learned-prep-times";
import { MIN_SAMPLES } from "@/lib/reports/prep-time-rules";
import { readReportQuery } from "@/lib/reports/report-page-query";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { AcceptButton } from "./_components/accept-button";

export const metadata: Metadata = { title: "Learned prep times" };

type Search = Record<string, string | string[] | undefined>;
const mmss = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, "0")}`;

export default async function PrepTimesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireUser("menu.edit");
  const { query, error } = readReportQuery(learnedPrepTimesSchema, await searchParams);
  const report = await getLearnedPrepTimes(ctx, query);
  const proposals = report.items.filter((i) => i.differs);
  return (
    <div className="max-w-6xl space-y-4">
      <ReportToolbar
        title="Learned prep times"
        path="/admin/reports/prep-times"
        csvPath="/api/v1/reports/prep-times"
        period={report.period}
        locationName={report.locationName}
        generatedAt={new Date()}
        presets={["this-week", "last-week", "this-month", "last-month", "last-28-days"]}
        compare={false}
        error={error}
        fallback="Showing the last 28 days instead."
      >
        <p className="text-sm text-gray-600">
          How long each dish really takes at its station, from the kitchen&apos;s bumps in these {report.days} days.
          Instant bumps and lines left on the screen are ignored; a dish needs {MIN_SAMPLES} plates before a target is
          suggested. The suggestion is the time nine plates in ten are ready by.
        </p>
      </ReportToolbar>

      {report.items.length === 0 ? (
        <EmptyState title="No bumps in this period">
          Once cooks bump tickets on the kitchen screens, each dish&apos;s real cook time shows here.
        </EmptyState>
      ) : (
        <>
          <Card>
            <h2 className="mb-2 font-semibold">Target now vs learned (p90), minutes</h2>
            <ComparisonBarChart
              label="Prep target now and learned, minutes"
              series={["Target now", "Learned (p90)"]}
              format={{ kind: "number", unit: "min" }}
              data={report.items
                .filter((i) => i.suggestedMinutes !== null)
                .map((i) => ({ label: i.name, a: i.prepMinutes ?? 0, b: i.p90Seconds / 60 }))}
              empty="No dish has enough plates yet."
            />
          </Card>
          <Card>
            <h2 className="mb-2 font-semibold">
              {proposals.length
                ? `${proposals.length} dish${proposals.length > 1 ? "es" : ""} would change target`
                : "Every target matches what the kitchen does"}
            </h2>
            <ScrollRegion label="Prep times by dish">
              <table className="w-full text-left text-sm" data-testid="prep-times">
                <thead className="border-b text-gray-600">
                  <tr>
                    <th className="py-2 pr-3">Dish</th>
                    <th className="py-2 pr-3">Station</th>
                    <th className="py-2 pr-3 text-right">Plates</th>
                    <th className="py-2 pr-3 text-right">Median</th>
                    <th className="py-2 pr-3 text-right">p90</th>
                    <th className="py-2 pr-3 text-right">Target now</th>
                    <th className="py-2 text-right">Suggested</th>
                  </tr>
                </thead>
                <tbody className="divide-y">
                  {report.items.map((i) => (
                    <tr key={i.menuItemId} data-testid="prep-time-row" data-name={i.name}>
                      <td className="py-2 pr-3 font-semibold">{i.name}</td>
                      <td className="py-2 pr-3">{i.stationName ?? "—"}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">
                        {i.samples}
                        {i.discarded > 0 && <span className="text-gray-500"> (+{i.discarded} ignored)</span>}
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{i.samples ? mmss(i.medianSeconds) : "—"}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{i.samples ? mmss(i.p90Seconds) : "—"}</td>
                      <td className="py-2 pr-3 text-right tabular-nums" data-testid="current-target">
                        {i.prepMinutes ? `${i.prepMinutes} min` : "station's"}
                      </td>
                      <td className="py-2 text-right">
                        {i.suggestedMinutes === null ? (
                          <span className="text-gray-500">too few plates</span>
                        ) : i.differs ? (
                          <AcceptButton menuItemId={i.menuItemId} name={i.name} minutes={i.suggestedMinutes} />
                        ) : (
                          <span className="font-semibold text-green-800">✓ {i.suggestedMinutes} min</span>
                        )}
                      </td>
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
