import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { deliverySettingsSchema, type DeliverySettingsInput } from "./area-schemas";

const SETTINGS_SELECT = {
  onlineOrdering: true,
  latitude: true,
  longitude: true,
  onlinePrepMinutes: true,
  onlineSlotCapacity: true,
} as const;

/** The online-ordering settings card: on/off, the kitchen's position, prep time and slot capacity. */
export async function getDeliverySettings(ctx: Ctx) {
  assertCan(ctx, "delivery.setup");
  return db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: SETTINGS_SELECT });
}

/** Change some of the online-ordering settings; the audit keeps the changed fields before and after. */
export async function updateDeliverySettings(ctx: Ctx, raw: DeliverySettingsInput) {
  assertCan(ctx, "delivery.setup");
  const input = parseInput(deliverySettingsSchema, raw);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Location" WHERE id = ${ctx.locationId} FOR UPDATE`;
    const before = await tx.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: SETTINGS_SELECT });
    if (input.latitude === null) {
      const bands = await tx.deliveryArea.count({
        where: { locationId: ctx.locationId, archivedAt: null, kind: "RADIUS" },
      });
      if (bands > 0) {
        throw new AppError("INVALID_STATE", "Radius bands are measured from the kitchen's position", {
          latitude: [`${bands} radius band${bands === 1 ? " needs" : "s need"} the position: archive them first`],
        });
      }
    }
    const changed = (Object.keys(input) as (keyof typeof input)[]).filter((k) => input[k] !== before[k]);
    const after = await tx.location.update({ where: { id: ctx.locationId }, data: input, select: SETTINGS_SELECT });
    if (changed.length > 0) {
      const pick = (row: typeof before) => Object.fromEntries(changed.map((k) => [k, row[k] ?? null]));
      await auditAs(
        ctx,
        {
          action: "delivery.settings.update",
          entityType: "Location",
          entityId: ctx.locationId,
          details: { before: pick(before), after: pick(after) },
        },
        tx,
      );
    }
    return after;
  });
}
