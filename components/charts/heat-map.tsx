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
                const share = v / max;
                return (
                  <td
                    key={c.key}
                    title={`${r.label} at ${c.label}: ${v} ${unit}`}
                    aria-label={`${r.label} at ${c.label}: ${v} ${unit}`}
                    className={`min-w-9 rounded px-1 py-2 print:border print:border-gray-300 ${share > 0.55 ? "text-white" : "text-gray-900"}`}
                    style={{ backgroundColor: v ? `rgba(234, 88, 12, ${0.12 + share * 0.88})` : "#f3f4f6" }}
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
