import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { encodeGuestContact } from "../reservations/guest-contact";
import { parseInput } from "../validation";
import {
  ERASED_GUEST_NAME,
  ERASED_TEXT,
  eraseRequestSchema,
  personIdSchema,
  type EraseRequestInput,
  type PersonIdInput,
} from "./privacy-schemas";

/**
 * Erase a guest on request (GDPR): name, contact fields and notes go, and so does the free text
 * about them on their reservations, waitlist visits and messages. The rows stay (covers, orders,
 * reports and audit entries keep adding up); audit entries are not rewritten. One transaction;
 * audited with who, when and why, never the erased values.
 */
export async function eraseGuest(ctx: Ctx, rawId: PersonIdInput, raw: EraseRequestInput) {
  assertCan(ctx, "guests.privacy");
  const { id } = parseInput(personIdSchema, rawId);
  const { reason } = parseInput(eraseRequestSchema, raw);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ erasedAt: Date | null }[]>`
      SELECT "erasedAt" FROM "Guest" WHERE "id" = ${id} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
    if (rows.length === 0) throw notFound("Guest");
    if (rows[0].erasedAt) throw new AppError("CONFLICT", "This guest was already erased");
    const erasedAt = new Date();
    await tx.guest.update({
      where: { id },
      data: {
        name: ERASED_GUEST_NAME,
        ...encodeGuestContact({ phone: null, email: null }),
        legacyPhone: null,
        legacyEmail: null,
        notes: "",
        erasedAt,
      },
    });
    const reservations = await tx.reservation.updateMany({
      where: { guestId: id },
      data: { notes: "", allergyNotes: "", cancelTokenHash: null },
    });
    const waitlist = await tx.waitlistEntry.updateMany({ where: { guestId: id }, data: { notes: "" } });
    const messages = await tx.guestMessage.updateMany({
      where: { guestId: id },
      data: { body: ERASED_TEXT, providerRef: null, error: null },
    });
    await auditAs(
      ctx,
      {
        action: "guest.erase",
        entityType: "Guest",
        entityId: id,
        details: {
          reason,
          kept: { reservations: reservations.count, waitlistEntries: waitlist.count, messages: messages.count },
        },
      },
      tx,
    );
    return { id, erasedAt, reservationsKept: reservations.count, messagesRedacted: messages.count };
  });
}
