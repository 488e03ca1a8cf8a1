import { changeRatio } from "@/lib/reports/report-period";

export type Figure = {
  label: string;
  /** Formatted for display. */
  value: string;
  /** Raw numbers for the change against the previous period. */
  current?: number;
  previous?: number | null;
  /** A rise is bad (voids, refunds, late tickets): shown red instead of green. */
  lowerIsBetter?: boolean;
  note?: string;
  strong?: boolean;
};

function Change({ f }: { f: Figure }) {
  const r = f.current === undefined ? null : changeRatio(f.current, f.previous);
  if (r === null) return f.previous === undefined ? null : <span className="text-sm text-gray-500">no earlier figure</span>;
  const up = r > 0;
  const good = r === 0 ? null : up !== !!f.lowerIsBetter;
  const colour = good === null ? "text-gray-600" : good ? "text-green-700" : "text-red-700";
  const pct = `${up ? "+" : r < 0 ? "−" : ""}${Math.abs(r * 100).toFixed(1)} %`;
  return (
    <span className={`text-sm font-semibold ${colour}`} data-testid="figure-change">
      <span aria-hidden>{up ? "▲" : r < 0 ? "▼" : "■"}</span> {pct} <span className="sr-only">against the previous period</span>
    </span>
  );
}

/** Headline figures of a report, each with its change against the previous period. */
export function FigureGrid({ figures, testId = "report-figures" }: { figures: Figure[]; testId?: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6 print:grid-cols-4 print:gap-2" data-testid={testId}>
      {figures.map((f) => (
        <div
          key={f.label}
          data-figure={f.label}
          className={`rounded-xl border bg-white p-4 print:p-2 ${f.strong ? "border-gray-900" : "border-gray-200"}`}
        >
          <dt className="text-sm text-gray-600">{f.label}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="figure-value">
            {f.value}
          </dd>
          <dd>
            <Change f={f} />
          </dd>
          {f.note && <dd className="text-xs text-gray-500">{f.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
