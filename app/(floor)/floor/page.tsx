import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { FLOOR_STAFF } from "@/lib/auth/roles";
import { listFloor } from "@/lib/tables/list-floor";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Floor" };

const STATUS_STYLE: Record<string, string> = {
  FREE: "border-gray-300 bg-white",
  SEATED: "border-blue-400 bg-blue-50",
  ORDERED: "border-amber-400 bg-amber-50",
  FOOD_READY: "border-green-500 bg-green-50",
  NEEDS_ATTENTION: "border-red-500 bg-red-50",
};

export default async function FloorPage() {
  const ctx = await requireUser(FLOOR_STAFF);
  const areas = await listFloor(ctx);
  if (areas.length === 0) return <EmptyState title="No floor plan yet">A manager can add areas and tables.</EmptyState>;
  return (
    <div className="space-y-6">
      {areas.map((area) => (
        <section key={area.id} aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`} className="mb-3 text-lg font-bold">{area.name}</h2>
          {area.tables.length === 0 ? (
            <EmptyState title="No tables in this area" />
          ) : (
            <ul className="grid grid-cols-3 gap-3 sm:grid-cols-4 lg:grid-cols-6" data-testid="table-grid">
              {area.tables.map((t) => (
                <li key={t.id}>
                  <div
                    data-testid="table-tile"
                    data-status={t.status}
                    className={`flex min-h-24 flex-col justify-between rounded-xl border-2 p-3 ${STATUS_STYLE[t.status] ?? ""}`}
                  >
                    <div className="flex items-baseline justify-between">
                      <span className="text-2xl font-black">{t.label}</span>
                      <span className="text-sm text-gray-500">{t.seats} seats</span>
                    </div>
                    <span className="text-sm font-medium text-gray-700">{t.status.replace("_", " ").toLowerCase()}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
