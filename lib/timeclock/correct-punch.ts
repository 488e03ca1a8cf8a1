import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput, text } from "../validation";
import { punchById, punchView, type ClockPunchView } from "./clock-state";
import { findShiftFor } from "./find-shift";
import { refusingBrokenRules } from "./punch-constraints";
import { punchInstant, punchTimeSchema } from "./punch-times";

const reasonSchema = text("Say why the punch is corrected")
  .trim()
  .min(3, "Say why the punch is corrected (at least 3 characters)")
  .max(300, "At most 300 characters");

export const correctPunchFieldsSchema = z.object({
  clockInAt: punchTimeSchema,
  /** Empty or missing: the punch stays open (only for a punch that is still open). */
  clockOutAt: punchTimeSchema.nullish().or(z.literal("").transform(() => null)),
  reason: reasonSchema,
});
export const correctPunchSchema = correctPunchFieldsSchema.extend({ id: idSchema });
export type CorrectPunchInput = z.input<typeof correctPunchSchema>;

export const addPunchSchema = z.object({
  userId: idSchema,
  clockInAt: punchTimeSchema,
  clockOutAt: punchTimeSchema,
  reason: reasonSchema,
});
export type AddPunchInput = z.input<typeof addPunchSchema>;

const overlap = (name: string) =>
  new AppError("CONFLICT", `Overlaps another punch of ${name}`, {
    clockInAt: [`Overlaps another punch of ${name}`],
  });

const EARLIEST = new Date("2000-01-01T00:00:00Z");

/** Times checked against each other and the clock, in the location's zone. */
async function resolveTimes(ctx: Ctx, clockIn: string, clockOut: string | null | undefined) {
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { timezone: true, businessDayCutoffHour: true },
  });
  const clockInAt = punchInstant(clockIn, location.timezone);
  const clockOutAt = clockOut ? punchInstant(clockOut, location.timezone) : null;
  const errors: Record<string, string[]> = {};
  const now = Date.now() + 60_000;
  if (Number.isNaN(clockInAt.getTime())) errors.clockInAt = ["Not a real date"];
  else if (clockInAt < EARLIEST) errors.clockInAt = ["Too far in the past"];
  else if (clockInAt.getTime() > now) errors.clockInAt = ["Cannot be in the future"];
  if (clockOutAt && Number.isNaN(clockOutAt.getTime())) errors.clockOutAt = ["Not a real date"];
  else if (clockOutAt && clockOutAt.getTime() > now) errors.clockOutAt = ["Cannot be in the future"];
  else if (clockOutAt && clockOutAt <= clockInAt) errors.clockOutAt = ["Must be after the clock-in"];
  else if (clockOutAt && clockOutAt.getTime() - clockInAt.getTime() > 24 * 3_600_000)
    errors.clockOutAt = ["A punch is at most 24 hours"];
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Some fields are invalid", errors);
  return { clockInAt, clockOutAt, rules: { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour } };
}

const snapshot = (p: { clockInAt: Date; clockOutAt: Date | null; shiftId: string | null }) => ({
  clockInAt: p.clockInAt.toISOString(),
  clockOutAt: p.clockOutAt?.toISOString() ?? null,
  shiftId: p.shiftId,
});

/** Breaks must stay inside the punch; an open break of a punch being closed ends with it. */
async function fitBreaks(tx: Tx, punchId: string, clockInAt: Date, clockOutAt: Date | null) {
  if (clockOutAt) {
    await tx.timeBreak.updateMany({
      where: { punchId, endedAt: null, startedAt: { lt: clockOutAt } },
      data: { endedAt: clockOutAt },
    });
  }
  const breaks = await tx.timeBreak.findMany({ where: { punchId }, select: { startedAt: true, endedAt: true } });
  const outside = breaks.some(
    (b) => b.startedAt < clockInAt || (clockOutAt && (b.endedAt === null || b.endedAt > clockOutAt)),
  );
  if (outside)
    throw new AppError("VALIDATION", "A break of this punch falls outside these times", {
      clockOutAt: ["A break of this punch falls outside these times; keep the breaks inside the punch"],
    });
}

