// Delivery report figures from plain rows. Pure: the report and its unit test.
import { failureReasonOf } from "../driver/delivery-rules";
import type { FailureReason } from "../driver/schemas";

/** A delivery counts as on time up to this long after its promised time. */
export const ON_TIME_GRACE_MINUTES = 5;

export type DeliveryRow = {
  driverId: string | null;
  status: "DELIVERED" | "FAILED";
  placedAt: Date;
  promisedAt: Date;
  pickedUpAt: Date | null;
  deliveredAt: Date | null;
  failedReason: string | null;
};

export type ShiftSpan = { driverId: string; startedAt: Date; endedAt: Date | null };

const minutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000;
const round1 = (v: number) => Math.round(v * 10) / 10;
const avg = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

export function isOnTime(r: Pick<DeliveryRow, "deliveredAt" | "promisedAt">): boolean {
  return r.deliveredAt !== null && minutes(r.promisedAt, r.deliveredAt) <= ON_TIME_GRACE_MINUTES;
}

/** Hours of a shift inside [start, end) (an open shift runs to `now`). */
export function hoursWithin(s: ShiftSpan, start: Date, end: Date, now: Date): number {
  const from = Math.max(s.startedAt.getTime(), start.getTime());
  const to = Math.min((s.endedAt ?? now).getTime(), end.getTime());
  return Math.max(0, to - from) / 3_600_000;
}

export function deliveryFigures(rows: readonly DeliveryRow[]) {
  const delivered = rows.filter((r) => r.status === "DELIVERED" && r.deliveredAt);
  const failed = rows.filter((r) => r.status === "FAILED");
  const onTime = delivered.filter(isOnTime).length;
  const byReason = new Map<FailureReason, number>();
  for (const r of failed) {
    const k = failureReasonOf(r.failedReason);
    byReason.set(k, (byReason.get(k) ?? 0) + 1);
  }
  return {
    delivered: delivered.length,
    failed: failed.length,
    onTime,
    /** Percent of delivered orders at or before the promised time plus the grace. */
    onTimeRate: delivered.length ? round1((onTime / delivered.length) * 100) : null,
    avgPlacedToDeliveredMinutes: avg(delivered.map((r) => minutes(r.placedAt, r.deliveredAt!))),
    avgPickupToDeliveredMinutes: avg(
      delivered.filter((r) => r.pickedUpAt).map((r) => minutes(r.pickedUpAt!, r.deliveredAt!)),
    ),
    failedByReason: (["REFUSED", "NO_ANSWER", "WRONG_ADDRESS", "OTHER"] as const).map((reason) => ({
      reason,
      count: byReason.get(reason) ?? 0,
    })),
  };
}

/** Per driver: deliveries, failures, hours on duty in the span, delivered orders per hour on duty. */
export function driverFigures(
  rows: readonly DeliveryRow[],
  shifts: readonly ShiftSpan[],
  names: ReadonlyMap<string, string>,
  span: { start: Date; end: Date },
  now: Date,
) {
  const ids = new Set<string>([...shifts.map((s) => s.driverId), ...rows.flatMap((r) => (r.driverId ? [r.driverId] : []))]);
  return [...ids]
    .map((driverId) => {
      const mine = rows.filter((r) => r.driverId === driverId);
      const delivered = mine.filter((r) => r.status === "DELIVERED").length;
      const hours = shifts
        .filter((s) => s.driverId === driverId)
        .reduce((a, s) => a + hoursWithin(s, span.start, span.end, now), 0);
      return {
        driverId,
        name: names.get(driverId) ?? "Former driver",
        delivered,
        failed: mine.length - delivered,
        onTime: mine.filter((r) => r.status === "DELIVERED" && isOnTime(r)).length,
        hoursOnDuty: round1(hours),
        ordersPerHour: hours > 0 ? round1(delivered / hours) : null,
      };
    })
    .sort((a, b) => b.delivered - a.delivered || a.name.localeCompare(b.name));
}
