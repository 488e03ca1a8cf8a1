import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import type { Role } from "../auth/roles";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { verifyStaffPin } from "../staff/verify-pin";
import { parseInput } from "../validation";
import { punchById, punchView, type ClockPunchView } from "./clock-state";
import { findShiftFor } from "./find-shift";
import { refusingBrokenRules } from "./punch-constraints";

export const CLOCK_ACTIONS = ["clock-in", "clock-out", "break-start", "break-end"] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

export const punchClockSchema = z.object({
  action: z.enum(CLOCK_ACTIONS, { error: "Choose clock in, clock out, start or end break" }),
  userId: z.string({ error: "Choose who you are" }).min(1, "Choose who you are").max(64),
  /** Required unless the signed-in user punches for themselves. Checked by verifyStaffPin. */
  pin: z.string().max(12).optional(),
});
export type PunchClockInput = z.input<typeof punchClockSchema>;

export type PunchClockResult = {
  action: ClockAction;
  person: { userId: string; name: string };
  /** The punch after the action (closed after a clock-out). */
  punch: ClockPunchView;
};

type Person = { userId: string; name: string; role: Role; via: "pin" | "session" };

/**
 * Clock in or out, or start or end a break, for the person who typed their PIN on this screen (or
 * the signed-in user, without a PIN). The database refuses a second open punch, overlapping
 * punches and a second open break (ADR 0019); those refusals become clear messages.
 */
export async function punchClock(ctx: Ctx, raw: unknown): Promise<PunchClockResult> {
  assertCan(ctx, "timeclock.punch");
  const input = parseInput(punchClockSchema, raw);
  const person = await identify(ctx, input);
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { timezone: true, businessDayCutoffHour: true },
  });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const now = new Date();
  const who = { locationId: ctx.locationId, userId: person.userId };
  const audit = (tx: Tx, punchId: string, details: Record<string, unknown> = {}) =>
    auditAs(
      { ...ctx, userId: person.userId },
      {
        action: `timeclock.${input.action}`,
        entityType: "TimePunch",
        entityId: punchId,
        details: { via: person.via, screenUserId: ctx.userId, at: now.toISOString(), ...details },
      },
      tx,
    );
  const notIn = new AppError("INVALID_STATE", `${person.name} is not clocked in here`);
  const tooSoon = new AppError("CONFLICT", "That was less than a second after the last punch; try again");

  const punchId = await refusingBrokenRules(
    () =>
      db.$transaction(async (tx) => {
        if (input.action === "clock-in") {
          const shift = await findShiftFor(tx, who, now, rules);
          const punch = await tx.timePunch.create({
            data: { ...who, role: person.role, shiftId: shift?.id ?? null, clockInAt: now },
            select: { id: true },
          });
          await audit(tx, punch.id, { shiftId: shift?.id ?? null });
          return punch.id;
        }
        // Lock the open punch: a clock-out and a break started at once on two screens queue here.
        const [open] = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "TimePunch"
          WHERE "locationId" = ${ctx.locationId} AND "userId" = ${person.userId} AND "clockOutAt" IS NULL
          FOR UPDATE`;
        if (!open) throw notIn;
        if (input.action === "clock-out") {
          await tx.timeBreak.updateMany({ where: { punchId: open.id, endedAt: null }, data: { endedAt: now } });
          await tx.timePunch.update({ where: { id: open.id }, data: { clockOutAt: now } });
        } else if (input.action === "break-start") {
          await tx.timeBreak.create({ data: { punchId: open.id, startedAt: now } });
        } else {
          const { count } = await tx.timeBreak.updateMany({
            where: { punchId: open.id, endedAt: null },
            data: { endedAt: now },
          });
          if (count === 0) throw new AppError("INVALID_STATE", `${person.name} is not on a break`);
        }
        await audit(tx, open.id);
        return open.id;
      }),
    {
      TimePunch_one_open_per_user: new AppError("CONFLICT", `${person.name} is already clocked in`),
      TimePunch_no_overlap: new AppError("CONFLICT", `${person.name} is already clocked in`),
      TimeBreak_one_open_per_punch: new AppError("CONFLICT", `${person.name} is already on a break`),
      TimePunch_out_after_in: tooSoon,
      TimeBreak_end_after_start: tooSoon,
    },
  );
  return {
    action: input.action,
    person: { userId: person.userId, name: person.name },
    punch: punchView(await punchById(db, punchId)),
  };
}

async function identify(ctx: Ctx, input: z.infer<typeof punchClockSchema>): Promise<Person> {
  if (!input.pin) {
    if (input.userId !== ctx.userId) throw new AppError("VALIDATION", "Enter your PIN", { pin: ["Enter your PIN"] });
    return { userId: ctx.userId, name: ctx.name, role: ctx.role, via: "session" };
  }
  const holder = await verifyStaffPin(
    ctx.locationId,
    { userId: input.userId, pin: input.pin },
    { ip: ctx.ip ?? null, requestId: ctx.requestId },
  );
  return { userId: holder.userId, name: holder.name, role: holder.role, via: "pin" };
}
