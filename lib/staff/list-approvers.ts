import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan, rolesFor } from "../auth/permissions";
import type { Role } from "../auth/roles";
import { db } from "../db";

/** The managers a dialog offers: staff here who may approve and have a PIN (others use the password form). */
export async function listApprovers(ctx: Ctx): Promise<{ userId: string; name: string; role: Role }[]> {
  assertCan(ctx, "staff.signedIn");
  const rows = await db.membership.findMany({
    where: {
      locationId: ctx.locationId,
      pinHash: { not: null },
      role: { in: [...rolesFor("approvals.give")] },
      user: { active: true },
    },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
    take: 50,
  });
  return rows.map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role }));
}
