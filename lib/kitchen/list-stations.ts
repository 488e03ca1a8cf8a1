import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";

/** Stations with their count of live items (fired, not yet bumped); expo counts what it follows. Never prices. */
export async function listStations(ctx: Ctx) {
  const [stations, counts] = await Promise.all([
    db.kitchenStation.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      orderBy: [{ isExpo: "asc" }, { sortOrder: "asc" }],
    }),
    db.orderItem.groupBy({
      by: ["stationId"],
      where: { locationId: ctx.locationId, status: "SENT", bumpedAt: null },
      _count: { _all: true },
    }),
  ]);
  const live = new Map(counts.map((c) => [c.stationId, c._count._all]));
  const followed = new Set(stations.filter((s) => s.showOnExpo).map((s) => s.id));
  const atExpo = counts.reduce((n, c) => (c.stationId == null || followed.has(c.stationId) ? n + c._count._all : n), 0);
  return stations.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    isExpo: s.isExpo,
    liveItems: s.isExpo ? atExpo : (live.get(s.id) ?? 0),
  }));
}
