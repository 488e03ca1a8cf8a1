import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan, can } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import { dayRulesOf } from "./day-rules";
import { parseIsoDate, zonedInstant } from "../time/zoned";
import { parseInput } from "../validation";
import { weekBounds, weekOf } from "./week";

const MAX_RANGE_DAYS = 62;

// A day ("2026-12-01", local midnight at the location) or an instant ("2026-12-01T09:00:00Z").
const bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "Use a date (2026-12-01) or an ISO date and time",
});

export const listShiftsSchema = z.object({ from: bound.optional(), to: bound.optional() });
export type ListShiftsInput = z.input<typeof listShiftsSchema>;

function toInstant(value: string, timeZone: string): Date {
  return value.length === 10 ? zonedInstant(parseIsoDate(value), 0, 0, timeZone) : new Date(value);
}

/**
 * Shifts in [from, to) (default: this week) with the checklists handed to them. Managers see every
 * shift, drafts included; everyone else sees only their own published ones.
 */
export async function listShifts(ctx: Ctx, raw: ListShiftsInput = {}) {
  assertCan(ctx, "timeclock.punch");
  const input = parseInput(listShiftsSchema, raw);
  const rules = await dayRulesOf(ctx);
  const timezone = rules.timeZone;
  const week = weekBounds(weekOf(new Date(), rules), rules);
  const from = input.from ? toInstant(input.from, timezone) : week.from;
  const to = input.to
    ? toInstant(input.to, timezone)
    : input.from
      ? new Date(from.getTime() + 7 * 86_400_000)
      : week.to;
  if (to <= from) throw new AppError("VALIDATION", "Some fields are invalid", { to: ["Must be after from"] });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    throw new AppError("VALIDATION", "Some fields are invalid", { to: [`At most ${MAX_RANGE_DAYS} days at a time`] });
  const manager = can(ctx, "schedule.manage");
  const shifts = await db.shift.findMany({
    where: {
      locationId: ctx.locationId,
      startsAt: { lt: to },
      endsAt: { gt: from },
      ...(manager ? {} : { userId: ctx.userId, publishedAt: { not: null } }),
    },
    select: {
      id: true,
      userId: true,
      role: true,
      stationId: true,
      startsAt: true,
      endsAt: true,
      notes: true,
      publishedAt: true,
      user: { select: { name: true } },
      station: { select: { name: true } },
      checklists: { select: { checklist: { select: { id: true, name: true } } } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 2000,
  });
  return {
    timeZone: timezone,
    from: from.toISOString(),
    to: to.toISOString(),
    shifts: shifts.map(({ user, station, checklists, ...s }) => ({
      ...s,
      userName: user.name,
      stationName: station?.name ?? null,
      /** Checklists handed to this shift. */
      checklists: checklists.map((c) => c.checklist),
      status: s.publishedAt ? ("PUBLISHED" as const) : ("DRAFT" as const),
    })),
  };
}
