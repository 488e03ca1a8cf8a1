import { polygonOf, type LatLng } from "@/lib/delivery/geo";

// A map-less preview of delivery areas around the kitchen: an equirectangular projection (x =
// longitude × cos(latitude), y = latitude), fine for a few kilometres. No tiles, no network.

export type MapArea = {
  id: string;
  name: string;
  kind: "POLYGON" | "RADIUS";
  polygon: unknown;
  minMeters: number;
  maxMeters: number | null;
};
export type MapPoint = LatLng & { id: string; label: string; tone?: "test" | "stop" | "driver" };

const COLORS = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2"];
const M_PER_DEG = 111_320;
const SIZE = 480;

export function AreaMap({
  kitchen,
  areas,
  points = [],
  highlightId,
  title = "Delivery areas around the kitchen",
}: {
  kitchen: LatLng | null;
  areas: readonly MapArea[];
  points?: readonly MapPoint[];
  highlightId?: string | null;
  title?: string;
}) {
  const origin = kitchen ?? firstPoint(areas, points);
  if (!origin) {
    return (
      <p className="rounded-lg bg-gray-50 p-4 text-sm text-gray-600" data-testid="area-map-empty">
        Nothing to draw yet: set the kitchen&apos;s position or add an area.
      </p>
    );
  }
  const cos = Math.cos((origin.lat * Math.PI) / 180);
  // Metres east/north of the origin.
  const project = (p: LatLng) => ({
    x: (p.lng - origin.lng) * M_PER_DEG * cos,
    y: (p.lat - origin.lat) * M_PER_DEG,
  });
  let extent = 500;
  for (const a of areas) {
    if (a.kind === "RADIUS" && kitchen && a.maxMeters) extent = Math.max(extent, a.maxMeters);
    for (const [lat, lng] of polygonOf(a.polygon) ?? []) {
      const q = project({ lat, lng });
      extent = Math.max(extent, Math.abs(q.x), Math.abs(q.y));
    }
  }
  for (const p of points) {
    const q = project(p);
    extent = Math.max(extent, Math.abs(q.x), Math.abs(q.y));
  }
  const scale = (SIZE / 2 - 12) / extent;
  const sx = (m: number) => SIZE / 2 + m * scale;
  const sy = (m: number) => SIZE / 2 - m * scale;

  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={title}
        className="h-auto w-full max-w-[480px] rounded-lg border border-gray-200 bg-slate-50"
        data-testid="area-map"
      >
        <title>{title}</title>
        {[...areas].reverse().map((a) => {
          const i = areas.indexOf(a);
          const color = COLORS[i % COLORS.length];
          const strong = highlightId === a.id;
          const common = {
            fill: color,
            fillOpacity: strong ? 0.35 : 0.12,
            stroke: color,
            strokeWidth: strong ? 3 : 1.5,
          };
          if (a.kind === "RADIUS") {
            if (!kitchen || !a.maxMeters) return null;
            return (
              <g key={a.id} data-testid={`area-shape-${i}`}>
                <circle cx={SIZE / 2} cy={SIZE / 2} r={a.maxMeters * scale} {...common} />
                {a.minMeters > 0 && (
                  <circle
                    cx={SIZE / 2}
                    cy={SIZE / 2}
                    r={a.minMeters * scale}
                    fill="none"
                    stroke={color}
                    strokeDasharray="4 4"
                  />
                )}
              </g>
            );
          }
          const ring = polygonOf(a.polygon);
          if (!ring) return null;
          const d = ring.map(([lat, lng]) => project({ lat, lng })).map((q) => `${sx(q.x)},${sy(q.y)}`);
          return <polygon key={a.id} points={d.join(" ")} {...common} data-testid={`area-shape-${i}`} />;
        })}
        {kitchen && (
          <g>
            <rect x={SIZE / 2 - 6} y={SIZE / 2 - 6} width={12} height={12} fill="#111827" />
            <text x={SIZE / 2 + 9} y={SIZE / 2 - 8} fontSize={12} fill="#111827">
              Kitchen
            </text>
          </g>
        )}
        {points.map((p) => {
          const q = project(p);
          const fill = p.tone === "driver" ? "#0891b2" : p.tone === "stop" ? "#9333ea" : "#dc2626";
          return (
            <g key={p.id}>
              <circle cx={sx(q.x)} cy={sy(q.y)} r={6} fill={fill} stroke="white" strokeWidth={2} />
              <text x={sx(q.x) + 9} y={sy(q.y) + 4} fontSize={12} fill="#111827">
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-3 text-xs text-gray-700">
        {areas.map((a, i) => (
          <span key={a.id} className="inline-flex items-center gap-1">
            <span
              aria-hidden
              className="inline-block h-3 w-3 rounded-sm"
              style={{ background: COLORS[i % COLORS.length] }}
            />
            {a.name}
          </span>
        ))}
        <span>Scale: {Math.round(extent / 100) / 10} km from the centre to the edge</span>
      </figcaption>
    </figure>
  );
}

function firstPoint(areas: readonly MapArea[], points: readonly MapPoint[]): LatLng | null {
  for (const a of areas) {
    const ring = polygonOf(a.polygon);
    if (ring) return { lat: ring[0][0], lng: ring[0][1] };
  }
  return points[0] ?? null;
}
