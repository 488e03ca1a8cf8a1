import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import type { Actor } from "../auth/context";
import { env } from "../env";
import { AppError } from "../errors";
import { rateLimitKeyForIp } from "../http/client-ip";
import { rateLimitedError } from "../http/rate-limit-headers";
import { log } from "../log";
import { bookingConfirmationMail } from "../mail/guest-mail";
import { sendMailLater } from "../mail/send-mail";
import { limiter } from "../ops/rate-limit";
import { addDays, isoDate, localDateOf } from "../time/zoned";
import { parseInput } from "../validation";
import { announceBooking, cancelTokenHash, insertBooking, type CancelToken } from "./create-reservation";
import type { PublicMeta } from "./find-online-times";
import { guestDate, guestTime, partyText } from "./guest-format";
import { callUsText, openOnlineLocation, type OnlineLocation } from "./online-location";
import { createReservationSchema, ONLINE_BOOKING_DAYS, publicBookingSchema, type PublicBookingInput } from "./schemas";

/** What a guest is told when the time went while they typed (never which table, nor why). */
export const TIME_TAKEN = "That time was just taken. Pick another time.";

/**
 * The cancel link's token, derived from the form's key with the server's secret: a resubmitted
 * form gets the same link back (only its SHA-256 is stored), and nobody without the secret can
 * make one.
 */
function cancelTokenFor(locationId: string, bookingKey: string): CancelToken {
  const token = createHmac("sha256", env().NEXTAUTH_SECRET)
    .update(`booking-cancel:${locationId}:${bookingKey}`)
    .digest("base64url");
  return { token, hash: cancelTokenHash(token) };
}

export function cancelPath(slug: string, token: string): string {
  return `/book/${slug}/cancel/${token}`;
}

function publicUrl(path: string): string {
  return new URL(path, env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).toString();
}

function confirmation(
  location: OnlineLocation,
  b: {
    id: string;
    startsAt: Date;
    durationMinutes: number;
    partySize: number;
    guestName: string;
    email?: string;
    token: string;
  },
) {
  return {
    reservationId: b.id,
    restaurant: { name: location.name, address: location.address, phone: location.phone },
    startsAt: b.startsAt.toISOString(),
    timezone: location.timezone,
    date: guestDate(b.startsAt, location.timezone),
    time: guestTime(b.startsAt, location.timezone),
    durationMinutes: b.durationMinutes,
    partySize: b.partySize,
    guestName: b.guestName,
    emailedTo: b.email ?? null,
    cancelPath: cancelPath(location.slug, b.token),
  };
}
export type OnlineConfirmation = ReturnType<typeof confirmation>;

/**
 * A guest books on /book/<slug>: no sign-in, so the page's own guards — a per-address limit, a
 * honeypot (filled → a pretend confirmation, nothing written), the form's idempotency key (a
 * double tap or a resubmit returns the same booking) — then the host stand's rules and code path
 * (insertBooking) with source ONLINE. The confirmation mail carries the single-use cancel link.
 */
export async function bookOnline(raw: PublicBookingInput, meta: PublicMeta, now = new Date()) {
  const byIp = limiter("booking-ip");
  const verdict = await byIp.limit(rateLimitKeyForIp(meta.ip));
  if (!verdict.success) throw rateLimitedError(byIp.policy, verdict, "Too many bookings from here. Try again later.");
  const input = parseInput(publicBookingSchema, raw);
  const location = await openOnlineLocation(input.slug);
  const startsAt = new Date(input.startsAt);

  if (input.website) {
    // A bot filled the field people cannot see: it is told it succeeded, and learns nothing.
    log.warn("public booking honeypot filled; nothing written", { slug: input.slug, requestId: meta.requestId });
    const fake = { id: `c${randomUUID().replaceAll("-", "").slice(0, 24)}`, token: randomUUID() };
    return confirmation(location, {
      ...fake,
      startsAt,
      durationMinutes: 90,
      partySize: input.partySize,
      guestName: input.guestName,
    });
  }

  if (input.partySize > location.onlineMaxPartySize) {
    const message = callUsText(location, input.partySize);
    throw new AppError("VALIDATION", message, { partySize: [message] });
  }
  const lastDay = isoDate(addDays(localDateOf(now, location.timezone), ONLINE_BOOKING_DAYS));
  if (isoDate(localDateOf(startsAt, location.timezone)) > lastDay) {
    const message = `We take online bookings up to ${ONLINE_BOOKING_DAYS} days ahead`;
    throw new AppError("VALIDATION", message, { startsAt: [message] });
  }

  const actor: Actor = { locationId: location.id, userId: null, requestId: meta.requestId, ip: meta.ip };
  const booking = parseInput(createReservationSchema, {
    guestName: input.guestName,
    phone: input.phone,
    email: input.email,
    partySize: input.partySize,
    startsAt: input.startsAt,
    tags: input.occasion ? [input.occasion] : [],
    notes: input.notes,
    allergyNotes: input.allergyNotes,
    source: "ONLINE",
  });
  const cancel = cancelTokenFor(location.id, input.bookingKey);
  const outcome = await insertBooking(actor, booking, { cancel, bookingKey: input.bookingKey, now }).catch(
    (error: unknown) => {
      // Pacing full, no table free, or a table taken by the host a second ago: all the same to a guest.
      if (error instanceof AppError && error.code === "CONFLICT")
        throw new AppError("CONFLICT", TIME_TAKEN, { startsAt: [TIME_TAKEN] });
      throw error;
    },
  );
  announceBooking(actor, outcome);
  const r = outcome.reservation;
  // Only to the address typed in this form: a guest record found by phone may hold someone's older one.
  const email = input.email;
  if (email && !outcome.replayed) {
    sendMailLater(
      bookingConfirmationMail({
        to: email,
        guestName: input.guestName,
        restaurant: location.name,
        address: location.address,
        phone: location.phone,
        date: guestDate(r.startsAt, location.timezone),
        time: guestTime(r.startsAt, location.timezone),
        party: partyText(r.partySize),
        cancelLink: publicUrl(cancelPath(location.slug, cancel.token)),
      }),
      { requestId: meta.requestId, purpose: "booking confirmation" },
    );
  }
  return confirmation(location, {
    id: r.id,
    startsAt: r.startsAt,
    durationMinutes: r.durationMinutes,
    partySize: r.partySize,
    guestName: input.guestName,
    email: input.email,
    token: cancel.token,
  });
}
