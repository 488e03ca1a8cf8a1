"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, formatValue, type ValueFormat } from "./format";

/**
 * Two amounts side by side per label (left axis) and a ratio as a line (right axis, percent):
 * labour cost and sales by day with labour % of sales.
 */
export function BarsWithRatioChart({
  data,
  series,
  format,
  label,
  empty = "Nothing to show for this period.",
}: {
  data: { label: string; a: number; b: number; ratio: number | null }[];
  /** Names of the two bars and of the line. */
  series: [string, string, string];
  format: ValueFormat;
  label: string;
  empty?: string;
}) {
  if (!data.length || data.every((d) => d.a === 0 && d.b === 0))
    return <p className="py-8 text-center text-sm text-gray-500">{empty}</p>;
  const pct: ValueFormat = { kind: "percent" };
  const names: Record<string, string> = { a: series[0], b: series[1], ratio: series[2] };
  return (
    <figure
      role="img"
      aria-label={`${label}: ${data
        .map(
          (d) =>
            `${d.label} ${series[0]} ${formatValue(d.a, format)}, ${series[1]} ${formatValue(d.b, format)}, ${series[2]} ${d.ratio === null ? "none" : formatValue(d.ratio, pct)}`,
        )
        .join("; ")}`}
      className="h-80"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ bottom: 24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" height={50} tick={{ fontSize: 11 }} />
          <YAxis yAxisId="money" tickFormatter={(v) => formatValue(Number(v), format)} width={70} />
          <YAxis yAxisId="pct" orientation="right" tickFormatter={(v) => formatValue(Number(v), pct)} width={60} />
          <Tooltip
            formatter={(v, name) => [
              name === "ratio" ? formatValue(Number(v), pct) : formatValue(Number(v), format),
              names[String(name)] ?? String(name),
            ]}
          />
          <Legend formatter={(v) => names[String(v)] ?? String(v)} />
          <Bar yAxisId="money" dataKey="a" fill={CHART_COLORS[1]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar yAxisId="money" dataKey="b" fill={CHART_COLORS[2]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Line
            yAxisId="pct"
            dataKey="ratio"
            stroke={CHART_COLORS[0]}
            strokeWidth={2}
            connectNulls
            dot
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
