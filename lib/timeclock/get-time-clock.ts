import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { openPunches, punchView, type ClockPunchView } from "./clock-state";

export type TimeClockPerson = { userId: string; name: string; role: string; punch: ClockPunchView | null };

/**
 * The time clock now: every active staff member of the location (the PIN pad's "who are you" list)
 * with their open punch here, and the open punches alone (who is on the clock, since, on break).
 */
export async function getTimeClock(ctx: Ctx) {
  assertCan(ctx, "timeclock.punch");
  const [location, members, open] = await Promise.all([
    db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { timezone: true } }),
    db.membership.findMany({
      where: { locationId: ctx.locationId, user: { active: true } },
      select: { role: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    openPunches(db, { locationId: ctx.locationId }),
  ]);
  const now = new Date();
  const byUser = new Map(open.map((p) => [p.userId, punchView(p, now)]));
  const people: TimeClockPerson[] = members.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    role: m.role,
    punch: byUser.get(m.user.id) ?? null,
  }));
  return {
    timeZone: location.timezone,
    /** The signed-in user: they may punch on this screen without a PIN. */
    me: ctx.userId,
    people,
    onClock: people
      .filter((p) => p.punch !== null)
      .map(({ userId, name, role, punch }) => ({ userId, name, role, ...punch! })),
  };
}
