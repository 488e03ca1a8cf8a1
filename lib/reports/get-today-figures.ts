import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { localHourOf, startOfLocalDay, startOfNextLocalDay } from "../time/zoned";
import { getLowStock } from "../inventory/get-low-stock";
import { getLabourSince } from "../timeclock/get-labour-today";
import { businessDateOf, businessDayRange } from "../time/business-day";

export async function getTodayFigures(ctx: Ctx) {
  const location = await db.location.findUniqueOrThrow({ where: { id: ctx.locationId } });
  const now = new Date();
  const since = startOfLocalDay(location.timezone, now);
  const until = startOfNextLocalDay(location.timezone, now);
  // Sales are what was paid: checks paid in today's business day (the Z report's day and rule).
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const day = businessDayRange(businessDateOf(now, rules), rules);
  const [orders, openTables, labour, lowStock, reservations, paidChecks, owing] = await Promise.all([
    db.order.findMany({
      where: { locationId: ctx.locationId, openedAt: { gte: since }, status: { not: "VOIDED" } },
      select: { totalCents: true, openedAt: true, status: true, guestCount: true },
    }),
    db.diningTable.count({ where: { locationId: ctx.locationId, status: { not: "FREE" } } }),
    // People clocked in now (not the schedule), and the cost of the time worked today.
    getLabourSince(ctx, since, now),
    // The inventory rule for "low" (no stock row counts as zero), not a second definition of it.
    getLowStock(ctx),
    db.reservation.count({ where: { locationId: ctx.locationId, startsAt: { gte: since, lt: until }, status: { in: ["BOOKED", "CONFIRMED", "ARRIVED"] } } }),
    db.check.findMany({
      where: { locationId: ctx.locationId, status: "PAID", paidAt: { gte: day.start, lt: day.end } },
      select: { paidAt: true, subtotalCents: true, discountCents: true, compCents: true },
    }),
    // Open checks, whenever they were opened: orders not closed that still owe money.
    db.$queryRaw<{ n: bigint; due: bigint | null }[]>`
      SELECT COUNT(*)::bigint AS n, SUM("dueCents" - "paidCents")::bigint AS due FROM "Order"
      WHERE "locationId" = ${ctx.locationId} AND status NOT IN ('CLOSED', 'VOIDED') AND "dueCents" > "paidCents"`,
  ]);
  const byHour = new Map<number, { orders: number; salesCents: number }>();
  const hour = (h: number) => byHour.get(h) ?? byHour.set(h, { orders: 0, salesCents: 0 }).get(h)!;
  for (const o of orders) hour(localHourOf(o.openedAt, location.timezone)).orders += 1;
  const net = (c: (typeof paidChecks)[number]) => c.subtotalCents - c.discountCents - c.compCents;
  for (const c of paidChecks) hour(localHourOf(c.paidAt!, location.timezone)).salesCents += net(c);
  /** Net sales (after discounts and comps, before service charge and tax) of the checks paid today. */
  const salesCents = paidChecks.reduce((s, c) => s + net(c), 0);
  return {
    locationName: location.name,
    currency: location.currency,
    orders: orders.length,
    covers: orders.reduce((s, o) => s + o.guestCount, 0),
    salesCents,
    paidChecks: paidChecks.length,
    averageCheckCents: paidChecks.length ? Math.round(salesCents / paidChecks.length) : 0,
    openChecks: Number(owing[0]?.n ?? 0),
    openDueCents: Number(owing[0]?.due ?? 0),
    businessDayCutoffHour: location.businessDayCutoffHour,
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
