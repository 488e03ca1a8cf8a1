import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput, text } from "../validation";
import { GUEST_CONTACT_SELECT, guestPhoneHashes, withGuestContact } from "./guest-contact";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export const searchGuestsSchema = z.object({
  q: text("Type a name or phone number").trim().min(2, "Type at least 2 characters").max(80, "Too long"),
});
export type SearchGuestsInput = z.input<typeof searchGuestsSchema>;

/**
 * The host stand's guest lookup: a query that reads as a phone number (in the location's country)
 * matches the guest with that number exactly; anything else matches names containing it. Best
 * first: most visits. At most 20.
 */
export async function searchGuests(ctx: Ctx, raw: SearchGuestsInput) {
  assertCan(ctx, "reservations.read");
  const { q } = parseInput(searchGuestsSchema, raw);
  const location = await db.location.findUnique({ where: { id: ctx.locationId }, select: { country: true } });
  if (!location) throw notFound("Location");
  const phone = /\d{3}/.test(q) ? parsePhoneNumberFromString(q, location.country as CountryCode) : undefined;
  const rows = await db.guest.findMany({
    where: {
      locationId: ctx.locationId,
      erasedAt: null,
      // Phones are encrypted (ADR 0043): a whole number matches its blind index; names stay searchable.
      ...(phone?.isValid()
        ? { phoneHash: { in: guestPhoneHashes(phone.number) } }
        : { name: { contains: q, mode: "insensitive" } }),
    },
    select: { id: true, name: true, ...GUEST_CONTACT_SELECT, visitCount: true, noShowCount: true, notes: true },
    orderBy: [{ visitCount: "desc" }, { name: "asc" }],
    take: 20,
  });
  return rows.map(withGuestContact);
}
