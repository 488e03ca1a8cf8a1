import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { readDurations } from "./durations";
import { reservationSettingsSchema, type ReservationSettingsInput } from "./schemas";

const SELECT = { reservationDurations: true, onlineBooking: true, onlineMaxPartySize: true, phone: true } as const;

/** Durations by party size, the public page on or off, its largest party, the number guests call. Audited. */
export async function updateReservationSettings(ctx: Ctx, raw: ReservationSettingsInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(reservationSettingsSchema, raw);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Location" WHERE id = ${ctx.locationId} FOR UPDATE`;
    const before = await tx.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: SELECT });
    const after = await tx.location.update({ where: { id: ctx.locationId }, data: input, select: SELECT });
    const changed = (Object.keys(SELECT) as (keyof typeof SELECT)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length) {
      const pick = (row: typeof before) => Object.fromEntries(changed.map((k) => [k, row[k]]));
      await auditAs(
        ctx,
        {
          action: "location.reservations.update",
          entityType: "Location",
          entityId: ctx.locationId,
          details: JSON.parse(JSON.stringify({ before: pick(before), after: pick(after) })),
        },
        tx,
      );
    }
    return { ...after, reservationDurations: readDurations(after.reservationDurations) };
  });
}
