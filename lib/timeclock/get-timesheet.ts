import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { businessDateOf, businessWeekRange, weekStartOf } from "../time/business-day";
import { addDays, isoDate, parseIsoDate } from "../time/zoned";
import { flagList, punchFlags, summarise, toMinutes, workedMs } from "./timesheet-math";

export const MAX_TIMESHEET_WEEKS = 26;

/** A pay period: one week (any date in it), or from/to widened to whole Monday weeks. Default: this week. */
export const timesheetPeriodSchema = z
  .object({
    week: z.iso.date("Use a date like 2026-11-30").optional(),
    from: z.iso.date("Use a date like 2026-11-30").optional(),
    to: z.iso.date("Use a date like 2026-12-13").optional(),
  })
  .superRefine((p, c) => {
    if ((p.from && !p.to) || (!p.from && p.to))
      c.addIssue({ code: "custom", path: [p.from ? "to" : "from"], message: "Give both the first and the last date" });
    if (p.from && p.to && p.from > p.to)
      c.addIssue({ code: "custom", path: ["from"], message: "Must be on or before the last date" });
  });
export type TimesheetPeriodInput = z.input<typeof timesheetPeriodSchema>;

/** The whole Monday weeks a period covers, in the location's business days. */
export function periodWeeks(input: z.output<typeof timesheetPeriodSchema>, today: string) {
  const first = weekStartOf(parseIsoDate(input.from ?? input.week ?? today));
  const last = weekStartOf(parseIsoDate(input.to ?? input.week ?? today));
  const weeks =
    Math.round((Date.UTC(last.y, last.m - 1, last.d) - Date.UTC(first.y, first.m - 1, first.d)) / 604_800_000) + 1;
  if (weeks > MAX_TIMESHEET_WEEKS)
    throw new AppError("VALIDATION", "Some fields are invalid", {
      to: [`At most ${MAX_TIMESHEET_WEEKS} weeks at once`],
    });
  return { first, last, weeks };
}

/**
 * Timesheets for a pay period: per person worked time (punches minus unpaid breaks), regular and
 * overtime per week (over Location.overtimeWeeklyMinutes), late/early flags, labour cost; each punch
 * for corrections.
 */
export async function getTimesheet(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "timeclock.manage");
  const input = parseInput(timesheetPeriodSchema, raw);
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { timezone: true, currency: true, businessDayCutoffHour: true, overtimeWeeklyMinutes: true },
  });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const now = new Date();
  const { first, last, weeks } = periodWeeks(input, isoDate(businessDateOf(now, rules)));
  const range = { start: businessWeekRange(first, rules).start, end: businessWeekRange(last, rules).end };

  const [punches, members] = await Promise.all([
    db.timePunch.findMany({
      where: { locationId: ctx.locationId, clockInAt: { gte: range.start, lt: range.end } },
      select: {
        id: true,
        userId: true,
        clockInAt: true,
        clockOutAt: true,
        correctedAt: true,
        correctionReason: true,
        correctedBy: { select: { name: true } },
        shift: { select: { startsAt: true, endsAt: true } },
        breaks: { select: { startedAt: true, endedAt: true, paid: true } },
      },
      orderBy: [{ clockInAt: "asc" }],
    }),
    db.membership.findMany({
      where: { locationId: ctx.locationId },
      select: {
        role: true,
        hourlyRateCents: true,
        user: { select: { id: true, name: true, email: true, active: true } },
      },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const rates = new Map(members.map((m) => [m.user.id, m.hourlyRateCents]));
  const sheets = summarise(punches, rates, { ...rules, overtimeWeeklyMinutes: location.overtimeWeeklyMinutes }, now);
  const names = new Map(members.map((m) => [m.user.id, m.user.name]));

  const rows = members
    .filter((m) => sheets.has(m.user.id))
    .map((m) => ({
      ...sheets.get(m.user.id)!,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      hourlyRateCents: m.hourlyRateCents,
    }));
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    timeZone: location.timezone,
    currency: location.currency,
    overtimeWeeklyMinutes: location.overtimeWeeklyMinutes,
    period: {
      from: isoDate(first),
      to: isoDate(addDays(last, 6)),
      weeks,
      previous: isoDate(addDays(first, -7)),
      next: isoDate(addDays(first, 7)),
    },
    rows,
    totals: {
      workedMinutes: sum((r) => r.workedMinutes),
      regularMinutes: sum((r) => r.regularMinutes),
      overtimeMinutes: sum((r) => r.overtimeMinutes),
      costCents: sum((r) => r.costCents ?? 0),
      uncosted: rows.filter((r) => r.costCents === null).length,
    },
    punches: punches.map((p) => ({
      id: p.id,
      userId: p.userId,
      name: names.get(p.userId) ?? "Former staff",
      clockInAt: p.clockInAt,
      clockOutAt: p.clockOutAt,
      unpaidBreakMinutes: toMinutes(
        p.breaks.filter((b) => !b.paid).reduce((s, b) => s + ((b.endedAt ?? now).getTime() - b.startedAt.getTime()), 0),
      ),
      workedMinutes: toMinutes(workedMs(p, now)),
      flags: flagList(punchFlags(p, p.shift)),
      shift: p.shift,
      correction: p.correctedAt
        ? { at: p.correctedAt, by: p.correctedBy?.name ?? null, reason: p.correctionReason ?? "" }
        : null,
    })),
    staff: members.filter((m) => m.user.active).map((m) => ({ userId: m.user.id, name: m.user.name })),
  };
}

export type Timesheet = Awaited<ReturnType<typeof getTimesheet>>;
