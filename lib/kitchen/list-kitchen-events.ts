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
type EventRow = {
  counterSeq: number;
  seq: number;
  type: string;
  orderId: string | null;
  payload: unknown;
  createdAt: Date;
};

export async function listKitchenEvents(ctx: Ctx, raw: { after: unknown; limit?: unknown }): Promise<KitchenReplay> {
  assertCan(ctx, "kitchen.work");
  const { after, limit } = parseInput(eventsQuerySchema, raw);
  // One statement (the displays poll this): the counter, then the events after `after`, if any.
  const found = await db.$queryRaw<(EventRow | { counterSeq: number; seq: null })[]>`
    SELECT COALESCE(c."eventSeq", 0) AS "counterSeq", e.seq, e.type, e."orderId", e.payload, e."createdAt"
    FROM (SELECT 1) one
      LEFT JOIN "LocationCounter" c ON c."locationId" = ${ctx.locationId}
      LEFT JOIN LATERAL (
        SELECT seq, type, "orderId", payload, "createdAt" FROM "OrderEvent"
        WHERE "locationId" = ${ctx.locationId} AND seq > ${after} ORDER BY seq ASC LIMIT ${limit + 1}
      ) e ON true
    ORDER BY e.seq ASC`;
  const counter = { eventSeq: found[0]?.counterSeq ?? 0 };
  const rows = found.filter((r): r is EventRow => r.seq !== null);
  const events = rows.slice(0, limit).map(toKitchenEvent);
  const last = events[events.length - 1]?.seq ?? after;
  return { seq: Math.max(counter?.eventSeq ?? 0, last), events, truncated: rows.length > limit };
}
