import "server-only";
import { db } from "../db";
import { hashDeviceToken, plausibleDeviceToken } from "./device-cookie";

export type EnrolledDeviceRef = { id: string; name: string; locationId: string };

/** Seen-at is kept to the minute: one UPDATE per device per minute at most, like session rows. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The live enrolled device a cookie value belongs to, or null (no cookie, a forged or revoked
 * token). `touch` records that the device was used (the devices page shows it).
 */
export async function findEnrolledDevice(
  token: string | undefined | null,
  opts: { touch?: boolean } = {},
): Promise<EnrolledDeviceRef | null> {
  if (!plausibleDeviceToken(token)) return null;
  const row = await db.enrolledDevice.findUnique({
    where: { tokenHash: hashDeviceToken(token) },
    select: { id: true, name: true, locationId: true, revokedAt: true, lastSeenAt: true },
  });
  if (!row || row.revokedAt) return null;
  if (opts.touch && Date.now() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.enrolledDevice.updateMany({
      where: { id: row.id, lastSeenAt: { lt: new Date(Date.now() - TOUCH_EVERY_MS) } },
      data: { lastSeenAt: new Date() },
    });
  }
  return { id: row.id, name: row.name, locationId: row.locationId };
}
