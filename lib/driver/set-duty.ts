import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { dutySchema, type DutyInput } from "./schemas";

export type DutyState = { onDuty: boolean; shiftId: string | null; startedAt: Date | null };

/**
 * Goes on duty (opens a DriverShift) or off (closes it). A partial unique index keeps one open
 * shift per driver, so a double tap opens one and answers it twice. Going off is refused while
 * the driver still carries orders: they would leave the cash-up and the tracking page orphaned.
 */
export async function setDuty(ctx: Ctx, raw: DutyInput): Promise<DutyState> {
  assertCan(ctx, "delivery.drive");
  const input = parseInput(dutySchema, raw);
  return db.$transaction(async (tx) => {
    if (input.onDuty) {
      const inserted = await tx.$queryRaw<{ id: string; startedAt: Date }[]>`
        INSERT INTO "DriverShift" (id, "locationId", "driverId", "startedAt")
        VALUES (${randomUUID()}, ${ctx.locationId}, ${ctx.userId}, now())
        ON CONFLICT ("driverId") WHERE "endedAt" IS NULL DO NOTHING
        RETURNING id, "startedAt"`;
      if (inserted[0]) {
        await auditAs(ctx, { action: "driver.duty.started", entityType: "DriverShift", entityId: inserted[0].id }, tx);
        return { onDuty: true, shiftId: inserted[0].id, startedAt: inserted[0].startedAt };
      }
      const open = await tx.driverShift.findFirst({ where: { driverId: ctx.userId, endedAt: null } });
      if (!open) throw new AppError("CONFLICT", "Going on duty clashed with another request; try again");
      if (open.locationId !== ctx.locationId)
        throw new AppError("INVALID_STATE", "You are on duty at another location; go off duty there first");
      return { onDuty: true, shiftId: open.id, startedAt: open.startedAt };
    }

    const [open] = await tx.$queryRaw<{ id: string; startedAt: Date }[]>`
      SELECT id, "startedAt" FROM "DriverShift"
       WHERE "driverId" = ${ctx.userId} AND "locationId" = ${ctx.locationId} AND "endedAt" IS NULL
         FOR UPDATE`;
    if (!open) return { onDuty: false, shiftId: null, startedAt: null };
    const out = await tx.onlineOrder.count({
      where: { locationId: ctx.locationId, driverId: ctx.userId, status: "OUT_FOR_DELIVERY" },
    });
    if (out > 0)
      throw new AppError(
        "INVALID_STATE",
        `You still have ${out === 1 ? "an order" : `${out} orders`} out for delivery; mark ${out === 1 ? "it" : "them"} delivered or failed first`,
      );
    const endedAt = new Date();
    await tx.driverShift.update({ where: { id: open.id }, data: { endedAt } });
    await auditAs(ctx, { action: "driver.duty.ended", entityType: "DriverShift", entityId: open.id }, tx);
    return { onDuty: false, shiftId: null, startedAt: null };
  });
}
