import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { toMilli } from "./quantity";
import { assertCan } from "../auth/permissions";

/** Ingredients at or below their reorder point (the console's alert list; cheap enough to poll). */
export async function getLowStock(ctx: Ctx) {
  assertCan(ctx, "inventory.manage");
  const rows = await db.$queryRaw<
    {
      id: string;
      name: string;
      baseUnit: "G" | "ML" | "EACH";
      quantity: unknown;
      reorderPoint: unknown;
      parLevel: unknown;
    }[]
  >`
    SELECT i.id, i.name, i."baseUnit", COALESCE(s.quantity, 0) AS quantity, i."reorderPoint", i."parLevel"
    FROM "Ingredient" i LEFT JOIN "StockLevel" s ON s."ingredientId" = i.id
    WHERE i."locationId" = ${ctx.locationId} AND i."archivedAt" IS NULL AND COALESCE(s.quantity, 0) <= i."reorderPoint"
    ORDER BY (COALESCE(s.quantity, 0) / NULLIF(i."reorderPoint", 0)) ASC NULLS FIRST, i.name`;
  return rows.map((r) => ({
    ingredientId: r.id,
    name: r.name,
    baseUnit: r.baseUnit,
    onHand: String(r.quantity),
    reorderPoint: String(r.reorderPoint),
    parLevel: String(r.parLevel),
    out: toMilli(String(r.quantity)) === 0,
  }));
}
