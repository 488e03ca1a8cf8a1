import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { loadQuoteFloor } from "./load-quote-floor";
import { roundQuote, simulateQueue } from "./quote-math";
import { currentQueue } from "./queue";
import { waitTokenSchema } from "./schemas";
import { hashWaitToken, waitChannel } from "./wait-channel";
import { firstName } from "./waitlist-view";

/**
 * What a waiting party's public status page shows (/wait/<token>, no sign-in): the restaurant,
 * their first name (nothing else personal), place in line, quote, time waited, and the current
 * expected wait. An unknown or malformed token is a 404.
 */
export async function getWaitStatus(token: string, now = new Date()) {
  const parsed = waitTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError("NOT_FOUND", "This waitlist link is not valid");
  const tokenHash = hashWaitToken(parsed.data);
  const e = await db.waitlistEntry.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      locationId: true,
      status: true,
      partySize: true,
      quotedMinutes: true,
      createdAt: true,
      notifiedAt: true,
      seatedAt: true,
      leftAt: true,
      guest: { select: { name: true } },
      location: { select: { name: true, timezone: true } },
    },
  });
  if (!e) throw new AppError("NOT_FOUND", "This waitlist link is not valid");
  let position: number | null = null;
  let expectedMinutes: number | null = null;
  if (e.status === "WAITING" || e.status === "NOTIFIED") {
    const queue = await currentQueue(e.locationId, now);
    const index = queue.findIndex((q) => q.id === e.id);
    if (index >= 0) {
      position = index + 1;
      if (e.status === "WAITING") {
        const floor = await loadQuoteFloor(e.locationId, now);
        const sim = simulateQueue(
          floor,
          queue.slice(0, index + 1).map((q) => q.partySize),
        )[index];
        expectedMinutes = sim ? roundQuote(sim.minutes) : null;
      } else expectedMinutes = 0;
    }
  }
  const endedAt = e.seatedAt ?? e.leftAt ?? now;
  return {
    restaurant: e.location.name,
    timezone: e.location.timezone,
    firstName: firstName(e.guest.name),
    partySize: e.partySize,
    status: e.status,
    position,
    quotedMinutes: e.quotedMinutes,
    waitedMinutes: Math.max(0, Math.floor((endedAt.getTime() - e.createdAt.getTime()) / 60_000)),
    expectedMinutes,
    createdAt: e.createdAt,
    notifiedAt: e.notifiedAt,
    channel: waitChannel(tokenHash),
    now,
  };
}
export type WaitStatus = Awaited<ReturnType<typeof getWaitStatus>>;
