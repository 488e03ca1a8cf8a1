import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import type { EnrolledDeviceRef } from "../devices/find-device";
import { SURFACE_PERMISSION, surfaceSchema } from "../devices/list-switch-staff";
import { pinEntrySchema, verifyStaffPin } from "../staff/verify-pin";
import { parseInput } from "../validation";
import type { AuthenticatedStaff } from "./authenticate-staff";
import { can } from "./permissions";
import { homeFor } from "./roles";
import { signOutSession } from "./sign-out";
import { startSession } from "./user-sessions";

export const pinSwitchSchema = pinEntrySchema.extend({ surface: surfaceSchema.optional() });
export type PinSwitchInput = z.input<typeof pinSwitchSchema>;

export type PinSwitchMeta = {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  /** Whoever is signed in on the device now (from its session cookie): their session ends on success. */
  previous?: { userId: string; sessionId?: string; locationId?: string } | null;
};

/**
 * Quick switch on an enrolled device: the chosen person's PIN at the device's location (locked
 * and throttled by verifyStaffPin) → the current session on this device ends, a new server-side
 * session for the person starts. The caller turns the result into the session cookie. A wrong
 * PIN leaves the current user signed in.
 */
export async function switchUserByPin(
  device: EnrolledDeviceRef,
  raw: unknown,
  meta: PinSwitchMeta = {},
): Promise<{ staff: AuthenticatedStaff; home: string }> {
  const { surface } = parseInput(pinSwitchSchema.pick({ surface: true }), raw);
  const person = await verifyStaffPin(device.locationId, raw, {
    ip: meta.ip,
    deviceId: device.id,
    requestId: meta.requestId,
  });
  if (surface && !can(person.role, SURFACE_PERMISSION[surface]))
    throw new AppError("FORBIDDEN", `A ${person.role.toLowerCase()} cannot use this screen`);
  const user = await db.user.findUniqueOrThrow({ where: { id: person.userId }, select: { sessionVersion: true } });

  if (meta.previous?.sessionId) {
    await signOutSession({
      userId: meta.previous.userId,
      sessionId: meta.previous.sessionId,
      locationId: meta.previous.locationId ?? device.locationId,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  }
  const sessionId = await startSession(person.userId, {
    ip: meta.ip,
    userAgent: meta.userAgent,
    deviceId: device.id,
  });
  await recordAudit({
    action: "auth.pin_switch",
    actorId: person.userId,
    locationId: device.locationId,
    entityType: "UserSession",
    entityId: sessionId,
    details: {
      deviceId: device.id,
      deviceName: device.name,
      role: person.role,
      fromUserId: meta.previous?.userId ?? null,
    },
    ip: meta.ip,
    requestId: meta.requestId,
  });
  await db.user.update({ where: { id: person.userId }, data: { lastLoginAt: new Date() } });
  return {
    staff: {
      id: person.userId,
      email: person.email,
      name: person.name,
      role: person.role,
      locationId: device.locationId,
      sessionVersion: user.sessionVersion,
      sessionId,
    },
    home: homeFor(person.role),
  };
}
