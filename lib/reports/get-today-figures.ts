import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { localHourOf, startOfLocalDay, startOfNextLocalDay } from "../time/zoned";
import { getLowStock } from "../inventory/get-low-stock";
import { getLabourSince } from "../timeclock/get-labour-today";

export async function getTodayFigures(ctx: Ctx) {
  const location = await db.location.findUniqueOrThrow({ where: { id: ctx.locationId } });
  const now = new Date();
  const since = startOfLocalDay(location.timezone, now);
  const until = startOfNextLocalDay(location.timezone, now);
  const [orders, openTables, labour, lowStock, reservations] = await Promise.all([
    db.order.findMany({
      where: { locationId: ctx.locationId, openedAt: { gte: since }, status: { not: "VOIDED" } },
      select: { totalCents: true, openedAt: true, status: true, guestCount: true },
    }),
    db.diningTable.count({ where: { locationId: ctx.locationId, status: { not: "FREE" } } }),
    // People clocked in now (not the schedule), and the cost of the time worked today.
    getLabourSince(ctx, since, now),
    // The inventory rule for "low" (no stock row counts as zero), not a second definition of it.
    getLowStock(ctx),
    db.reservation.count({ where: { locationId: ctx.locationId, startsAt: { gte: since, lt: until }, status: { in: ["BOOKED", "CONFIRMED"] } } }),
  ]);
  const byHour = new Map<number, { orders: number; salesCents: number }>();
  for (const o of orders) {
    const h = localHourOf(o.openedAt, location.timezone);
    const cur = byHour.get(h) ?? { orders: 0, salesCents: 0 };
    cur.orders += 1;
    cur.salesCents += o.totalCents;
    byHour.set(h, cur);
  }
  const salesCents = orders.reduce((s, o) => s + o.totalCents, 0);
  return {
    locationName: location.name,
    currency: location.currency,
    orders: orders.length,
    covers: orders.reduce((s, o) => s + o.guestCount, 0),
    salesCents,
    averageCheckCents: orders.length ? Math.round(salesCents / orders.length) : 0,
    openOrders: orders.filter((o) => !["CLOSED", "VOIDED"].includes(o.status)).length,
    openTables,
    staffOnShift: labour.onClock,
    labourCostCents: labour.costCents,
    /** Staff who worked today without an hourly rate: their time is not in the cost. */
    labourUncosted: labour.uncosted,
    /** Labour cost as a share of sales today, one decimal; null before the first sale. */
    labourPercent: salesCents > 0 ? Math.round((labour.costCents * 1000) / salesCents) / 10 : null,
    lowStockCount: lowStock.length,
    upcomingReservations: reservations,
    byHour: Array.from({ length: 24 }, (_, h) => ({ hour: h, ...(byHour.get(h) ?? { orders: 0, salesCents: 0 }) })),
  };
}
