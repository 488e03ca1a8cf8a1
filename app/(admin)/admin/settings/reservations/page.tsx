import type { Metadata } from "next";
import { headers } from "next/headers";
import { requireUser } from "@/lib/auth/session";
import { getReservationSettings } from "@/lib/reservations/get-reservation-settings";
import { SETUP_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { ReservationSettingsForm } from "./_components/reservation-settings-form";
import { ServicePeriods } from "./_components/service-periods";

export const metadata: Metadata = { title: "Reservation settings" };

export default async function ReservationSettingsPage() {
  const ctx = await requireUser("setup.manage");
  const s = await getReservationSettings(ctx);
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">Setup</h1>
      <SectionTabs label="Setup sections" tabs={SETUP_TABS} current="reservations" />
      <p className="text-sm text-gray-600">
        When {s.name} takes bookings and how fast: service periods cut into slots, each taking at most so many guests
        and new parties (pacing); how long a party keeps its table; and the public booking page.
      </p>
      <ServicePeriods periods={s.periods} />
      <ReservationSettingsForm
        publicUrl={`${origin}/book/${s.slug}`}
        initial={{
          reservationDurations: s.reservationDurations,
          onlineBooking: s.onlineBooking,
          onlineMaxPartySize: s.onlineMaxPartySize,
          phone: s.phone ?? "",
        }}
      />
    </div>
  );
}
