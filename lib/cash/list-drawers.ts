import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan, can } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { businessDayRange } from "../time/business-day";
import { parseIsoDate } from "../time/zoned";
import { drawerSelect, drawerViews } from "./drawer-view";
import { drawerHistorySchema } from "./schemas";

export const DRAWER_HISTORY_LIMIT = 200;

/** The open sessions a cashier works with on the floor (expected cash only for managers). */
export async function listOpenDrawers(ctx: Ctx) {
  assertCan(ctx, "cash.drawer");
  const [location, rows] = await Promise.all([
    db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { timezone: true, currency: true } }),
    db.cashDrawerSession.findMany({
      where: { locationId: ctx.locationId, closedAt: null },
      select: drawerSelect,
      orderBy: { openedAt: "asc" },
    }),
  ]);
  return {
    currency: location.currency,
    timeZone: location.timezone,
    drawers: await drawerViews(db, ctx.locationId, rows, can(ctx, "reports.money")),
  };
}

/** Drawer history (newest first, business dates by opening time): expected, counted, variance. */
export async function listDrawerHistory(ctx: Ctx, raw: unknown = {}) {
  assertCan(ctx, "reports.money");
  const input = parseInput(drawerHistorySchema, raw);
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { timezone: true, businessDayCutoffHour: true, currency: true },
  });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const openedAt = {
    ...(input.from ? { gte: businessDayRange(parseIsoDate(input.from), rules).start } : {}),
    ...(input.to ? { lt: businessDayRange(parseIsoDate(input.to), rules).end } : {}),
  };
  const rows = await db.cashDrawerSession.findMany({
    where: {
      locationId: ctx.locationId,
      openedAt,
      ...(input.status === "open" ? { closedAt: null } : input.status === "closed" ? { closedAt: { not: null } } : {}),
    },
    select: drawerSelect,
    orderBy: { openedAt: "desc" },
    take: DRAWER_HISTORY_LIMIT,
  });
  return {
    currency: location.currency,
    timeZone: location.timezone,
    drawers: await drawerViews(db, ctx.locationId, rows, true),
  };
}
