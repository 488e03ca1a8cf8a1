import "server-only";
import type { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { lockBookings } from "./booking-rules";
import { overlapMessage, overlappingPeriod } from "./period-overlap";
import {
  createServicePeriodSchema,
  minutesOfClock,
  updateServicePeriodSchema,
  type CreateServicePeriodInput,
  type UpdateServicePeriodInput,
} from "./schemas";

export const SERVICE_PERIOD_SELECT = {
  id: true,
  name: true,
  daysOfWeek: true,
  startMinute: true,
  endMinute: true,
  slotMinutes: true,
  maxCoversPerSlot: true,
  maxPartiesPerSlot: true,
  archivedAt: true,
} as const;

type Fields = z.output<typeof createServicePeriodSchema>;

function columns(input: Fields) {
  return {
    name: input.name,
    daysOfWeek: input.daysOfWeek,
    startMinute: minutesOfClock(input.startTime),
    endMinute: minutesOfClock(input.endTime),
    slotMinutes: input.slotMinutes,
    maxCoversPerSlot: input.maxCoversPerSlot,
    maxPartiesPerSlot: input.maxPartiesPerSlot,
  };
}

/** Under the location's booking lock (bookings read the periods): no overlap with another active period. */
async function assertNoOverlap(tx: Tx, locationId: string, candidate: ReturnType<typeof columns> & { id?: string }) {
  await lockBookings(tx, locationId);
  const others = await tx.servicePeriod.findMany({
    where: { locationId, archivedAt: null },
    select: { id: true, name: true, daysOfWeek: true, startMinute: true, endMinute: true },
  });
  const hit = overlappingPeriod(others, candidate);
  if (hit) {
    const message = overlapMessage(hit);
    throw new AppError("CONFLICT", message, { startTime: [message], daysOfWeek: [message] });
  }
}

/** A new service period (the hours and pacing bookings follow). */
export async function createServicePeriod(ctx: Ctx, raw: CreateServicePeriodInput) {
  assertCan(ctx, "setup.manage");
  const data = columns(parseInput(createServicePeriodSchema, raw));
  return db.$transaction(async (tx) => {
    await assertNoOverlap(tx, ctx.locationId, data);
    const row = await tx.servicePeriod.create({
      data: { ...data, locationId: ctx.locationId },
      select: SERVICE_PERIOD_SELECT,
    });
    await auditAs(
      ctx,
      { action: "service-period.created", entityType: "ServicePeriod", entityId: row.id, details: data },
      tx,
    );
    return row;
  });
}

/**
 * Change a period's hours or pacing. Bookings already made stay (the host stand sees them); new
 * ones follow the new hours.
 */
export async function updateServicePeriod(ctx: Ctx, raw: UpdateServicePeriodInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(updateServicePeriodSchema, raw);
  const data = columns(input);
  return db.$transaction(async (tx) => {
    const before = await tx.servicePeriod.findFirst({
      where: { id: input.id, locationId: ctx.locationId, archivedAt: null },
      select: SERVICE_PERIOD_SELECT,
    });
    if (!before) throw notFound("Service period");
    await assertNoOverlap(tx, ctx.locationId, { ...data, id: input.id });
    const row = await tx.servicePeriod.update({ where: { id: input.id }, data, select: SERVICE_PERIOD_SELECT });
    const { archivedAt: _a, id: _i, ...was } = before;
    await auditAs(
      ctx,
      {
        action: "service-period.updated",
        entityType: "ServicePeriod",
        entityId: row.id,
        details: { before: was, after: data },
      },
      tx,
    );
    return row;
  });
}
