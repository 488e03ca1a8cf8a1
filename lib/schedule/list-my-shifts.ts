import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { getLocation } from "../locations/get-location";

const AHEAD_DAYS = 14;

/**
 * The signed-in person's published shifts from now (one under way included) for the next two weeks,
 * with the checklists handed to each.
 */
export async function listMyShifts(ctx: Ctx, now = new Date()) {
  assertCan(ctx, "timeclock.punch");
  const { timezone } = await getLocation(ctx);
  const shifts = await db.shift.findMany({
    where: {
      locationId: ctx.locationId,
      userId: ctx.userId,
      publishedAt: { not: null },
      endsAt: { gt: now },
      startsAt: { lt: new Date(now.getTime() + AHEAD_DAYS * 86_400_000) },
    },
    select: {
      id: true,
      role: true,
      startsAt: true,
      endsAt: true,
      notes: true,
      station: { select: { name: true } },
      checklists: { where: { checklist: { archivedAt: null } }, select: { checklist: { select: { name: true } } } },
    },
    orderBy: { startsAt: "asc" },
    take: 60,
  });
  return {
    timeZone: timezone,
    shifts: shifts.map(({ station, checklists, ...s }) => ({
      ...s,
      stationName: station?.name ?? null,
      checklistNames: checklists.map((c) => c.checklist.name),
    })),
  };
}
