import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";

export const revokeDeviceSchema = z.object({ deviceId: idSchema });
export type RevokeDeviceInput = z.input<typeof revokeDeviceSchema>;

/**
 * End an enrollment at once: the next PIN switch on that device is refused (its cookie no longer
 * matches a live row). Revoking twice is not an error; another location's device is not found.
 */
export async function revokeDevice(ctx: Ctx, raw: unknown): Promise<{ id: string; revokedAt: Date }> {
  assertCan(ctx, "devices.enroll");
  const { deviceId } = parseInput(revokeDeviceSchema, raw);
  return db.$transaction(async (tx) => {
    const device = await tx.enrolledDevice.findFirst({
      where: { id: deviceId, locationId: ctx.locationId },
      select: { id: true, name: true, revokedAt: true },
    });
    if (!device) throw notFound("Device");
    if (device.revokedAt) return { id: device.id, revokedAt: device.revokedAt };
    const revoked = await tx.enrolledDevice.update({
      where: { id: device.id },
      data: { revokedAt: new Date() },
      select: { id: true, revokedAt: true },
    });
    await auditAs(
      ctx,
      { action: "device.revoked", entityType: "EnrolledDevice", entityId: device.id, details: { name: device.name } },
      tx,
    );
    return { id: revoked.id, revokedAt: revoked.revokedAt! };
  });
}
