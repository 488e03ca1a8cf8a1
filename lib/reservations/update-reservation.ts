import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { parseInput } from "../validation";
import { checkBooking, lockBookings } from "./booking-rules";
import { publishReservationChanged } from "./publish-reservation-changed";
import { refusingDoubleBooking } from "./reservation-db-errors";
import { isEditable } from "./reservation-state";
import { RESERVATION_SELECT, reservationView } from "./reservation-view";
import { updateReservationSchema, type UpdateReservationInput } from "./schemas";

/**
 * Move a booking, change its party, length or tables, or its notes and tags. A change of time,
 * party or tables is checked like a new booking (its own slot and tables do not count against it);
 * a new time or party without tables keeps the tables when they still fit and are free, else
 * takes the slot finder's proposal.
 */
export async function updateReservation(ctx: Ctx, raw: UpdateReservationInput) {
  assertCan(ctx, "reservations.manage");
  const input = parseInput(updateReservationSchema, raw);
  const result = await refusingDoubleBooking(() =>
    db.$transaction(async (tx) => {
      await lockBookings(tx, ctx.locationId);
      const before = await tx.reservation.findFirst({
        where: { id: input.id, locationId: ctx.locationId },
        select: { ...RESERVATION_SELECT, location: { select: { timezone: true } } },
      });
      if (!before) throw notFound("Reservation");
      if (!isEditable(before.status))
        throw new AppError(
          "INVALID_STATE",
          `A ${before.status.toLowerCase().replace("_", "-")} reservation cannot be edited`,
        );
      const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
      const partySize = input.partySize ?? before.partySize;
      const rebook =
        input.startsAt !== undefined ||
        input.partySize !== undefined ||
        input.durationMinutes !== undefined ||
        input.tableIds !== undefined;
      const oldTableIds = before.tables.map((t) => t.table.id);
      let tableIds = oldTableIds;
      let durationMinutes = before.durationMinutes;
      if (rebook) {
        // Keep the tables when they still do; fall back to a proposal when they do not.
        const request = {
          startsAt,
          partySize,
          durationMinutes:
            input.durationMinutes ?? (input.partySize === undefined ? before.durationMinutes : undefined),
          exceptReservationId: before.id,
          keepsStart: input.startsAt === undefined,
        };
        const kept =
          input.tableIds === undefined
            ? await checkBooking(tx, ctx, { ...request, tableIds: oldTableIds }).catch((e: unknown) =>
                e instanceof AppError && e.fieldErrors?.tableIds ? null : Promise.reject(e),
              )
            : null;
        const booking = kept ?? (await checkBooking(tx, ctx, { ...request, tableIds: input.tableIds }));
        tableIds = booking.tableIds;
        durationMinutes = booking.durationMinutes;
      }
      // Tables given up go first: the new time must not collide on a table the booking leaves.
      const dropped = oldTableIds.filter((id) => !tableIds.includes(id));
      if (dropped.length)
        await tx.reservationTable.deleteMany({ where: { reservationId: before.id, tableId: { in: dropped } } });
      await tx.reservation.update({
        where: { id: before.id },
        data: {
          startsAt,
          partySize,
          durationMinutes,
          tags: input.tags,
          notes: input.notes,
          allergyNotes: input.allergyNotes,
        },
      });
      const added = tableIds.filter((id) => !oldTableIds.includes(id));
      if (added.length)
        await tx.reservationTable.createMany({
          data: added.map((tableId) => ({
            reservationId: before.id,
            tableId,
            locationId: ctx.locationId,
            startsAt,
            endsAt: startsAt,
          })),
        });
      const after = await tx.reservation.findUniqueOrThrow({ where: { id: before.id }, select: RESERVATION_SELECT });
      const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== "id" && v !== undefined));
      await auditAs(
        ctx,
        {
          action: "reservations.update",
          entityType: "Reservation",
          entityId: before.id,
          details: {
            changed,
            before: {
              startsAt: before.startsAt.toISOString(),
              partySize: before.partySize,
              durationMinutes: before.durationMinutes,
              tableIds: oldTableIds,
            },
            tableIds,
          },
        },
        tx,
      );
      return { before, after: reservationView(after), oldTableIds };
    }, TX_OPTIONS),
  );
  publishReservationChanged(ctx, {
    reservationId: result.after.id,
    status: result.after.status,
    startsAt: [result.before.startsAt, result.after.startsAt],
    timezone: result.before.location.timezone,
    tableIds: [...new Set([...result.oldTableIds, ...result.after.tables.map((t) => t.id)])],
  });
  return result.after;
}
