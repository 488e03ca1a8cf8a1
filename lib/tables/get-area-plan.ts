import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { TABLE_SELECT, tableView } from "./table-view";

/** One area's plan for the editor: its tables, archived ones included (to restore them). */
export async function getAreaPlan(ctx: Ctx, areaId: string) {
  assertCan(ctx, "setup.manage");
  const area = await db.floorArea.findFirst({
    where: { id: areaId, locationId: ctx.locationId },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      tables: { where: { locationId: ctx.locationId }, select: TABLE_SELECT, orderBy: { label: "asc" } },
    },
  });
  if (!area) throw notFound("Area");
  return { ...area, tables: area.tables.map(tableView) };
}

export type PlanTable = Awaited<ReturnType<typeof getAreaPlan>>["tables"][number];
