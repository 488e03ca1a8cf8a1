"use client";

import type { ReservationStatus } from "@/generated/prisma/enums";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { HostReservation } from "./host-data";
import { ReservationCard, type Notice } from "./reservation-card";

const SECTIONS: { key: string; title: string; statuses: readonly ReservationStatus[] }[] = [
  { key: "upcoming", title: "Upcoming", statuses: ["BOOKED", "CONFIRMED"] },
  { key: "arrived", title: "Arrived", statuses: ["ARRIVED"] },
  { key: "seated", title: "Seated", statuses: ["SEATED"] },
  { key: "finished", title: "Finished", statuses: ["COMPLETED", "CANCELLED", "NO_SHOW"] },
];

/** The day's book by time, in the order a night runs: upcoming, at the stand, seated, done. */
export function ReservationList({
  reservations,
  timezone,
  canManage,
  now,
  onNotice,
  onEdit,
  onCancel,
}: {
  reservations: readonly HostReservation[];
  timezone: string;
  canManage: boolean;
  now: number;
  onNotice: (n: Notice) => void;
  onEdit: (r: HostReservation) => void;
  onCancel: (r: HostReservation) => void;
}) {
  if (reservations.length === 0)
    return <EmptyState title="No reservations on this day">Tap “New reservation” to book one.</EmptyState>;
  return (
    <ScrollRegion label="Reservations of the day" className="h-full overflow-y-auto pr-1" testId="reservation-list">
      {SECTIONS.map((s) => {
        const rows = reservations.filter((r) => s.statuses.includes(r.status));
        if (rows.length === 0) return null;
        const covers = rows.reduce((n, r) => n + r.partySize, 0);
        return (
          <section key={s.key} aria-labelledby={`host-section-${s.key}`} className="mb-4" data-section={s.key}>
            <h2
              id={`host-section-${s.key}`}
              className="sticky top-0 z-10 mb-2 bg-gray-100 py-1 text-sm font-bold uppercase tracking-wide text-gray-700"
            >
              {s.title} · {rows.length} {rows.length === 1 ? "party" : "parties"}, {covers} covers
            </h2>
            <ul className="space-y-2">
              {rows.map((r) => (
                <li key={r.id}>
                  <ReservationCard
                    reservation={r}
                    timezone={timezone}
                    canManage={canManage}
                    now={now}
                    onNotice={onNotice}
                    onEdit={onEdit}
                    onCancel={onCancel}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </ScrollRegion>
  );
}
