import "server-only";
import { db, type Tx } from "../db";

/** A party still "waiting" after this long is a leftover nobody closed, not someone at the door. */
export const STALE_AFTER_MS = 12 * 60 * 60_000;

/** The queue in order: parties waiting or notified within the last twelve hours (a late service crosses midnight). */
export async function currentQueue(
  locationId: string,
  now = new Date(),
  client: Tx = db,
): Promise<{ id: string; partySize: number; createdAt: Date }[]> {
  return client.waitlistEntry.findMany({
    where: {
      locationId,
      status: { in: ["WAITING", "NOTIFIED"] },
      createdAt: { gte: new Date(now.getTime() - STALE_AFTER_MS) },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, partySize: true, createdAt: true },
  });
}
