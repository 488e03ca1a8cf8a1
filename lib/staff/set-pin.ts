import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { newPinSchema } from "./pin-policy";

export const setMyPinSchema = z.object({ pin: newPinSchema });
export type SetMyPinInput = z.input<typeof setMyPinSchema>;

/** The signed-in staff member sets (or changes) their quick-switch PIN at the current location. */
export async function setMyPin(ctx: Ctx, raw: unknown): Promise<{ pinSetAt: Date }> {
  assertCan(ctx, "timeclock.punch");
  const { pin } = parseInput(setMyPinSchema, raw);
  const pinHash = await hashPassword(pin);
  return db.$transaction(async (tx) => {
    const m = await tx.membership.update({
      where: { userId_locationId: { userId: ctx.userId, locationId: ctx.locationId } },
      data: { pinHash, pinSetAt: new Date(), pinFailedCount: 0, pinLockedUntil: null },
      select: { pinSetAt: true },
    });
    await auditAs(ctx, { action: "staff.pin.set", entityType: "User", entityId: ctx.userId }, tx);
    return { pinSetAt: m.pinSetAt! };
  });
}

export const clearPinSchema = z.object({ userId: z.string().min(1).max(64) });

/** A manager removes someone's PIN (a PIN was seen or shared); they set a new one after signing in. */
export async function clearStaffPin(ctx: Ctx, raw: unknown): Promise<void> {
  assertCan(ctx, "staff.manage");
  const { userId } = parseInput(clearPinSchema, raw);
  await db.$transaction(async (tx) => {
    const { count } = await tx.membership.updateMany({
      where: { userId, locationId: ctx.locationId },
      data: { pinHash: null, pinSetAt: null, pinFailedCount: 0, pinLockedUntil: null },
    });
    if (count === 0) throw notFound("Staff member");
    await auditAs(ctx, { action: "staff.pin.cleared", entityType: "User", entityId: userId }, tx);
  });
}
