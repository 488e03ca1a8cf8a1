import "server-only";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { encodeGuestContact, guestEmailHashes, guestPhoneHashes } from "./guest-contact";

export type GuestLookup = { guestId?: string; guestName?: string; phone?: string; email?: string };

/** A typed phone number in E.164 ("+12075550163"), read with the location's country; a field error when it is no number. */
export function normalisePhone(raw: string, country: string): string {
  const parsed = parsePhoneNumberFromString(raw, country as CountryCode);
  if (!parsed || !parsed.isValid()) {
    const message = "Not a valid phone number (include the country code for numbers from abroad)";
    throw new AppError("VALIDATION", message, { phone: [message] });
  }
  return parsed.number;
}

/**
 * The guest a booking is for: the given id (this location's only), else the one with this phone,
 * else (no phone) the one with this email or exactly this name and no phone, else a new one.
 * A concurrent booking with the same new phone finds the same guest (INSERT … ON CONFLICT).
 */
export async function findOrCreateGuest(
  tx: Tx,
  ctx: Pick<Ctx, "locationId">,
  input: GuestLookup,
  country: string,
): Promise<string> {
  if (input.guestId) {
    const guest = await tx.guest.findFirst({
      where: { id: input.guestId, locationId: ctx.locationId },
      select: { id: true },
    });
    if (!guest) throw new AppError("VALIDATION", "Guest not found", { guestId: ["Guest not found"] });
    return guest.id;
  }
  const name = input.guestName?.trim() ?? "";
  const email = input.email?.toLowerCase();
  if (input.phone) {
    const phone = normalisePhone(input.phone, country);
    const enc = encodeGuestContact({ phone, ...(email ? { email } : {}) });
    // Mid hash-key rotation (ADR 0050) the guest may still carry the previous key's hash, which the
    // conflict below cannot see: find them first. A re-hash racing this read moves them onto the
    // current hash, where the conflict does find them.
    const previous = guestPhoneHashes(phone).slice(1);
    if (previous.length > 0) {
      const known = await tx.guest.findFirst({
        where: { locationId: ctx.locationId, phoneHash: { in: previous } },
        select: { id: true },
      });
      if (known) {
        if (enc.emailEnc)
          await tx.guest.updateMany({
            where: { id: known.id, emailEnc: null },
            data: { emailEnc: enc.emailEnc, emailHash: enc.emailHash },
          });
        return known.id;
      }
    }
    // The blind index is the conflict key: a concurrent booking with the same phone finds this guest.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Guest" ("id", "locationId", "name", "phoneEnc", "phoneHash", "emailEnc", "emailHash", "updatedAt")
      VALUES (${"g" + crypto.randomUUID().replaceAll("-", "")}, ${ctx.locationId}, ${name}, ${enc.phoneEnc}, ${enc.phoneHash},
              ${enc.emailEnc ?? null}, ${enc.emailHash ?? null}, now())
      ON CONFLICT ("locationId", "phoneHash") DO UPDATE SET
        "emailEnc" = COALESCE("Guest"."emailEnc", EXCLUDED."emailEnc"),
        "emailHash" = COALESCE("Guest"."emailHash", EXCLUDED."emailHash")
      RETURNING "id"`;
    return rows[0].id;
  }
  const existing = await tx.guest.findFirst({
    where: email
      ? { locationId: ctx.locationId, emailHash: { in: guestEmailHashes(email) }, erasedAt: null }
      : {
          locationId: ctx.locationId,
          phoneHash: null,
          emailHash: null,
          erasedAt: null,
          name: { equals: name, mode: "insensitive" },
        },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  if (existing) return existing.id;
  const created = await tx.guest.create({
    data: { locationId: ctx.locationId, name, ...encodeGuestContact({ email: email ?? null }) },
    select: { id: true },
  });
  return created.id;
}
