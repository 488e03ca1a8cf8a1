import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput, text } from "../validation";
import { hashDeviceToken, newDeviceToken, plausibleDeviceToken } from "./device-cookie";

export const enrollDeviceSchema = z.object({
  name: text("Name this device").trim().min(2, "Name this device (2+ characters)").max(60, "60 characters at most"),
});
export type EnrollDeviceInput = z.input<typeof enrollDeviceSchema>;

/**
 * A manager enrolls the browser they are on as a shared device of their current location. The
 * token goes back to the caller for the cookie and is never stored: only its SHA-256 is. A browser
 * already enrolled (here or at another location) gets a fresh token; its old one is revoked.
 */
export async function enrollDevice(ctx: Ctx, raw: unknown, opts: { currentToken?: string | null } = {}) {
  assertCan(ctx, "devices.enroll");
  const { name } = parseInput(enrollDeviceSchema, raw);
  const token = newDeviceToken();
  const device = await db.$transaction(async (tx) => {
    if (plausibleDeviceToken(opts.currentToken)) {
      const old = await tx.enrolledDevice.findUnique({
        where: { tokenHash: hashDeviceToken(opts.currentToken) },
        select: { id: true, locationId: true, revokedAt: true },
      });
      // Only this location's device is ours to revoke (and to audit); elsewhere the cookie is simply replaced.
      if (old && !old.revokedAt && old.locationId === ctx.locationId) {
        await tx.enrolledDevice.update({ where: { id: old.id }, data: { revokedAt: new Date() } });
        await auditAs(
          ctx,
          { action: "device.revoked", entityType: "EnrolledDevice", entityId: old.id, details: { replaced: true } },
          tx,
        );
      }
    }
    const created = await tx.enrolledDevice.create({
      data: { locationId: ctx.locationId, name, tokenHash: hashDeviceToken(token), enrolledById: ctx.userId },
      select: { id: true, name: true, createdAt: true, lastSeenAt: true },
    });
    await auditAs(
      ctx,
      { action: "device.enrolled", entityType: "EnrolledDevice", entityId: created.id, details: { name } },
      tx,
    );
    return created;
  });
  return { device, token };
}
