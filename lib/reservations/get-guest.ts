import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { personIdSchema, type PersonIdInput } from "../privacy/privacy-schemas";
import { parseInput } from "../validation";
import { GUEST_PROFILE_SELECT, withGuestContact } from "./guest-contact";

/** One guest of this location with their booking count, for the console (404 for anyone else's). */
export async function getGuest(ctx: Ctx, raw: PersonIdInput) {
  assertCan(ctx, "reservations.read");
  const { id } = parseInput(personIdSchema, raw);
  const row = await db.guest.findFirst({
    where: { id, locationId: ctx.locationId },
    select: {
      ...GUEST_PROFILE_SELECT,
      _count: { select: { reservations: true } },
    },
  });
  if (!row) throw notFound("Guest");
  const { _count, ...guest } = row;
  return { ...withGuestContact(guest), reservations: _count.reservations };
}
