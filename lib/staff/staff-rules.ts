import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan, can, rolesFor } from "../auth/permissions";
import type { Role } from "../auth/roles";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";

// Rules every staff change shares: the member must work here, ADMINs are managed only by ADMINs,
// and no location is ever left without an active ADMIN.

/** The staff member at the acting location (404 for anyone else: another location's id included). */
export async function findStaffHere(tx: Pick<Tx, "membership">, ctx: Ctx, userId: string) {
  const m = await tx.membership.findUnique({
    where: { userId_locationId: { userId, locationId: ctx.locationId } },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          active: true,
          lockedUntil: true,
          failedLoginCount: true,
          lastLoginAt: true,
          contactPhoneEnc: true,
          erasedAt: true,
        },
      },
    },
  });
  if (!m) throw notFound("Staff member");
  return m;
}

/** The admin role is the one that may grant it (the permission table says which that is). */
export const isAdminRole = (role: Role): boolean => can(role, "staff.grantAdmin");

/** Creating, changing, deactivating or sending a reset link to an ADMIN (or making one) takes an ADMIN. */
export function assertMayTouchRole(ctx: Ctx, ...roles: (Role | undefined)[]): void {
  if (roles.some((r) => r && isAdminRole(r)))
    assertCan(ctx, "staff.grantAdmin", "Only an admin can create, change or deactivate an admin");
}

/**
 * Lock every location where `userId` is an ADMIN (in id order: no deadlock between two changes)
 * and refuse when taking them away would leave one of those locations without an active ADMIN.
 * Two managers demoting the last two ADMINs at once are serialised by the lock: the second sees
 * the first's commit and is refused.
 */
export async function assertAdminsRemain(tx: Tx, userId: string, onlyLocationId?: string): Promise<void> {
  const rows = await tx.membership.findMany({
    where: {
      userId,
      role: { in: [...rolesFor("staff.grantAdmin")] },
      ...(onlyLocationId ? { locationId: onlyLocationId } : {}),
    },
    select: { locationId: true },
    orderBy: { locationId: "asc" },
  });
  for (const { locationId } of rows) {
    await tx.$queryRaw`SELECT id FROM "Location" WHERE id = ${locationId} FOR UPDATE`;
    const others = await tx.membership.count({
      where: {
        locationId,
        role: { in: [...rolesFor("staff.grantAdmin")] },
        userId: { not: userId },
        user: { active: true },
      },
    });
    if (others === 0)
      throw new AppError("CONFLICT", "A location must keep at least one active admin: make someone else admin first", {
        role: ["This is the last active admin of a location"],
      });
  }
}
