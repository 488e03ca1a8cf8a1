import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { newCancelToken } from "../reservations/create-reservation";
import { findOrCreateGuest } from "../reservations/find-or-create-guest";
import { largestParty } from "../reservations/slot-math";
import { parseInput } from "../validation";
import { loadQuoteFloor } from "./load-quote-floor";
import { publishWaitlistChanged } from "./publish-waitlist-changed";
import { quoteFor } from "./quote-math";
import { currentQueue } from "./queue";
import { addWaitlistEntrySchema, type AddWaitlistEntryInput } from "./schemas";
import { ENTRY_SELECT, entryView, lockWaitlist } from "./waitlist-view";

/**
 * Put a walk-in party on the waitlist: the guest found or created (contact lives on the guest),
 * the wait quoted from the floor and the queue ahead and kept to measure accuracy later. Returns
 * the entry and, once, the token of the party's status link (/wait/<token>); only its SHA-256 is stored.
 */
export async function addWaitlistEntry(ctx: Ctx, raw: AddWaitlistEntryInput) {
  assertCan(ctx, "waitlist.manage");
  const input = parseInput(addWaitlistEntrySchema, raw);
  const link = newCancelToken();
  const now = new Date();
  const { entry, quote } = await db.$transaction(async (tx) => {
    await lockWaitlist(tx, ctx.locationId);
    const location = await tx.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { country: true } });
    const floor = await loadQuoteFloor(ctx.locationId, now, tx);
    const ahead = await currentQueue(ctx.locationId, now, tx);
    const quote = quoteFor(
      floor,
      ahead.map((a) => a.partySize),
      input.partySize,
    );
    if (!quote) {
      const largest = largestParty(floor.combos);
      const message = largest
        ? `No table or combination seats ${input.partySize}; the largest takes ${largest}`
        : "This location has no tables";
      throw new AppError("VALIDATION", message, { partySize: [message] });
    }
    const guestId = await findOrCreateGuest(
      tx,
      ctx,
      { guestName: input.guestName, phone: input.phone || undefined },
      location.country,
    );
    const created = await tx.waitlistEntry.create({
      data: {
        locationId: ctx.locationId,
        guestId,
        partySize: input.partySize,
        quotedMinutes: quote.minutes,
        notes: input.notes,
        tokenHash: link.hash,
        createdById: ctx.userId,
        createdAt: now,
      },
      select: ENTRY_SELECT,
    });
    await auditAs(
      ctx,
      {
        action: "waitlist.add",
        entityType: "WaitlistEntry",
        entityId: created.id,
        details: { guestId, partySize: input.partySize, quotedMinutes: quote.minutes, ahead: ahead.length },
      },
      tx,
    );
    return { entry: entryView(created), quote };
  });
  publishWaitlistChanged(ctx, { entryId: entry.id, status: entry.status, tokenHash: link.hash });
  return {
    entry,
    quotedMinutes: quote.minutes,
    /** The status link's token: shown once (the party's link is /wait/<token>). */
    token: link.token,
    statusPath: `/wait/${link.token}`,
  };
}
