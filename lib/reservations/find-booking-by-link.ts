import "server-only";
import { db } from "../db";
import { guestDate, guestTime, partyText } from "./guest-format";
import { cancelTokenHash } from "./create-reservation";
import { cancelLinkSchema, type CancelLinkInput } from "./schemas";

/** Who may still cancel with the link: a booking nobody has checked in, before its time. */
export const LINK_CANCELLABLE = ["BOOKED", "CONFIRMED"] as const;

export type LinkState = "CANCELLABLE" | "CANCELLED" | "STARTED" | "CLOSED";

/**
 * The booking a cancel link names, for the page that shows it before the guest presses Cancel
 * (a GET never cancels: mail scanners open links). Null for a link that names nothing here.
 */
export async function findBookingByLink(raw: CancelLinkInput, now = new Date()) {
  const parsed = cancelLinkSchema.safeParse(raw);
  if (!parsed.success) return null;
  const row = await db.reservation.findUnique({
    where: { cancelTokenHash: cancelTokenHash(parsed.data.token) },
    select: {
      id: true,
      status: true,
      startsAt: true,
      partySize: true,
      cancelledAt: true,
      guest: { select: { name: true } },
      location: { select: { id: true, slug: true, name: true, address: true, phone: true, timezone: true } },
    },
  });
  if (!row || row.location.slug !== parsed.data.slug) return null;
  const state: LinkState =
    row.status === "CANCELLED"
      ? "CANCELLED"
      : !(LINK_CANCELLABLE as readonly string[]).includes(row.status)
        ? "CLOSED"
        : row.startsAt <= now
          ? "STARTED"
          : "CANCELLABLE";
  const tz = row.location.timezone;
  return {
    id: row.id,
    locationId: row.location.id,
    state,
    restaurant: { name: row.location.name, address: row.location.address, phone: row.location.phone },
    guestName: row.guest.name,
    date: guestDate(row.startsAt, tz),
    time: guestTime(row.startsAt, tz),
    party: partyText(row.partySize),
    startsAt: row.startsAt,
    timezone: tz,
  };
}
export type BookingByLink = NonNullable<Awaited<ReturnType<typeof findBookingByLink>>>;
