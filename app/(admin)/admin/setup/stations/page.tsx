import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listStationSetup } from "@/lib/kitchen/list-station-setup";
import { SETUP_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { StationManager, type StationRow } from "./_components/station-manager";

export const metadata: Metadata = { title: "Stations" };

export default async function StationsPage() {
  const ctx = await requireUser("setup.manage");
  const { stations, categories } = await listStationSetup(ctx);
  const rows: StationRow[] = stations.map((s) => ({ ...s, archivedAt: s.archivedAt?.toISOString() ?? null }));
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">Setup</h1>
      <SectionTabs label="Setup sections" tabs={SETUP_TABS} current="stations" />
      <p className="text-sm text-gray-600">
        Each station has its own kitchen screen. Archived stations keep their history but leave the kitchen picker and
        the routing choices.
      </p>
      <StationManager stations={rows} categories={categories} />
    </div>
  );
}
