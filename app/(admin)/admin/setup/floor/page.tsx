import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listAreas } from "@/lib/tables/list-areas";
import { SETUP_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { AreaManager } from "./_components/area-manager";

export const metadata: Metadata = { title: "Floor plan" };

export default async function FloorSetupPage() {
  const ctx = await requireUser("setup.manage");
  const areas = await listAreas(ctx);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Setup</h1>
      <SectionTabs label="Setup sections" tabs={SETUP_TABS} current="floor" />
      <p className="text-sm text-gray-600">
        The floor tablets show the areas in this order, each drawn as its plan. Archived areas and tables keep their
        history but leave the floor.
      </p>
      <AreaManager areas={areas.map((a) => ({ ...a, archivedAt: a.archivedAt?.toISOString() ?? null }))} />
    </div>
  );
}
