"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, formatValue, type ValueFormat } from "./format";

/** Two series side by side per label, e.g. theoretical vs actual usage. */
export function ComparisonBarChart({
  data,
  series,
  format,
  label,
  empty = "Nothing to compare for this period.",
}: {
  data: { label: string; a: number; b: number }[];
  series: [string, string];
  format: ValueFormat;
  label: string;
  empty?: string;
}) {
  if (!data.length) return <p className="py-8 text-center text-sm text-gray-500">{empty}</p>;
  return (
    <figure
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.label} ${series[0]} ${formatValue(d.a, format)}, ${series[1]} ${formatValue(d.b, format)}`).join("; ")}`}
      className="h-80"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ bottom: 40 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} angle={-30} textAnchor="end" height={60} tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={(v) => formatValue(Number(v), format)} width={70} />
          <Tooltip formatter={(v, name) => [formatValue(Number(v), format), name === "a" ? series[0] : series[1]]} />
          <Legend formatter={(v) => (v === "a" ? series[0] : series[1])} />
          <Bar dataKey="a" fill={CHART_COLORS[1]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="b" fill={CHART_COLORS[0]} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
