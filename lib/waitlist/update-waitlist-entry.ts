import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { refusalFor } from "./change-waitlist-status";
import { loadQuoteFloor } from "./load-quote-floor";
import { publishWaitlistChanged } from "./publish-waitlist-changed";
import { quoteFor, roundQuote } from "./quote-math";
import { currentQueue } from "./queue";
import { updateWaitlistEntrySchema, type UpdateWaitlistEntryInput } from "./schemas";
import { ENTRY_SELECT, entryView, lockWaitlist } from "./waitlist-view";

/**
 * Edit a party still in the queue (size, notes). A new size, or `requote`, quotes again from the
 * floor as it is now; the stored quote stays a whole wait from arrival (time waited + the new
 * quote), so accuracy is still measured from when the party arrived.
 */
export async function updateWaitlistEntry(ctx: Ctx, raw: UpdateWaitlistEntryInput) {
  assertCan(ctx, "waitlist.manage");
  const input = parseInput(updateWaitlistEntrySchema, raw);
  const now = new Date();
  const { entry, tokenHash } = await db.$transaction(async (tx) => {
    await lockWaitlist(tx, ctx.locationId);
    const before = await tx.waitlistEntry.findFirst({
      where: { id: input.id, locationId: ctx.locationId, status: { in: ["WAITING", "NOTIFIED"] } },
      select: { partySize: true, quotedMinutes: true, createdAt: true, updatedAt: true },
    });
    if (!before) throw await refusalFor(tx, ctx, input.id);
    const partySize = input.partySize ?? before.partySize;
    let quotedMinutes = before.quotedMinutes;
    if (input.requote || partySize !== before.partySize) {
      const floor = await loadQuoteFloor(ctx.locationId, now, tx);
      const queue = await currentQueue(ctx.locationId, now, tx);
      const ahead = queue.filter((q) => q.createdAt < before.createdAt && q.id !== input.id).map((q) => q.partySize);
      const quote = quoteFor(floor, ahead, partySize);
      if (!quote) {
        const message = `No table or combination seats ${partySize}`;
        throw new AppError("VALIDATION", message, { partySize: [message] });
      }
      quotedMinutes = roundQuote(Math.floor((now.getTime() - before.createdAt.getTime()) / 60_000) + quote.minutes);
    }
    // Guarded by the version read above: an edit racing a seat or another edit changes nothing.
    const moved = await tx.waitlistEntry.updateMany({
      where: { id: input.id, status: { in: ["WAITING", "NOTIFIED"] }, updatedAt: before.updatedAt },
      data: { partySize, quotedMinutes, ...(input.notes !== undefined ? { notes: input.notes } : {}) },
    });
    if (moved.count === 0) throw new AppError("INVALID_STATE", "Someone else just changed this party; reload");
    await auditAs(
      ctx,
      {
        action: "waitlist.update",
        entityType: "WaitlistEntry",
        entityId: input.id,
        details: {
          partySize,
          quotedMinutes,
          from: { partySize: before.partySize, quotedMinutes: before.quotedMinutes },
        },
      },
      tx,
    );
    const row = await tx.waitlistEntry.findUniqueOrThrow({
      where: { id: input.id },
      select: { ...ENTRY_SELECT, tokenHash: true },
    });
    const { tokenHash, ...rest } = row;
    return { entry: entryView(rest), tokenHash };
  });
  publishWaitlistChanged(ctx, { entryId: entry.id, status: entry.status, tokenHash });
  return entry;
}
