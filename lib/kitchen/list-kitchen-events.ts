import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";
import { toKitchenEvent, type KitchenReplay } from "../realtime/events";

import { eventsQuerySchema } from "./schemas";
import { assertCan } from "../auth/permissions";

/**
 * Replay: the kitchen events after seq N, exactly as they were (or would have been) published.
 * A display calls it when it sees a gap, after reconnecting, and every ~20 s as a safety net.
 * The (locationId, seq) unique index makes it an index range scan; usually it returns nothing.
 */
export async function listKitchenEvents(ctx: Ctx, raw: { after: unknown; limit?: unknown }): Promise<KitchenReplay> {
  assertCan(ctx, "kitchen.work");
  const { after, limit } = parseInput(eventsQuerySchema, raw);
  const counter = await db.locationCounter.findUnique({
    where: { locationId: ctx.locationId },
    select: { eventSeq: true },
  });
  const rows = await db.orderEvent.findMany({
    where: { locationId: ctx.locationId, seq: { gt: after } },
    orderBy: { seq: "asc" },
    take: limit + 1,
    select: { seq: true, type: true, orderId: true, payload: true, createdAt: true },
  });
  const events = rows.slice(0, limit).map(toKitchenEvent);
  const last = events[events.length - 1]?.seq ?? after;
  return { seq: Math.max(counter?.eventSeq ?? 0, last), events, truncated: rows.length > limit };
}
