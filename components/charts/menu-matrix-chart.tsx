"use client";

import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { formatValue } from "./format";

export type MatrixClass = "STAR" | "PLOWHORSE" | "PUZZLE" | "DOG";
export type MatrixPoint = {
  name: string;
  /** Mix share, percent. */
  mixPct: number;
  /** Margin per portion, major units. */
  margin: number;
  quantity: number;
  menuClass: MatrixClass;
};

const CLASSES: { key: MatrixClass; label: string; color: string; shape: "star" | "circle" | "diamond" | "cross" }[] = [
  { key: "STAR", label: "Stars", color: "#16a34a", shape: "star" },
  { key: "PLOWHORSE", label: "Plowhorses", color: "#2563eb", shape: "circle" },
  { key: "PUZZLE", label: "Puzzles", color: "#9333ea", shape: "diamond" },
  { key: "DOG", label: "Dogs", color: "#dc2626", shape: "cross" },
];

function Tip({
  active,
  payload,
  currency,
}: {
  active?: boolean;
  payload?: { payload: MatrixPoint }[];
  currency: string;
}) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-2 text-sm shadow">
      <p className="font-semibold">{p.name}</p>
      <p>
        {p.quantity} sold · {p.mixPct.toFixed(1)} % of the mix
      </p>
      <p>{formatValue(p.margin, { kind: "currency", currency })} margin per portion</p>
    </div>
  );
}

/**
 * The menu-engineering matrix: popularity (mix %) across, margin per portion up, reference lines
 * at the two thresholds, one colour and shape per quadrant, the dish's name in the tooltip.
 */
export function MenuMatrixChart({
  points,
  popularityPct,
  marginThreshold,
  currency,
}: {
  points: MatrixPoint[];
  /** The popularity threshold, percent (70 % of the fair share). */
  popularityPct: number;
  /** The weighted average margin, major units. */
  marginThreshold: number;
  currency: string;
}) {
  if (!points.length)
    return <p className="py-8 text-center text-sm text-gray-500">No costed dishes sold in this period.</p>;
  const money = (v: number) => formatValue(v, { kind: "currency", currency });
  const label =
    `Menu engineering matrix: popularity threshold ${popularityPct.toFixed(1)} % of the mix, ` +
    `average margin ${money(marginThreshold)}. ` +
    CLASSES.map(
      (c) =>
        `${c.label}: ${
          points
            .filter((p) => p.menuClass === c.key)
            .map((p) => `${p.name} (${p.mixPct.toFixed(1)} %, ${money(p.margin)})`)
            .join(", ") || "none"
        }`,
    ).join("; ");
  return (
    <figure role="img" aria-label={label} className="h-96" data-testid="menu-matrix">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="mixPct"
            name="Mix"
            unit=" %"
            tickFormatter={(v) => Number(v).toFixed(0)}
            label={{ value: "Popularity (mix %)", position: "insideBottom", offset: -12 }}
          />
          <YAxis
            type="number"
            dataKey="margin"
            name="Margin"
            tickFormatter={(v) => money(Number(v))}
            width={70}
            label={{ value: "Margin per portion", angle: -90, position: "insideLeft", offset: 4 }}
          />
          <ZAxis range={[90, 90]} />
          <ReferenceLine x={popularityPct} stroke="#6b7280" strokeDasharray="6 3" />
          <ReferenceLine y={marginThreshold} stroke="#6b7280" strokeDasharray="6 3" />
          <Tooltip content={<Tip currency={currency} />} />
          <Legend verticalAlign="top" />
          {CLASSES.map((c) => (
            <Scatter
              key={c.key}
              name={c.label}
              data={points.filter((p) => p.menuClass === c.key)}
              fill={c.color}
              shape={c.shape}
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
