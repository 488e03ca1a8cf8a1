import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { staffIdSchema, type StaffIdInput } from "./staff-fields";
import { decodeStaffPhone } from "./staff-contact";
import { findStaffHere } from "./staff-rules";

/** One staff member as the staff console shows them (404 unless they work here). */
export async function getStaffMember(ctx: Ctx, raw: StaffIdInput) {
  assertCan(ctx, "staff.manage");
  const { id } = parseInput(staffIdSchema, raw);
  const m = await findStaffHere(db, ctx, id);
  const now = new Date();
  return {
    id: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    hourlyRateCents: m.hourlyRateCents,
    active: m.user.active,
    locked: (!!m.user.lockedUntil && m.user.lockedUntil > now) || (!!m.pinLockedUntil && m.pinLockedUntil > now),
    lastLoginAt: m.user.lastLoginAt?.toISOString() ?? null,
    pinSet: !!m.pinSetAt,
    self: m.user.id === ctx.userId,
    contactPhone: decodeStaffPhone(m.user),
    erasedAt: m.user.erasedAt,
  };
}
