import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { AppError } from "../errors";
import { parseIsoDate } from "../time/zoned";
import { parseInput } from "../validation";
import { loadBookingDay, minuteText } from "./booking-day";
import { durationFor } from "./durations";
import { fittingCombos, judgeSlot, largestParty, REFUSAL_TEXT, slotStarts } from "./slot-math";
import { findSlotsSchema, type FindSlotsInput } from "./schemas";

/**
 * Every slot of a local day's service periods for a party: bookable or why not (past, pacing
 * full, no table free for the whole stay), with the proposed tables — the smallest single table
 * that fits, else an adjacent combination of two or three in one area.
 */
export async function findSlots(ctx: Ctx, raw: FindSlotsInput, now = new Date()) {
  assertCan(ctx, "reservations.read");
  return slotsOfDay(ctx.locationId, parseInput(findSlotsSchema, raw), now);
}

/** The slots of one location's day, for the host stand (above) and the public page (times only). */
export async function slotsOfDay(locationId: string, input: { date: string; partySize: number }, now = new Date()) {
  const day = await loadBookingDay(locationId, parseIsoDate(input.date));
  const largest = largestParty(day.combos);
  if (input.partySize > largest) {
    const message = largest
      ? `No table or combination seats ${input.partySize}; the largest takes ${largest}`
      : "This location has no tables to book";
    throw new AppError("VALIDATION", message, { partySize: [message] });
  }
  const durationMinutes = durationFor(input.partySize, day.durations);
  const fitting = fittingCombos(day.combos, input.partySize);
  const slots = slotStarts(day.periods, parseIsoDate(input.date), day.timezone).map((slot) => {
    const verdict = judgeSlot({
      startsAt: slot.startsAt,
      slotStart: slot.startsAt,
      period: slot.period,
      partySize: input.partySize,
      durationMinutes,
      now,
      bookings: day.bookings,
      fitting,
    });
    return {
      time: minuteText(slot.minute),
      startsAt: slot.startsAt.toISOString(),
      period: slot.period.name,
      bookable: verdict.bookable,
      reason: verdict.bookable ? null : verdict.reason,
      message: verdict.bookable ? null : REFUSAL_TEXT[verdict.reason],
      tables: verdict.bookable ? verdict.combo.tables.map((t) => ({ id: t.id, label: t.label, seats: t.seats })) : [],
    };
  });
  return { date: input.date, timezone: day.timezone, partySize: input.partySize, durationMinutes, slots };
}
