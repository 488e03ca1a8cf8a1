import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { HostFloorPlan } from "./_components/host-floor-plan";
import { HostSelectionProvider } from "./_components/host-selection";

export const metadata: Metadata = { title: "Host stand" };

// A stand-in until the host stand's page (reservations timeline and waitlist beside this plan)
// lands; that page mounts the same HostFloorPlan inside its HostSelectionProvider.
export default async function HostPage() {
  const ctx = await requireUser("floor.use");
  return (
    <HostSelectionProvider>
      <h1 className="sr-only">Host stand</h1>
      <HostFloorPlan locationId={ctx.locationId} />
    </HostSelectionProvider>
  );
}
