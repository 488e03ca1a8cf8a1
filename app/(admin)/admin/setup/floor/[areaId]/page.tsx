import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/or-not-found";
import { getAreaPlan } from "@/lib/tables/get-area-plan";
import { listAreas } from "@/lib/tables/list-areas";
import { FloorPlanEditor } from "./_components/floor-plan-editor";
import type { AreaPlan } from "./_components/types";

export const metadata: Metadata = { title: "Floor plan editor" };

export default async function AreaPlanPage({ params }: { params: Promise<{ areaId: string }> }) {
  const ctx = await requireUser("setup.manage");
  const { areaId } = await params;
  const [plan, areas] = await Promise.all([orNotFound(getAreaPlan(ctx, areaId)), listAreas(ctx)]);
  // Plain JSON (dates as strings): the same shape the editor refetches from /api/v1/areas/:id.
  const initial = JSON.parse(JSON.stringify(plan)) as AreaPlan;
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/setup/floor" className="inline-flex min-h-11 items-center text-gray-700 underline">
          ← All areas
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">Floor plan: {plan.name}</h1>
      {plan.archivedAt && (
        <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm font-medium text-amber-900">
          This area is archived: restore it on the areas page to place tables in it again.
        </p>
      )}
      <FloorPlanEditor
        initial={initial}
        areas={areas.filter((a) => !a.archivedAt).map(({ id, name }) => ({ id, name }))}
      />
    </div>
  );
}
