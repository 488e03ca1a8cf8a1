import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { revokeDeviceSessions } from "../auth/user-sessions";
import { disconnectRealtimeSessions } from "../realtime/pusher-server";

export const revokeDeviceSchema = z.object({ deviceId: idSchema });
export type RevokeDeviceInput = z.input<typeof revokeDeviceSchema>;

/**
 * End an enrollment at once: the next PIN switch on that device is refused (its cookie no longer
 * matches a live row), and every session opened on it (password sign-in with its cookie, PIN
 * switches) is revoked in the same transaction, so whoever is signed in there is signed out on
 * their next request. Revoking twice is not an error; another location's device is not found.
 */
export async function revokeDevice(
  ctx: Ctx,
  raw: unknown,
): Promise<{ id: string; revokedAt: Date; sessionsEnded: number }> {
  assertCan(ctx, "devices.enroll");
  const { deviceId } = parseInput(revokeDeviceSchema, raw);
  const result = await db.$transaction(async (tx) => {
    const device = await tx.enrolledDevice.findFirst({
      where: { id: deviceId, locationId: ctx.locationId },
      select: { id: true, name: true, revokedAt: true },
    });
    if (!device) throw notFound("Device");
    if (device.revokedAt) return { id: device.id, revokedAt: device.revokedAt, sessionIds: [] as string[] };
    // Conditional: of two concurrent revokes only one changes the row (the other waits on its
    // lock, then finds it revoked), so sessions end and the audit is written once.
    const now = new Date();
    const won = await tx.enrolledDevice.updateMany({
      where: { id: device.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (won.count === 0) {
      const after = await tx.enrolledDevice.findUniqueOrThrow({
        where: { id: device.id },
        select: { revokedAt: true },
      });
      return { id: device.id, revokedAt: after.revokedAt!, sessionIds: [] as string[] };
    }
    const revoked = { id: device.id, revokedAt: now };
    const sessions = await revokeDeviceSessions(device.id, tx);
    await auditAs(
      ctx,
      {
        action: "device.revoked",
        entityType: "EnrolledDevice",
        entityId: device.id,
        details: {
          name: device.name,
          sessionsEnded: sessions.length,
          userIds: [...new Set(sessions.map((s) => s.userId))],
        },
      },
      tx,
    );
    return { id: revoked.id, revokedAt: revoked.revokedAt!, sessionIds: sessions.map((s) => s.id) };
  });
  // After commit, like "sign out everywhere": live sockets of those sessions close now.
  await disconnectRealtimeSessions(result.sessionIds);
  return { id: result.id, revokedAt: result.revokedAt, sessionsEnded: result.sessionIds.length };
}
