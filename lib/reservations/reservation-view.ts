import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { GUEST_CONTACT_SELECT, withGuestContact } from "./guest-contact";

/** A booking's own fields (no guest, no tables): the personal-data export lists these. */
export const RESERVATION_FIELDS = {
  id: true,
  status: true,
  source: true,
  partySize: true,
  startsAt: true,
  durationMinutes: true,
  tags: true,
  notes: true,
  allergyNotes: true,
  orderId: true,
  createdAt: true,
  confirmedAt: true,
  arrivedAt: true,
  seatedAt: true,
  completedAt: true,
  cancelledAt: true,
  noShowAt: true,
} satisfies Prisma.ReservationSelect;

/** What the host stand and /api/v1/reservations show of a booking. */
export const RESERVATION_SELECT = {
  ...RESERVATION_FIELDS,
  guest: {
    select: { id: true, name: true, ...GUEST_CONTACT_SELECT, visitCount: true, noShowCount: true, notes: true },
  },
  tables: { select: { table: { select: { id: true, label: true, seats: true } } } },
} satisfies Prisma.ReservationSelect;

type Row = Prisma.ReservationGetPayload<{ select: typeof RESERVATION_SELECT }>;

export function reservationView({ tables, guest, ...r }: Row) {
  return {
    ...r,
    guest: withGuestContact(guest),
    endsAt: new Date(r.startsAt.getTime() + r.durationMinutes * 60_000),
    tables: tables.map((t) => t.table).sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true })),
  };
}
export type ReservationView = ReturnType<typeof reservationView>;
