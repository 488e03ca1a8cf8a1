/**
 * A heat map as a table: one row per series (a station), one column per bucket (an hour), each
 * cell shaded by its share of the largest value and carrying its number as text, so a screen
 * reader reads it as the table it is and print keeps the figures.
 */
export function HeatMap({
  rows,
  columns,
  value,
  label,
  unit,
  empty = "Nothing to show for this period.",
}: {
  rows: { key: string; label: string }[];
  columns: { key: number; label: string }[];
  value: (row: string, column: number) => number;
  label: string;
  /** The counted thing, for each cell's accessible name ("12 lines"). */
  unit: string;
  empty?: string;
}) {
  if (!rows.length || !columns.length) return <p className="py-8 text-center text-sm text-gray-500">{empty}</p>;
  const max = Math.max(1, ...rows.flatMap((r) => columns.map((c) => value(r.key, c.key))));
  return (
    <div className="overflow-x-auto">
      <table
        className="w-full border-separate border-spacing-0.5 text-center text-xs tabular-nums"
        data-testid="heat-map"
      >
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-semibold text-gray-600">
              <span className="sr-only">Station</span>
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="px-1 py-1 font-semibold text-gray-600">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-semibold">
                {r.label}
              </th>
              {columns.map((c) => {
                const v = value(r.key, c.key);
                const shade = cellShade(v / max);
                return (
                  <td
                    key={c.key}
                    title={`${r.label} at ${c.label}: ${v} ${unit}`}
                    aria-label={`${r.label} at ${c.label}: ${v} ${unit}`}
                    className="min-w-9 rounded px-1 py-2 print:border print:border-gray-300"
                    style={v ? shade : { backgroundColor: "#f3f4f6", color: "#111827" }}
                  >
                    {v}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Deep orange (Tailwind orange-800) faded towards white by the cell's share of the maximum.
const HOT = [154, 52, 18] as const;

/** The cell's background and whichever of black or white text reads better on it (≥ 4.5:1 at every shade). */
export function cellShade(share: number): { backgroundColor: string; color: string } {
  const a = 0.12 + Math.min(1, Math.max(0, share)) * 0.88;
  const rgb = HOT.map((c) => Math.round(255 + (c - 255) * a));
  const lum = relativeLuminance(rgb);
  const onWhite = 1.05 / (lum + 0.05);
  const onBlack = (lum + 0.05) / 0.05;
  return { backgroundColor: `rgb(${rgb.join(", ")})`, color: onWhite >= onBlack ? "#ffffff" : "#000000" };
}

function relativeLuminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
