import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";

/**
 * The location's drivers (active accounts with the DRIVER role: admins may drive too, but are not
 * listed as drivers unless on duty, when the board shows them), on duty first, with their open shift.
 */
export async function listDrivers(ctx: Ctx) {
  assertCan(ctx, "delivery.dispatch");
  const members = await db.membership.findMany({
    where: { locationId: ctx.locationId, role: "DRIVER", user: { active: true } },
    select: { userId: true, user: { select: { name: true } } },
  });
  const ids = members.map((m) => m.userId);
  const [shifts, loads] = ids.length
    ? await Promise.all([
        db.driverShift.findMany({
          where: { locationId: ctx.locationId, driverId: { in: ids }, endedAt: null },
          select: {
            id: true,
            driverId: true,
            startedAt: true,
            lastLatitude: true,
            lastLongitude: true,
            lastPositionAt: true,
          },
        }),
        db.onlineOrder.groupBy({
          by: ["driverId"],
          where: {
            locationId: ctx.locationId,
            driverId: { in: ids },
            status: { in: ["RECEIVED", "IN_KITCHEN", "READY", "OUT_FOR_DELIVERY"] },
          },
          _count: { _all: true },
        }),
      ])
    : [[], []];
  const shiftOf = new Map(shifts.map((s) => [s.driverId, s]));
  const loadOf = new Map(loads.map((l) => [l.driverId, l._count._all]));
  return members
    .map((m) => {
      const shift = shiftOf.get(m.userId) ?? null;
      return {
        id: m.userId,
        name: m.user.name,
        onDuty: shift !== null,
        onDutySince: shift?.startedAt ?? null,
        load: loadOf.get(m.userId) ?? 0,
        position:
          shift?.lastLatitude != null && shift.lastLongitude != null
            ? { lat: shift.lastLatitude, lng: shift.lastLongitude }
            : null,
        lastPositionAt: shift?.lastPositionAt ?? null,
      };
    })
    .sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || a.name.localeCompare(b.name));
}
