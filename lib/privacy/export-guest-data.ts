import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { GUEST_PROFILE_SELECT, withGuestContact } from "../reservations/guest-contact";
import { RESERVATION_FIELDS } from "../reservations/reservation-view";
import { parseInput } from "../validation";
import { personIdSchema, type PersonIdInput } from "./privacy-schemas";

/**
 * Everything stored about one guest of this location, decrypted, as one JSON document (GDPR right
 * of access): profile, reservations, waitlist visits, messages and visit stats. Audited (who and
 * when, not the data itself).
 */
export async function exportGuestData(ctx: Ctx, raw: PersonIdInput) {
  assertCan(ctx, "guests.privacy");
  const { id } = parseInput(personIdSchema, raw);
  const row = await db.guest.findFirst({
    where: { id, locationId: ctx.locationId },
    select: {
      ...GUEST_PROFILE_SELECT,
      updatedAt: true,
      location: { select: { name: true } },
      reservations: { select: RESERVATION_FIELDS, orderBy: { startsAt: "asc" } },
      waitlist: {
        select: {
          id: true,
          status: true,
          partySize: true,
          quotedMinutes: true,
          notes: true,
          createdAt: true,
          notifiedAt: true,
          seatedAt: true,
          leftAt: true,
        },
        orderBy: { createdAt: "asc" },
      },
      messages: {
        select: { id: true, channel: true, status: true, body: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!row) throw notFound("Guest");
  const { reservations, waitlist, messages, location, ...profile } = row;
  await auditAs(ctx, {
    action: "guest.export",
    entityType: "Guest",
    entityId: id,
    details: { reservations: reservations.length, waitlistEntries: waitlist.length, messages: messages.length },
  });
  return {
    exportedAt: new Date().toISOString(),
    restaurant: location.name,
    guest: withGuestContact(profile),
    reservations,
    waitlistEntries: waitlist,
    messages,
    visitStats: {
      visits: profile.visitCount,
      noShows: profile.noShowCount,
      reservations: reservations.length,
      completed: reservations.filter((r) => r.status === "COMPLETED").length,
      firstVisit: reservations.find((r) => r.seatedAt)?.seatedAt ?? null,
      lastVisit: reservations.findLast((r) => r.seatedAt)?.seatedAt ?? null,
    },
  };
}
export type GuestDataExport = Awaited<ReturnType<typeof exportGuestData>>;
