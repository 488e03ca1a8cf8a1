"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, formatValue, type ValueFormat } from "./format";

/** Ranked values (top N), labels on the left: "which ingredients matter most". */
export function HorizontalBarChart({
  data,
  format,
  label,
  color = CHART_COLORS[0],
  empty = "Nothing to show for this period.",
}: {
  data: { label: string; value: number }[];
  format: ValueFormat;
  label: string;
  color?: string;
  empty?: string;
}) {
  if (!data.length || data.every((d) => d.value === 0))
    return <p className="py-8 text-center text-sm text-gray-500">{empty}</p>;
  const height = Math.max(160, data.length * 30 + 40);
  return (
    <figure
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.label} ${formatValue(d.value, format)}`).join(", ")}`}
      style={{ height }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v) => formatValue(Number(v), format)} />
          <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [formatValue(Number(v), format), label]} />
          <Bar dataKey="value" fill={color} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
