import "server-only";
import { AppError } from "../errors";
import { rateLimitKeyForIp } from "../http/client-ip";
import { rateLimitedError } from "../http/rate-limit-headers";
import { limiter } from "../ops/rate-limit";
import { addDays, isoDate, localDateOf } from "../time/zoned";
import { parseInput } from "../validation";
import { slotsOfDay } from "./find-slots";
import { callUsText, openOnlineLocation } from "./online-location";
import { ONLINE_BOOKING_DAYS, publicSlotsSchema, type PublicSlotsInput } from "./schemas";

export type PublicMeta = { ip: string; requestId: string };

/**
 * The public page's times for a party on a local date: only the bookable ones, without tables
 * (guests never see which table, nor why a time is full). Same slot finder as the host stand.
 */
export async function findOnlineTimes(raw: PublicSlotsInput, meta: PublicMeta, now = new Date()) {
  const input = parseInput(publicSlotsSchema, raw);
  const lookups = limiter("booking-times-ip");
  const verdict = await lookups.limit(rateLimitKeyForIp(meta.ip));
  if (!verdict.success) throw rateLimitedError(lookups.policy, verdict, "Too many searches from here. Wait a minute.");
  const location = await openOnlineLocation(input.slug);
  if (input.partySize > location.onlineMaxPartySize) {
    const message = callUsText(location, input.partySize);
    throw new AppError("VALIDATION", message, { partySize: [message] });
  }
  const today = isoDate(localDateOf(now, location.timezone));
  const last = isoDate(addDays(localDateOf(now, location.timezone), ONLINE_BOOKING_DAYS));
  // ISO dates compare as text.
  if (input.date < today || input.date > last) {
    const message = `Pick a date from today to ${ONLINE_BOOKING_DAYS} days ahead`;
    throw new AppError("VALIDATION", message, { date: [message] });
  }
  const day = await slotsOfDay(location.id, input, now).catch((error: unknown) => {
    // The largest table or combination is smaller than the party: the guest is asked to call.
    if (error instanceof AppError && error.fieldErrors?.partySize) {
      const message = callUsText(location, input.partySize);
      throw new AppError("VALIDATION", message, { partySize: [message] });
    }
    throw error;
  });
  const times = day.slots.filter((s) => s.bookable).map((s) => ({ time: s.time, startsAt: s.startsAt }));
  return {
    date: input.date,
    partySize: input.partySize,
    times,
    /** Why there is nothing to pick (null when there is). */
    empty: times.length ? null : day.slots.length ? "Fully booked that day" : "Closed that day",
  };
}
