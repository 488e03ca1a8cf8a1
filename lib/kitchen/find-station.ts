import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { db } from "../db";
import { notFound } from "../errors";

/** A station of this location by slug (another location's slug is simply not found). */
export async function findStation(ctx: Pick<Ctx, "locationId">, slug: string, client: Tx | typeof db = db) {
  const station = await client.kitchenStation.findUnique({
    where: { locationId_slug: { locationId: ctx.locationId, slug } },
    select: { id: true, slug: true, name: true, isExpo: true, showOnExpo: true, warnMinutes: true, lateMinutes: true },
  });
  if (!station) throw notFound("Station");
  return station;
}
