// Value formats the charts accept (functions cannot cross the server → client boundary).
export type ValueFormat =
  { kind: "currency"; currency: string } | { kind: "number"; unit?: string } | { kind: "percent" };

export function formatValue(v: number, f: ValueFormat): string {
  if (f.kind === "currency")
    return new Intl.NumberFormat("en-US", { style: "currency", currency: f.currency, maximumFractionDigits: 0 }).format(
      v,
    );
  if (f.kind === "percent") return `${v.toFixed(1)} %`;
  return `${new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(v)}${f.unit ? ` ${f.unit}` : ""}`;
}

export const CHART_COLORS = ["#ea580c", "#2563eb", "#16a34a", "#9333ea", "#dc2626", "#0891b2", "#ca8a04", "#4b5563"];
