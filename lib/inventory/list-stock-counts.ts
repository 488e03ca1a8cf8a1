import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { assertCan } from "../auth/permissions";

export async function listStockCounts(ctx: Ctx) {
  assertCan(ctx, "inventory.manage");
  const rows = await db.stockCount.findMany({
    where: { locationId: ctx.locationId },
    include: { createdBy: { select: { name: true } }, _count: { select: { lines: true, movements: true } } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((c) => ({
    id: c.id,
    status: c.status,
    note: c.note,
    createdBy: c.createdBy?.name ?? null,
    createdAt: c.createdAt.toISOString(),
    postedAt: c.postedAt?.toISOString() ?? null,
    lines: c._count.lines,
    corrections: c._count.movements,
  }));
}
