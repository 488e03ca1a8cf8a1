import Link from "next/link";
import {
  PRESET_LABEL,
  REPORT_PRESETS,
  periodQuery,
  type ReportPeriod,
  type ReportPreset,
} from "@/lib/reports/report-period";
import { formatZonedDateTime } from "@/lib/time/zoned";
import { inputClass } from "@/components/admin/form-field";
import { Button } from "@/components/ui/button";
import { PrintButton } from "./print-button";

const chip =
  "inline-flex min-h-11 items-center rounded-lg border px-3 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2";

const ALL_PRESETS = REPORT_PRESETS.filter((p): p is Exclude<ReportPreset, "custom"> => p !== "custom");

/**
 * The head of every report: title, the period in the location's business day, presets, custom
 * dates, comparison on/off, Print and CSV. Plain links and GET forms: it works before hydration.
 * Older screens narrow it: a Z report picks one business day, the audit log may span any time.
 */
export function ReportToolbar({
  title,
  path,
  csvPath,
  period,
  locationName,
  generatedAt,
  extra = {},
  error,
  children,
  presets = ALL_PRESETS,
  compare = true,
  singleDay = false,
  anyTime = false,
  csvExtra = {},
  fallback = "Showing today instead.",
}: {
  title: string;
  /** This page's path, e.g. /admin/reports/sales. */
  path: string;
  /** The REST route that serves the same report, e.g. /api/v1/reports/sales. */
  csvPath: string;
  /** null: no time bound (only with `anyTime`). */
  period: ReportPeriod | null;
  locationName: string;
  generatedAt: Date;
  /** Other query params the page keeps when the period changes (groupBy, station, …). */
  extra?: Record<string, string | undefined>;
  error?: string | null;
  children?: React.ReactNode;
  /** The preset chips offered (default: all). */
  presets?: readonly Exclude<ReportPreset, "custom">[];
  /** false: the report has no previous period, so no comparison toggle. */
  compare?: boolean;
  /** The custom form asks for one business day (`date=`) instead of a first and a last. */
  singleDay?: boolean;
  /** Offer an "Any time" chip (the period is optional, e.g. the audit log). */
  anyTime?: boolean;
  /** Query params for the CSV link only (e.g. a larger limit). */
  csvExtra?: Record<string, string>;
  /** What the page shows instead when the params are bad. */
  fallback?: string;
}) {
  const keep = Object.fromEntries(Object.entries(extra).filter((e): e is [string, string] => !!e[1]));
  const compareOff = compare && period !== null && period.previous === null;
  const href = (q: string) => {
    const p = new URLSearchParams(q);
    for (const [k, v] of Object.entries(keep)) p.set(k, v);
    return `${path}?${p.toString()}`;
  };
  const current = period ? periodQuery(period, compareOff ? "none" : undefined) : "";
  const csv = new URLSearchParams(current);
  for (const [k, v] of Object.entries({ ...keep, ...csvExtra })) csv.set(k, v);
  csv.set("format", "csv");
  const cutoff = period ? `${String(period.cutoffHour).padStart(2, "0")}:00` : null;
  const previous = compare ? period?.previous : null;
  return (
    <div className="space-y-3 print:space-y-1">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{title}</h1>
          <p className="text-gray-600" data-testid="report-period">
            {locationName} · <span className="font-semibold text-gray-900">{period ? period.label : "Any time"}</span>
            {previous && (
              <span data-testid="report-previous">
                {" "}
                · compared with {previous.from === previous.to ? previous.from : `${previous.from} to ${previous.to}`}
              </span>
            )}
          </p>
          {period && (
            <p className="text-sm text-gray-500">
              Business day {cutoff} to {cutoff} ({period.timeZone}) · generated{" "}
              {formatZonedDateTime(generatedAt, period.timeZone)}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <PrintButton />
          <a
            href={`${csvPath}?${csv.toString()}`}
            className="inline-flex min-h-11 items-center rounded-lg bg-gray-900 px-4 font-semibold text-white hover:bg-gray-800"
            data-testid="report-csv"
          >
            Download CSV
          </a>
        </div>
      </div>
      <nav aria-label="Report period" className="flex flex-wrap items-end gap-2 print:hidden">
        {anyTime && (
          <Link
            href={href("")}
            aria-current={period === null ? "page" : undefined}
            className={`${chip} ${period === null ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white hover:bg-gray-50"}`}
          >
            Any time
          </Link>
        )}
        {presets.map((p) => {
          const active = period?.preset === p;
          return (
            <Link
              key={p}
              href={href(periodQuery({ preset: p, from: "", to: "" }, compareOff ? "none" : undefined))}
              aria-current={active ? "page" : undefined}
              className={`${chip} ${active ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white hover:bg-gray-50"}`}
            >
              {PRESET_LABEL[p]}
            </Link>
          );
        })}
        <form method="get" action={path} className="flex items-end gap-2" aria-label="Custom dates">
          {Object.entries(keep).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          {singleDay ? (
            <label className="text-sm font-medium">
              Business day
              <input
                name="date"
                type="date"
                required
                defaultValue={period && period.from === period.to ? period.from : ""}
                className={`${inputClass} block`}
              />
            </label>
          ) : (
            <>
              <label className="text-sm font-medium">
                From
                <input name="from" type="date" required defaultValue={period?.from} className={`${inputClass} block`} />
              </label>
              <label className="text-sm font-medium">
                To
                <input name="to" type="date" required defaultValue={period?.to} className={`${inputClass} block`} />
              </label>
            </>
          )}
          {compareOff && <input type="hidden" name="compare" value="none" />}
          <Button type="submit" variant="secondary">
            {singleDay ? "Show day" : "Show"}
          </Button>
        </form>
        {compare && period && (
          <Link
            href={href(periodQuery(period, compareOff ? undefined : "none"))}
            className={`${chip} border-gray-300 bg-white hover:bg-gray-50`}
            data-testid="toggle-compare"
          >
            {compareOff ? "Compare with previous period" : "Hide comparison"}
          </Link>
        )}
      </nav>
      {error && (
        <p role="alert" className="font-medium text-red-700">
          {error} {fallback}
        </p>
      )}
      {children}
    </div>
  );
}
