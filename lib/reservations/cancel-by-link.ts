import "server-only";
import type { Actor } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { rateLimitKeyForIp } from "../http/client-ip";
import { rateLimitedError } from "../http/rate-limit-headers";
import { limiter } from "../ops/rate-limit";
import { parseInput } from "../validation";
import { moveReservation } from "./change-reservation-status";
import { findBookingByLink } from "./find-booking-by-link";
import type { PublicMeta } from "./find-online-times";
import { publishReservationChanged } from "./publish-reservation-changed";
import { cancelLinkSchema, type CancelLinkInput } from "./schemas";

export const LINK_INVALID = "This cancel link is not valid. Call the restaurant to change your booking.";
export const ALREADY_CANCELLED = "This booking is already cancelled; the link has been used.";

/**
 * The guest presses "Cancel my booking" on the page of their link (a POST: opening the link
 * changes nothing). The same guarded status change as the host stand's cancel, so the link
 * works once: a second press finds the booking cancelled.
 */
export async function cancelByLink(raw: CancelLinkInput, meta: PublicMeta, now = new Date()) {
  const byIp = limiter("booking-ip");
  const verdict = await byIp.limit(rateLimitKeyForIp(meta.ip));
  if (!verdict.success) throw rateLimitedError(byIp.policy, verdict, "Too many attempts from here. Try again later.");
  const input = parseInput(cancelLinkSchema, raw);
  const booking = await findBookingByLink(input, now);
  if (!booking) throw new AppError("NOT_FOUND", LINK_INVALID);
  if (booking.state === "CANCELLED") throw new AppError("INVALID_STATE", ALREADY_CANCELLED);
  if (booking.state !== "CANCELLABLE") {
    const how = booking.restaurant.phone ? `call us at ${booking.restaurant.phone}` : "call the restaurant";
    throw new AppError("INVALID_STATE", `This booking can no longer be cancelled online; please ${how}.`);
  }
  const actor: Actor = { locationId: booking.locationId, userId: null, requestId: meta.requestId, ip: meta.ip };
  const { reservation, timezone } = await db
    .$transaction((tx) =>
      moveReservation(tx, actor, booking.id, "CANCELLED", { reason: "Cancelled by the guest (cancel link)", now }),
    )
    .catch((error: unknown) => {
      // Two presses at once: the guarded update lets one through; the other reads as "already used".
      if (error instanceof AppError && error.code === "INVALID_STATE")
        throw new AppError("INVALID_STATE", ALREADY_CANCELLED);
      throw error;
    });
  publishReservationChanged(actor, {
    reservationId: reservation.id,
    status: reservation.status,
    startsAt: [reservation.startsAt],
    timezone,
    tableIds: reservation.tables.map((t) => t.id),
  });
  return { state: "CANCELLED" as const, date: booking.date, time: booking.time, restaurant: booking.restaurant.name };
}
