import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listMyLocations } from "@/lib/locations/list-my-locations";
import { NewLocationForm } from "./_components/new-location-form";

export const metadata: Metadata = { title: "New location" };

export default async function NewLocationPage() {
  const ctx = await requireUser("locations.create");
  const sources = (await listMyLocations(ctx)).filter((l) => can(l.role, "locations.create"));
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Open another location</h1>
      <p className="text-sm text-gray-600">
        Start from a restaurant you run: its menu, stations and settings come along.
      </p>
      <NewLocationForm sources={sources.map(({ id, name }) => ({ id, name }))} currentId={ctx.locationId} />
    </div>
  );
}
