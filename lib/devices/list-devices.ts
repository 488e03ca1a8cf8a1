import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { hashDeviceToken, plausibleDeviceToken } from "./device-cookie";

/** The location's live enrolled devices, newest first; `current` marks the browser asking. */
export async function listDevices(ctx: Ctx, opts: { currentToken?: string | null } = {}) {
  assertCan(ctx, "devices.enroll");
  const currentHash = plausibleDeviceToken(opts.currentToken) ? hashDeviceToken(opts.currentToken) : null;
  const rows = await db.enrolledDevice.findMany({
    where: { locationId: ctx.locationId, revokedAt: null },
    select: {
      id: true,
      name: true,
      createdAt: true,
      lastSeenAt: true,
      tokenHash: true,
      enrolledBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map(({ tokenHash, enrolledBy, ...d }) => ({
    ...d,
    enrolledBy: enrolledBy?.name ?? null,
    current: tokenHash === currentHash,
  }));
}
