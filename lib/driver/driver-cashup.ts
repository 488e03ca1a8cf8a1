import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { formatCents } from "../money";
import { parseInput } from "../validation";
import {
  cashupQuerySchema,
  driverIdSchema,
  reconcileSchema,
  type CashupQueryInput,
  type ReconcileInput,
} from "./schemas";
import { collectedInShift } from "./shift-cash";

export type DriverCashup = {
  driver: { id: string; name: string };
  shift: { id: string; startedAt: Date; endedAt: Date | null } | null;
  collectedCents: number;
  codOrders: number;
  /** Card payments on the driver's terminal and their tips (checked against the terminal's batch). */
  cardCents: number;
  cardTipCents: number;
  /** Orders of this driver still out for delivery (reconciling waits for them). */
  outForDelivery: number;
  countedCents: number | null;
  /** counted − collected, once counted. */
  varianceCents: number | null;
  reconciledAt: Date | null;
  reconciledBy: string | null;
};

type ShiftRow = {
  id: string;
  locationId: string;
  driverId: string;
  startedAt: Date;
  endedAt: Date | null;
  countedCents: number | null;
  reconciledAt: Date | null;
  reconciledBy: { name: string } | null;
  driver: { name: string };
};

async function viewOf(shift: ShiftRow): Promise<DriverCashup> {
  const [cash, out] = await Promise.all([
    collectedInShift(db, shift),
    db.onlineOrder.count({
      where: { locationId: shift.locationId, driverId: shift.driverId, status: "OUT_FOR_DELIVERY" },
    }),
  ]);
  return {
    driver: { id: shift.driverId, name: shift.driver.name },
    shift: { id: shift.id, startedAt: shift.startedAt, endedAt: shift.endedAt },
    collectedCents: cash.collectedCents,
    codOrders: cash.orders,
    cardCents: cash.cardCents,
    cardTipCents: cash.cardTipCents,
    outForDelivery: shift.endedAt ? 0 : out,
    countedCents: shift.countedCents,
    varianceCents: shift.countedCents === null ? null : shift.countedCents - cash.collectedCents,
    reconciledAt: shift.reconciledAt,
    reconciledBy: shift.reconciledBy?.name ?? null,
  };
}

const SHIFT_INCLUDE = { driver: { select: { name: true } }, reconciledBy: { select: { name: true } } } as const;

/** One driver's cash-up for a shift (default: their latest at this location). */
export async function getDriverCashup(ctx: Ctx, raw: { id: string } & CashupQueryInput): Promise<DriverCashup> {
  assertCan(ctx, "delivery.cashup");
  const { id } = parseInput(driverIdSchema, { id: raw.id });
  const { shiftId } = parseInput(cashupQuerySchema, { shiftId: raw.shiftId });
  const member = await db.membership.findFirst({
    where: { userId: id, locationId: ctx.locationId },
    select: { user: { select: { name: true } } },
  });
  if (!member) throw notFound("Driver");
  const shift = await db.driverShift.findFirst({
    where: { locationId: ctx.locationId, driverId: id, ...(shiftId ? { id: shiftId } : {}) },
    orderBy: { startedAt: "desc" },
    include: SHIFT_INCLUDE,
  });
  if (!shift) {
    if (shiftId) throw notFound("Shift");
    return {
      driver: { id, name: member.user.name },
      shift: null,
      collectedCents: 0,
      codOrders: 0,
      cardCents: 0,
      cardTipCents: 0,
      outForDelivery: 0,
      countedCents: null,
      varianceCents: null,
      reconciledAt: null,
      reconciledBy: null,
    };
  }
  return viewOf(shift);
}

/** Recent driver shifts at the location (newest first) with their cash, for the cash-up page. */
export async function listDriverCashups(ctx: Ctx, opts: { days?: number } = {}): Promise<DriverCashup[]> {
  assertCan(ctx, "delivery.cashup");
  const since = new Date(Date.now() - (opts.days ?? 7) * 86_400_000);
  const shifts = await db.driverShift.findMany({
    where: { locationId: ctx.locationId, OR: [{ startedAt: { gte: since } }, { endedAt: null }] },
    orderBy: { startedAt: "desc" },
    take: 100,
    include: SHIFT_INCLUDE,
  });
  return Promise.all(shifts.map(viewOf));
}

/**
 * The manager counts the driver's cash: the count, the variance and who reconciled are frozen
 * on the shift. Refused while the driver still has orders out (their cash is not all in yet)
 * and for a shift already reconciled.
 */
export async function reconcileDriverCashup(ctx: Ctx, raw: { id: string } & ReconcileInput): Promise<DriverCashup> {
  assertCan(ctx, "delivery.cashup");
  const { id } = parseInput(driverIdSchema, { id: raw.id });
  const input = parseInput(reconcileSchema, { shiftId: raw.shiftId, countedCents: raw.countedCents });
  await db.$transaction(async (tx) => {
    const [shift] = await tx.$queryRaw<
      { id: string; startedAt: Date; endedAt: Date | null; reconciledAt: Date | null }[]
    >`SELECT id, "startedAt", "endedAt", "reconciledAt" FROM "DriverShift"
       WHERE id = ${input.shiftId} AND "driverId" = ${id} AND "locationId" = ${ctx.locationId}
         FOR UPDATE`;
    if (!shift) throw notFound("Shift");
    if (shift.reconciledAt) throw new AppError("INVALID_STATE", "This shift's cash has already been reconciled");
    if (!shift.endedAt) {
      const out = await tx.onlineOrder.count({
        where: { locationId: ctx.locationId, driverId: id, status: "OUT_FOR_DELIVERY" },
      });
      if (out > 0)
        throw new AppError(
          "INVALID_STATE",
          `The driver still has ${out === 1 ? "an order" : `${out} orders`} out for delivery; reconcile when they are back`,
        );
    }
    const cash = await collectedInShift(tx, shift);
    const varianceCents = input.countedCents - cash.collectedCents;
    await tx.driverShift.update({
      where: { id: shift.id },
      data: { countedCents: input.countedCents, reconciledAt: new Date(), reconciledById: ctx.userId },
    });
    await auditAs(
      ctx,
      {
        action: "delivery.cashup.reconciled",
        entityType: "DriverShift",
        entityId: shift.id,
        details: {
          driverId: id,
          collectedCents: cash.collectedCents,
          countedCents: input.countedCents,
          varianceCents,
          variance: formatCents(varianceCents),
        },
      },
      tx,
    );
  });
  return getDriverCashup(ctx, { id, shiftId: input.shiftId });
}
