// When an online order is promised and when the kitchen gets it; the 15-minute slots the
// ordering site offers. Pure: the submit path, the slots endpoint and the fire worker read it.

export const SLOT_MINUTES = 15;
const SLOT_MS = SLOT_MINUTES * 60_000;
/** How far ahead a customer may schedule an order. */
export const SLOT_HORIZON_HOURS = 12;

/** The start of the 15-minute slot holding `at` (slots are aligned to the quarter hour, UTC). */
export function slotStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / SLOT_MS) * SLOT_MS);
}

/** Whether `at` is exactly a slot boundary (a requested time must be one). */
export function isSlotStart(at: Date): boolean {
  return at.getTime() % SLOT_MS === 0;
}

/** Minutes from sending to the kitchen until the customer has it: prep, plus travel for a delivery. */
export function leadMinutes(prepMinutes: number, travelMinutes: number): number {
  return Math.max(0, prepMinutes) + Math.max(0, travelMinutes);
}

/** ASAP: now plus prep and travel, rounded up to the whole minute. */
export function asapPromise(now: Date, lead: number): Date {
  return new Date(Math.ceil((now.getTime() + lead * 60_000) / 60_000) * 60_000);
}

/** The kitchen gets the order at promisedAt − prep − travel, never before now. */
export function fireAtFor(promisedAt: Date, lead: number, now: Date): Date {
  const at = promisedAt.getTime() - lead * 60_000;
  return new Date(Math.max(at, now.getTime()));
}

/** The earliest slot a scheduled order may ask for: the first slot start at or after ASAP. */
export function earliestSlot(now: Date, lead: number): Date {
  const asap = asapPromise(now, lead);
  return isSlotStart(asap) ? asap : new Date(slotStart(asap).getTime() + SLOT_MS);
}

/** Why a requested time cannot be taken (null: it can). */
export function requestedTimeProblem(requested: Date, now: Date, lead: number): string | null {
  if (!isSlotStart(requested)) return "Choose one of the offered times (every 15 minutes)";
  if (requested.getTime() < earliestSlot(now, lead).getTime())
    return "That time is too soon for the kitchen; choose a later time or ASAP";
  if (requested.getTime() > now.getTime() + SLOT_HORIZON_HOURS * 3_600_000)
    return `Orders can be scheduled up to ${SLOT_HORIZON_HOURS} hours ahead`;
  return null;
}

export type Slot = { startsAt: string; left: number };

/**
 * The slots to offer from the earliest possible one up to the horizon, each with the orders it
 * can still take (`taken`: non-cancelled orders per slot start, as epoch ms). Full slots are left out.
 */
export function offeredSlots(now: Date, lead: number, capacity: number, taken: ReadonlyMap<number, number>): Slot[] {
  const out: Slot[] = [];
  const end = now.getTime() + SLOT_HORIZON_HOURS * 3_600_000;
  for (let t = earliestSlot(now, lead).getTime(); t <= end; t += SLOT_MS) {
    const left = capacity - (taken.get(t) ?? 0);
    if (left > 0) out.push({ startsAt: new Date(t).toISOString(), left });
  }
  return out;
}

/** Urban driving speed the ETA assumes (km/h); a routing service can replace this estimate. */
export const DRIVER_KMH = 25;

/** Whole minutes for a driver to cover `meters` in town (at least 1 while not there). */
export function etaMinutesFor(meters: number, kmh = DRIVER_KMH): number {
  if (meters <= 50) return 0;
  return Math.max(1, Math.ceil((meters / 1000 / kmh) * 60));
}
