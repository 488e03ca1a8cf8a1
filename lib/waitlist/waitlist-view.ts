import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "../db";
import { withGuestContact } from "../reservations/guest-contact";

/** What the host stand and /api/v1/waitlist show of an entry (never the token or its hash). */
export const ENTRY_SELECT = {
  id: true,
  status: true,
  partySize: true,
  quotedMinutes: true,
  notes: true,
  reservationId: true,
  createdAt: true,
  notifiedAt: true,
  seatedAt: true,
  leftAt: true,
  guest: { select: { id: true, name: true, phoneEnc: true } },
  reservation: { select: { tables: { select: { table: { select: { id: true, label: true } } } } } },
} satisfies Prisma.WaitlistEntrySelect;

type Row = Prisma.WaitlistEntryGetPayload<{ select: typeof ENTRY_SELECT }>;

export function entryView({ reservation, guest, ...e }: Row) {
  const { phoneEnc, ...who } = guest;
  return {
    ...e,
    guest: { ...who, phone: withGuestContact({ phoneEnc, emailEnc: null }).phone },
    tables: (reservation?.tables ?? [])
      .map((t) => t.table)
      .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true })),
  };
}
export type WaitlistEntryView = ReturnType<typeof entryView>;

/** "Ravi" of "Ravi Patel": the only part of a name a public page or a message shows. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0]?.slice(0, 40) || "there";
}

/** Serialises changes to one location's queue (quotes count the parties ahead). */
export async function lockWaitlist(tx: Tx, locationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"waitlist:" + locationId}))`;
}
