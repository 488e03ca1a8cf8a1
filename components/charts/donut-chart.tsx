"use client";

import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { CHART_COLORS, formatValue, type ValueFormat } from "./format";

/** Shares of a whole (e.g. waste by reason). */
export function DonutChart({
  data,
  format,
  label,
  empty = "Nothing to show for this period.",
}: {
  data: { label: string; value: number }[];
  format: ValueFormat;
  label: string;
  empty?: string;
}) {
  if (!data.length || data.every((d) => d.value === 0))
    return <p className="py-8 text-center text-sm text-gray-500">{empty}</p>;
  return (
    <figure
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.label} ${formatValue(d.value, format)}`).join(", ")}`}
      className="h-64"
    >
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie
            data={data}
            dataKey="value"
            nameKey="label"
            innerRadius="55%"
            outerRadius="85%"
            paddingAngle={2}
            isAnimationActive={false}
          >
            {data.map((d, i) => (
              <Cell key={d.label} fill={CHART_COLORS[i % CHART_COLORS.length]} />
            ))}
          </Pie>
          <Tooltip formatter={(v, n) => [formatValue(Number(v), format), n]} />
          <Legend />
        </PieChart>
      </ResponsiveContainer>
    </figure>
  );
}
