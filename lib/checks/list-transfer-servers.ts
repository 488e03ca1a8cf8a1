import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan, rolesFor } from "../auth/permissions";
import { db } from "../db";

/** Who a table can be handed to (the transfer dialog): active staff here who may take orders. */
export async function listTransferServers(ctx: Ctx) {
  assertCan(ctx, "checks.manage");
  const rows = await db.membership.findMany({
    where: { locationId: ctx.locationId, role: { in: [...rolesFor("orders.take")] }, user: { active: true } },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
    take: 200,
  });
  return rows.map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role }));
}