/** A manager corrects a punch's times with a reason; who, when and why stay on the row, before/after in the audit. */
export async function correctPunch(ctx: Ctx, raw: unknown): Promise<ClockPunchView> {
  assertCan(ctx, "timeclock.manage");
  const input = parseInput(correctPunchSchema, raw);
  const before = await db.timePunch.findFirst({
    where: { id: input.id, locationId: ctx.locationId },
    select: {
      id: true,
      userId: true,
      clockInAt: true,
      clockOutAt: true,
      shiftId: true,
      user: { select: { name: true } },
    },
  });
  if (!before) throw notFound("Punch");
  if (!input.clockOutAt && before.clockOutAt)
    throw new AppError("VALIDATION", "Some fields are invalid", { clockOutAt: ["Enter the clock-out time"] });
  const { clockInAt, clockOutAt, rules } = await resolveTimes(ctx, input.clockInAt, input.clockOutAt);
  await refusingBrokenRules(
    () =>
      db.$transaction(async (tx) => {
        const shift = await findShiftFor(tx, { locationId: ctx.locationId, userId: before.userId }, clockInAt, rules);
        const after = await tx.timePunch.update({
          where: { id: before.id },
          data: {
            clockInAt,
            clockOutAt,
            shiftId: shift?.id ?? null,
            correctedAt: new Date(),
            correctedById: ctx.userId,
            correctionReason: input.reason,
          },
          select: { clockInAt: true, clockOutAt: true, shiftId: true },
        });
        await fitBreaks(tx, before.id, clockInAt, clockOutAt);
        await auditAs(
          ctx,
          {
            action: "timeclock.punch.corrected",
            entityType: "TimePunch",
            entityId: before.id,
            details: { userId: before.userId, reason: input.reason, before: snapshot(before), after: snapshot(after) },
          },
          tx,
        );
      }),
    {
      TimePunch_no_overlap: overlap(before.user.name),
      TimePunch_one_open_per_user: overlap(before.user.name),
    },
  );
  return punchView(await punchById(db, before.id));
}

/** A manager adds a punch someone forgot (both times, with a reason). */
export async function addPunch(ctx: Ctx, raw: unknown): Promise<ClockPunchView> {
  assertCan(ctx, "timeclock.manage");
  const input = parseInput(addPunchSchema, raw);
  const member = await db.membership.findFirst({
    where: { userId: input.userId, locationId: ctx.locationId },
    select: { role: true, user: { select: { name: true } } },
  });
  if (!member) throw notFound("Staff member");
  const { clockInAt, clockOutAt, rules } = await resolveTimes(ctx, input.clockInAt, input.clockOutAt);
  const id = await refusingBrokenRules(
    () =>
      db.$transaction(async (tx) => {
        const who = { locationId: ctx.locationId, userId: input.userId };
        const shift = await findShiftFor(tx, who, clockInAt, rules);
        const punch = await tx.timePunch.create({
          data: {
            ...who,
            role: member.role,
            shiftId: shift?.id ?? null,
            clockInAt,
            clockOutAt,
            correctedAt: new Date(),
            correctedById: ctx.userId,
            correctionReason: input.reason,
          },
          select: { id: true, clockInAt: true, clockOutAt: true, shiftId: true },
        });
        await auditAs(
          ctx,
          {
            action: "timeclock.punch.added",
            entityType: "TimePunch",
            entityId: punch.id,
            details: { userId: input.userId, reason: input.reason, before: null, after: snapshot(punch) },
          },
          tx,
        );
        return punch.id;
      }),
    { TimePunch_no_overlap: overlap(member.user.name) },
  );
  return punchView(await punchById(db, id));
}
