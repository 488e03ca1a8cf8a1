import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { toCsv } from "../csv/stringify";
import { db } from "../db";
import { failureReasonLabel } from "../driver/delivery-rules";
import { parseInput } from "../validation";
import { deliveryFigures, driverFigures, ON_TIME_GRACE_MINUTES, type DeliveryRow } from "./delivery-math";
import { reportScope } from "./report-context";
import { checkPeriodFields, reportPeriodFields, type DateSpan } from "./report-period";

export const deliveryReportSchema = z.object(reportPeriodFields).superRefine(checkPeriodFields);
export type DeliveryReportInput = z.input<typeof deliveryReportSchema>;

/** Delivery orders that ended (delivered or failed) in the span, and the driver shifts touching it. */
async function load(locationId: string, span: DateSpan) {
  const [orders, shifts] = await Promise.all([
    db.onlineOrder.findMany({
      where: {
        locationId,
        OR: [
          { status: "DELIVERED", deliveredAt: { gte: span.start, lt: span.end } },
          { status: "FAILED", failedAt: { gte: span.start, lt: span.end } },
        ],
      },
      select: {
        driverId: true,
        status: true,
        createdAt: true,
        promisedAt: true,
        pickedUpAt: true,
        deliveredAt: true,
        failedReason: true,
      },
    }),
    db.driverShift.findMany({
      where: { locationId, startedAt: { lt: span.end }, OR: [{ endedAt: null }, { endedAt: { gt: span.start } }] },
      select: { driverId: true, startedAt: true, endedAt: true, driver: { select: { name: true } } },
    }),
  ]);
  const rows: DeliveryRow[] = orders.map((o) => ({
    driverId: o.driverId,
    status: o.status as "DELIVERED" | "FAILED",
    placedAt: o.createdAt,
    promisedAt: o.promisedAt,
    pickedUpAt: o.pickedUpAt,
    deliveredAt: o.deliveredAt,
    failedReason: o.failedReason,
  }));
  return { rows, shifts };
}

/**
 * On-time rate (delivered by the promised time plus a grace), average delivery times (placed →
 * delivered, picked up → delivered), delivered orders per driver per hour on duty, failures by
 * reason, for a period of business days (and the one before, to compare).
 */
export async function getDeliveryReport(ctx: Ctx, raw: unknown, now = new Date()) {
  assertCan(ctx, "reports.money");
  const input = parseInput(deliveryReportSchema, raw);
  const { location, period } = await reportScope(ctx, input, now);
  const [cur, prev] = await Promise.all([
    load(location.id, period),
    period.previous ? load(location.id, period.previous) : null,
  ]);
  const driverIds = [...new Set(cur.rows.flatMap((r) => (r.driverId ? [r.driverId] : [])))];
  const users = await db.user.findMany({ where: { id: { in: driverIds } }, select: { id: true, name: true } });
  const names = new Map([...users.map((u) => [u.id, u.name] as const), ...cur.shifts.map((s) => [s.driverId, s.driver.name] as const)]);
  const total = deliveryFigures(cur.rows);
  return {
    locationName: location.name,
    generatedAt: now,
    period,
    graceMinutes: ON_TIME_GRACE_MINUTES,
    total: {
      ...total,
      failedByReason: total.failedByReason.map((f) => ({ ...f, label: failureReasonLabel(f.reason) })),
    },
    previousTotal: prev ? deliveryFigures(prev.rows) : null,
    drivers: driverFigures(cur.rows, cur.shifts, names, period, now),
  };
}

export type DeliveryReport = Awaited<ReturnType<typeof getDeliveryReport>>;

/** A row per driver and a TOTAL row. */
export function deliveryCsv(r: DeliveryReport): string {
  const t = r.total;
  return toCsv(
    ["driver", "delivered", "failed", "on_time", "hours_on_duty", "orders_per_hour"],
    [
      ...r.drivers.map((d) => [d.name, d.delivered, d.failed, d.onTime, d.hoursOnDuty, d.ordersPerHour ?? ""]),
      [
        "TOTAL",
        t.delivered,
        t.failed,
        t.onTime,
        r.drivers.reduce((a, d) => Math.round((a + d.hoursOnDuty) * 10) / 10, 0),
        "",
      ],
    ],
  );
}
