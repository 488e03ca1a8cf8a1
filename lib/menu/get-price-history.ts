import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { assertCan } from "../auth/permissions";

/** Who changed this item's price, when, from what to what (newest first), from the audit log. */
export async function getPriceHistory(ctx: Ctx, menuItemId: string, take = 20) {
  assertCan(ctx, "menu.edit");
  const rows = await db.auditLog.findMany({
    where: { locationId: ctx.locationId, entityType: "MenuItem", entityId: menuItemId, action: "menu.item.price" },
    include: { actor: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
  return rows.map((r) => {
    const d = r.details as {
      before?: { priceCents?: number };
      after?: { priceCents?: number };
      bulk?: unknown;
      source?: string;
    };
    return {
      at: r.createdAt.toISOString(),
      by: r.actor?.name ?? "system",
      fromCents: d.before?.priceCents ?? null,
      toCents: d.after?.priceCents ?? null,
      via: d.bulk ? "bulk change" : d.source === "csv" ? "CSV import" : "edit",
    };
  });
}
