"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, CHART_COLORS } from "./format";

/** An ingredient's level over time (from the ledger), with par and reorder point as guides. */
export function BalanceLineChart({
  data,
  unit,
  par,
  reorderPoint,
  label,
}: {
  data: { at: string; balance: number }[];
  unit: string;
  par?: number;
  reorderPoint?: number;
  label: string;
}) {
  if (data.length < 2)
    return (
      <p className="py-8 text-center text-sm text-gray-500">The chart appears once there are at least two movements.</p>
    );
  const fmt = (v: number) => formatValue(v, { kind: "number", unit });
  const points = data.map((d) => ({ ...d, t: new Date(d.at).getTime() }));
  return (
    <figure
      role="img"
      aria-label={`${label}: from ${fmt(data[0].balance)} to ${fmt(data[data.length - 1].balance)} over ${data.length} movements`}
      className="h-56"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(t) => new Date(Number(t)).toLocaleDateString("en-US", { month: "short", day: "numeric" })}
          />
          <YAxis tickFormatter={(v) => fmt(Number(v))} width={80} />
          <Tooltip
            labelFormatter={(t) => new Date(Number(t)).toLocaleString("en-US")}
            formatter={(v) => [fmt(Number(v)), "On hand"]}
          />
          {par ? (
            <ReferenceLine
              y={par}
              stroke="#16a34a"
              strokeDasharray="4 4"
              label={{ value: "par", position: "insideTopRight", fontSize: 11 }}
            />
          ) : null}
          {reorderPoint ? (
            <ReferenceLine
              y={reorderPoint}
              stroke="#d97706"
              strokeDasharray="4 4"
              label={{ value: "reorder", position: "insideBottomRight", fontSize: 11 }}
            />
          ) : null}
          <Line
            type="stepAfter"
            dataKey="balance"
            stroke={CHART_COLORS[1]}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
