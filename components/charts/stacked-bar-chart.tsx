"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, formatValue, type ValueFormat } from "./format";

/** One bar per label, stacked by series (expected items per station and hour). */
export function StackedBarChart({
  data,
  series,
  format,
  label,
  empty = "Nothing to show.",
}: {
  data: ({ label: string } & Record<string, number | string>)[];
  /** `key` is the data field of the series, `name` what the legend says. */
  series: { key: string; name: string }[];
  format: ValueFormat;
  label: string;
  empty?: string;
}) {
  if (!data.length || !series.length) return <p className="py-8 text-center text-sm text-gray-500">{empty}</p>;
  const words = data
    .map(
      (d) => `${d.label}: ${series.map((s) => `${s.name} ${formatValue(Number(d[s.key] ?? 0), format)}`).join(", ")}`,
    )
    .join("; ");
  return (
    <figure role="img" aria-label={`${label}. ${words}`} className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v) => formatValue(Number(v), format)} width={80} allowDecimals={false} />
          <Tooltip
            formatter={(v, key) => [formatValue(Number(v), format), series.find((s) => s.key === key)?.name ?? key]}
          />
          <Legend formatter={(key) => series.find((s) => s.key === key)?.name ?? key} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              stackId="load"
              fill={CHART_COLORS[i % CHART_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
