import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";

/** The stations page: every station (archived last) and each menu category's default station. */
export async function listStationSetup(ctx: Ctx) {
  assertCan(ctx, "setup.manage");
  const where = { locationId: ctx.locationId };
  const [stations, categories] = await Promise.all([
    db.kitchenStation.findMany({
      where,
      orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        slug: true,
        name: true,
        isExpo: true,
        showOnExpo: true,
        warnMinutes: true,
        lateMinutes: true,
        sortOrder: true,
        archivedAt: true,
        _count: { select: { items: { where: { archivedAt: null } }, categories: true } },
      },
    }),
    db.menuCategory.findMany({
      where,
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, defaultStationId: true },
    }),
  ]);
  return {
    stations: stations.map(({ _count, ...s }) => ({
      ...s,
      routedItems: _count.items,
      routedCategories: _count.categories,
    })),
    categories,
  };
}

export type StationSetup = Awaited<ReturnType<typeof listStationSetup>>;
