import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { SETTINGS_SELECT } from "./get-location-settings";
import { updateLocationSettingsSchema, type UpdateLocationSettingsInput } from "./location-settings";
import { readServiceChargeRules } from "./service-charge-rules";

/** Change some of the location's settings; the audit keeps the changed fields before and after. */
export async function updateLocationSettings(ctx: Ctx, raw: UpdateLocationSettingsInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(updateLocationSettingsSchema, raw);
  return db.$transaction(async (tx) => {
    // Row lock: two managers saving at once cannot interleave the warn/late check and the write.
    await tx.$queryRaw`SELECT id FROM "Location" WHERE id = ${ctx.locationId} FOR UPDATE`;
    const before = await tx.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: SETTINGS_SELECT });
    const warn = input.kdsWarnMinutes ?? before.kdsWarnMinutes;
    const late = input.kdsLateMinutes ?? before.kdsLateMinutes;
    if (late <= warn) {
      throw new AppError("VALIDATION", "Some fields are invalid", {
        kdsLateMinutes: ["Late must be after the warning"],
      });
    }
    const changed = Object.keys(input).filter(
      (k) =>
        JSON.stringify(input[k as keyof typeof input]) !== JSON.stringify(before[k as keyof typeof before] ?? null),
    ) as (keyof typeof input)[];
    const after = await tx.location.update({ where: { id: ctx.locationId }, data: input, select: SETTINGS_SELECT });
    if (changed.length > 0) {
      const pick = (row: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, row[k] ?? null]));
      await auditAs(
        ctx,
        {
          action: "location.settings.update",
          entityType: "Location",
          entityId: ctx.locationId,
          details: JSON.parse(JSON.stringify({ before: pick(before), after: pick(after) })),
        },
        tx,
      );
    }
    return { ...after, serviceChargeRules: readServiceChargeRules(after.serviceChargeRules) };
  });
}
