import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { TABLE_SELECT, tableView } from "./table-view";

/** GET /api/v1/tables: the location's tables (active only unless asked), with their area. */
export async function listTables(ctx: Ctx, opts: { includeArchived?: boolean; areaId?: string } = {}) {
  assertCan(ctx, "setup.manage");
  const rows = await db.diningTable.findMany({
    where: {
      locationId: ctx.locationId,
      ...(opts.includeArchived ? {} : { archivedAt: null }),
      ...(opts.areaId ? { areaId: opts.areaId } : {}),
    },
    select: TABLE_SELECT,
    orderBy: [{ area: { sortOrder: "asc" } }, { label: "asc" }],
  });
  return rows.map(tableView);
}
