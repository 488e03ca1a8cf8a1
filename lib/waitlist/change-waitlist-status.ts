import "server-only";
import type { WaitlistStatus } from "@/generated/prisma/enums";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import type { Notifier } from "../notify/notifier";
import { sendGuestMessage } from "../notify/send-guest-message";
import { parseInput } from "../validation";
import { publishWaitlistChanged } from "./publish-waitlist-changed";
import { waitlistIdSchema, type WaitlistIdInput } from "./schemas";
import { ENTRY_SELECT, entryView, firstName } from "./waitlist-view";

const REFUSAL: Record<WaitlistStatus, string> = {
  WAITING: "This party is still waiting",
  NOTIFIED: "This party has already been told their table is ready",
  SEATED: "This party has already been seated",
  LEFT: "This party has left the waitlist",
};

/** Why a guarded update changed nothing: the entry is not ours (404) or not in a state to move from (409). */
export async function refusalFor(tx: Tx, ctx: Ctx, id: string): Promise<AppError> {
  const e = await tx.waitlistEntry.findFirst({ where: { id, locationId: ctx.locationId }, select: { status: true } });
  return e ? new AppError("INVALID_STATE", REFUSAL[e.status]) : notFound("Waitlist entry");
}

/**
 * A guarded UPDATE (`WHERE status IN from`): two hosts tapping at once change the entry once; the
 * second gets a 409 naming what happened.
 */
async function move(
  ctx: Ctx,
  id: string,
  from: WaitlistStatus[],
  to: "NOTIFIED" | "LEFT",
  stamp: "notifiedAt" | "leftAt",
) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const moved = await tx.waitlistEntry.updateMany({
      where: { id, locationId: ctx.locationId, status: { in: from } },
      data: { status: to, [stamp]: now },
    });
    if (moved.count === 0) throw await refusalFor(tx, ctx, id);
    const row = await tx.waitlistEntry.findUniqueOrThrow({
      where: { id },
      select: { ...ENTRY_SELECT, tokenHash: true, location: { select: { name: true } } },
    });
    await auditAs(
      ctx,
      { action: `waitlist.${to.toLowerCase()}`, entityType: "WaitlistEntry", entityId: id, details: { to } },
      tx,
    );
    return row;
  });
}

/** What the message says: the first name only (a text may be read over a shoulder). */
export function tableReadyText(guestName: string, locationName: string): string {
  return `Hi ${firstName(guestName)}, your table at ${locationName} is ready. Please come to the host stand.`;
}

/**
 * Tell the party their table is ready: NOTIFIED first (committed), then the message through the
 * Notifier, recorded as a GuestMessage. A provider's failure keeps the status and returns the
 * FAILED message, so the host tells them in person.
 */
export async function notifyWaitlistEntry(ctx: Ctx, raw: WaitlistIdInput, notifier?: Notifier) {
  assertCan(ctx, "waitlist.manage");
  const { id } = parseInput(waitlistIdSchema, raw);
  const { tokenHash, location, ...row } = await move(ctx, id, ["WAITING"], "NOTIFIED", "notifiedAt");
  const entry = entryView(row);
  publishWaitlistChanged(ctx, { entryId: id, status: entry.status, tokenHash });
  const message = await sendGuestMessage(
    {
      locationId: ctx.locationId,
      guest: entry.guest,
      body: tableReadyText(entry.guest.name, location.name),
      waitlistEntryId: id,
    },
    notifier,
  );
  return { entry, message };
}

/** The party left or was taken off the list before being seated. */
export async function markWaitlistEntryLeft(ctx: Ctx, raw: WaitlistIdInput) {
  assertCan(ctx, "waitlist.manage");
  const { id } = parseInput(waitlistIdSchema, raw);
  const { tokenHash, location: _l, ...row } = await move(ctx, id, ["WAITING", "NOTIFIED"], "LEFT", "leftAt");
  const entry = entryView(row);
  publishWaitlistChanged(ctx, { entryId: id, status: entry.status, tokenHash });
  return entry;
}
