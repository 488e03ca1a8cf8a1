import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { labourCostCents, toMinutes, workedMsWithin } from "./timesheet-math";

/**
 * Labour in a window so far: who is on the clock now, and the cost of the time worked inside
 * [since, now) at each person's hourly rate (overtime is a weekly matter, left to the timesheet).
 * People without a rate are counted but not costed.
 */
export async function getLabourSince(ctx: Ctx, since: Date, now = new Date()) {
  const punches = await db.timePunch.findMany({
    where: {
      locationId: ctx.locationId,
      clockInAt: { lt: now },
      OR: [{ clockOutAt: null }, { clockOutAt: { gt: since } }],
    },
    select: {
      userId: true,
      clockInAt: true,
      clockOutAt: true,
      breaks: { select: { startedAt: true, endedAt: true, paid: true } },
    },
  });
  const rates = new Map(
    (
      await db.membership.findMany({
        where: { locationId: ctx.locationId, userId: { in: [...new Set(punches.map((p) => p.userId))] } },
        select: { userId: true, hourlyRateCents: true },
      })
    ).map((m) => [m.userId, m.hourlyRateCents]),
  );
  const msByUser = new Map<string, number>();
  for (const p of punches) msByUser.set(p.userId, (msByUser.get(p.userId) ?? 0) + workedMsWithin(p, since, now));
  let costCents = 0;
  let uncosted = 0;
  for (const [userId, ms] of msByUser) {
    const cost = labourCostCents({ regular: toMinutes(ms), overtime: 0 }, rates.get(userId) ?? null);
    if (cost === null) uncosted += 1;
    else costCents += cost;
  }
  return { onClock: punches.filter((p) => p.clockOutAt === null).length, costCents, uncosted };
}
