import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getLocation } from "@/lib/locations/get-location";
import { getDeliverySettings } from "@/lib/delivery/delivery-settings";
import { listDeliveryAreas } from "@/lib/delivery/list-delivery-areas";
import { DeliveryAreas } from "./_components/delivery-areas";
import { DeliverySettingsForm } from "./_components/delivery-settings-form";

export const metadata: Metadata = { title: "Delivery" };

export default async function DeliverySetupPage() {
  const ctx = await requireUser("delivery.setup");
  const [location, settings, { kitchen, areas }] = await Promise.all([
    getLocation(ctx),
    getDeliverySettings(ctx),
    listDeliveryAreas(ctx),
  ]);
  return (
    <div className="max-w-6xl space-y-4">
      <h1 className="text-2xl font-bold">Delivery</h1>
      <p className="text-sm text-gray-600">
        Where {location.name} delivers and for how much. An address belongs to the first area (lowest order) that holds
        it; an address outside every area cannot order delivery. Radius bands are measured from the kitchen&apos;s
        position.
      </p>
      <DeliverySettingsForm
        initial={{
          onlineOrdering: settings.onlineOrdering,
          latitude: settings.latitude,
          longitude: settings.longitude,
          onlinePrepMinutes: settings.onlinePrepMinutes,
          onlineSlotCapacity: settings.onlineSlotCapacity,
        }}
      />
      <DeliveryAreas
        kitchen={kitchen}
        currency={location.currency}
        areas={areas.map((a) => ({ ...a, archivedAt: a.archivedAt?.toISOString() ?? null }))}
      />
    </div>
  );
}
