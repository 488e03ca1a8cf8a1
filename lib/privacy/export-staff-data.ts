import "server-only";
import { API_TOKEN_METADATA } from "../api-tokens/api-token-metadata";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { decodeStaffPhone } from "../staff/staff-contact";
import { parseInput } from "../validation";
import { personIdSchema, type PersonIdInput } from "./privacy-schemas";

/**
 * Everything stored about a staff member of this location, as one JSON document (GDPR right of
 * access): profile (decrypted phone), memberships, this location's shifts, punches and the audit
 * entries they made, and their sessions' and tokens' metadata (never a hash). Audited.
 */
export async function exportStaffData(ctx: Ctx, raw: PersonIdInput) {
  assertCan(ctx, "staff.privacy");
  const { id } = parseInput(personIdSchema, raw);
  const here = { locationId: ctx.locationId };
  const user = await db.user.findFirst({
    where: { id, memberships: { some: here } },
    select: {
      id: true,
      name: true,
      email: true,
      contactPhoneEnc: true,
      active: true,
      lastLoginAt: true,
      createdAt: true,
      updatedAt: true,
      erasedAt: true,
      memberships: {
        select: {
          role: true,
          hourlyRateCents: true,
          pinSetAt: true,
          createdAt: true,
          location: { select: { name: true } },
        },
      },
      shifts: {
        where: here,
        select: { id: true, role: true, startsAt: true, endsAt: true, notes: true, publishedAt: true },
        orderBy: { startsAt: "asc" },
      },
      timePunches: {
        where: here,
        select: {
          id: true,
          role: true,
          clockInAt: true,
          clockOutAt: true,
          correctedAt: true,
          correctionReason: true,
          breaks: true,
        },
        orderBy: { clockInAt: "asc" },
      },
      auditLogs: {
        where: here,
        select: { id: true, action: true, entityType: true, entityId: true, details: true, ip: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      sessions: {
        select: {
          id: true,
          createdAt: true,
          lastSeenAt: true,
          expiresAt: true,
          revokedAt: true,
          ip: true,
          userAgent: true,
        },
        orderBy: { createdAt: "asc" },
      },
      apiTokens: {
        where: here,
        select: { ...API_TOKEN_METADATA, revokedAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user) throw notFound("Staff member");
  const { contactPhoneEnc, memberships, shifts, timePunches, auditLogs, sessions, apiTokens, ...profile } = user;
  await auditAs(ctx, {
    action: "staff.export",
    entityType: "User",
    entityId: id,
    details: { shifts: shifts.length, timePunches: timePunches.length, auditEntries: auditLogs.length },
  });
  return {
    exportedAt: new Date().toISOString(),
    staff: { ...profile, contactPhone: decodeStaffPhone({ contactPhoneEnc }) },
    memberships: memberships.map(({ location, ...m }) => ({ location: location.name, ...m })),
    shifts,
    timePunches,
    auditEntries: auditLogs,
    sessions,
    apiTokens,
  };
}
