import "server-only";
import type { Ctx } from "../auth/context";
import { can } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { drawerSelect, drawerViews } from "./drawer-view";

/** One session of this location (another location's id is a 404). */
export async function getDrawer(ctx: Ctx, id: string) {
  const row = await db.cashDrawerSession.findFirst({ where: { id, locationId: ctx.locationId }, select: drawerSelect });
  if (!row) throw notFound("Cash drawer");
  const [view] = await drawerViews(db, ctx.locationId, [row], can(ctx, "reports.money"));
  return view;
}
