import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { assertCan } from "../auth/permissions";
import { NO_PASSWORD_YET } from "./create-staff";

/** Staff with a role at the acting user's location, and that location's time zone (to show their times in). */
export async function listStaff(ctx: Ctx) {
  assertCan(ctx, "staff.manage");
  const [location, rows] = await Promise.all([
    db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { timezone: true } }),
    db.membership.findMany({
      where: { locationId: ctx.locationId },
      include: {
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            active: true,
            lastLoginAt: true,
            lockedUntil: true,
            passwordHash: true,
          },
        },
      },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
  ]);
  const now = new Date();
  const staff = rows.map((m) => ({
    id: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    active: m.user.active,
    lastLoginAt: m.user.lastLoginAt,
    hourlyRateCents: m.hourlyRateCents,
    /** Added, but has not set a password from the invite yet. */
    invited: m.user.passwordHash === NO_PASSWORD_YET,
    locked: (!!m.user.lockedUntil && m.user.lockedUntil > now) || (!!m.pinLockedUntil && m.pinLockedUntil > now),
  }));
  return { timeZone: location.timezone, staff };
}
