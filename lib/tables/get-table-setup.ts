import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { TABLE_SELECT, tableView } from "./table-view";

/** One table as the setup console and /api/v1/tables/:id show it (another location's id → 404). */
export async function getTableSetup(ctx: Ctx, id: string) {
  assertCan(ctx, "setup.manage");
  const row = await db.diningTable.findFirst({ where: { id, locationId: ctx.locationId }, select: TABLE_SELECT });
  if (!row) throw notFound("Table");
  return tableView(row);
}
