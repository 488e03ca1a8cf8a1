import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";

export async function listMyLocations(ctx: Pick<Ctx, "userId">) {
  const rows = await db.membership.findMany({
    where: { userId: ctx.userId },
    include: { location: { select: { id: true, name: true, slug: true } } },
    orderBy: { location: { name: "asc" } },
  });
  return rows.map((m) => ({ ...m.location, role: m.role }));
}
