import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";

/** The setup console's list: every area (archived last) with its count of active tables. */
export async function listAreas(ctx: Ctx) {
  assertCan(ctx, "setup.manage");
  const areas = await db.floorArea.findMany({
    where: { locationId: ctx.locationId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      sortOrder: true,
      archivedAt: true,
      _count: { select: { tables: { where: { archivedAt: null } } } },
    },
  });
  return areas.map(({ _count, ...a }) => ({ ...a, activeTables: _count.tables }));
}
