"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, formatValue } from "./format";

// A little room above and below, so the lowest price does not sit on the axis.
const PADDED: [(min: number) => number, (max: number) => number] = [
  (min) => Math.floor(min * 0.97),
  (max) => Math.ceil(max * 1.03),
];

/** Unit cost paid over time, one line per supplier (a step at each receipt). */
export function PriceLineChart({
  series,
  currency,
  label,
}: {
  /** Per supplier: receipts in time order, cost in major units. */
  series: { name: string; points: { at: string; cost: number }[] }[];
  currency: string;
  label: string;
}) {
  const points = series.flatMap((s) => s.points);
  if (!points.length) return <p className="py-8 text-center text-sm text-gray-500">No receipts in this period.</p>;
  const money = (v: number) => formatValue(v, { kind: "currency", currency });
  const exact = (v: number) =>
    new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: 2 }).format(v);
  const day = (t: number) => new Date(t).toLocaleDateString("en-US", { month: "short", day: "numeric" });
  // Ticks on the receipts themselves (at most ~8, evenly picked): recharts' own time ticks skip days.
  const times = [...new Set(points.map((p) => new Date(p.at).getTime()))].sort((a, b) => a - b);
  const step = Math.ceil(times.length / 8);
  const ticks = times.filter((_, i) => i % step === 0);
  return (
    <figure
      role="img"
      aria-label={`${label}: ${series
        .map((s) => `${s.name} ${s.points.map((p) => `${p.at.slice(0, 10)} ${exact(p.cost)}`).join(", ")}`)
        .join("; ")}`}
      className="h-72"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 16, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            allowDuplicatedCategory={false}
            ticks={ticks}
            tickFormatter={(t) => day(Number(t))}
          />
          <YAxis tickFormatter={(v) => money(Number(v))} width={70} domain={PADDED} />
          <Tooltip labelFormatter={(t) => day(Number(t))} formatter={(v, name) => [exact(Number(v)), String(name)]} />
          <Legend />
          {series.map((s, i) => (
            <Line
              key={s.name}
              name={s.name}
              data={s.points.map((p) => ({ t: new Date(p.at).getTime(), cost: p.cost }))}
              dataKey="cost"
              type="stepAfter"
              stroke={CHART_COLORS[i % CHART_COLORS.length]}
              strokeWidth={2}
              dot
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
