import "server-only";
import type { Tx } from "../db";
import { recordAudit } from "../audit/record-audit";
import { toMilli, type Milli } from "./quantity";
import { cannotMakeOne } from "./recipe-math";

export type AvailabilityChanges = {
  /** Items just auto-86'd: their recipe can no longer cover one more portion. */
  eightySixed: { id: string; name: string }[];
  /** AUTO-86'd items whose recipe is covered again (a manual 86 is never lifted automatically). */
  restored: { id: string; name: string }[];
};

/**
 * After stock of `ingredientIds` changed (inside the same transaction): 86 the items that cannot
 * be made once more, and bring back AUTO-86'd ones that can. Callers publish after commit.
 */
export async function reconcileAvailability(
  tx: Tx,
  actor: { locationId: string; userId: string | null; requestId?: string },
  ingredientIds: readonly string[],
  /** Also re-check these items (e.g. one whose recipe just lost every line). */
  menuItemIds: readonly string[] = [],
): Promise<AvailabilityChanges> {
  const out: AvailabilityChanges = { eightySixed: [], restored: [] };
  if (!ingredientIds.length && !menuItemIds.length) return out;
  // Hand-written: it runs inside every send, and the nested ORM read (each dish using one of the
  // ingredients, with its recipe and the levels) cost more CPU to compile and map than the SQL.
  // Read after the caller's change, in its transaction; quantities as text (exact decimals).
  const items = await tx.$queryRaw<
    {
      id: string;
      name: string;
      is86d: boolean;
      recipeLines: { ingredientId: string; quantity: string; stock: string | null }[];
    }[]
  >`
    SELECT mi.id, mi.name, mi."is86d",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'ingredientId', rl."ingredientId", 'quantity', rl.quantity::text, 'stock', sl.quantity::text)
                    ORDER BY rl.id)
             FROM "RecipeLine" rl LEFT JOIN "StockLevel" sl ON sl."ingredientId" = rl."ingredientId"
             WHERE rl."menuItemId" = mi.id
           ), '[]') AS "recipeLines"
    FROM "MenuItem" mi
    WHERE mi."locationId" = ${actor.locationId} AND mi."archivedAt" IS NULL
      AND (mi.id = ANY(${[...menuItemIds]}::text[])
           OR EXISTS (SELECT 1 FROM "RecipeLine" r
                      WHERE r."menuItemId" = mi.id AND r."ingredientId" = ANY(${[...ingredientIds]}::text[])))
      AND (mi."is86d" = false OR mi."eightySixedBy" = 'AUTO')
    ORDER BY mi.id`;
  if (!items.length) return out;
  const stock = new Map<string, Milli>(
    items.flatMap((i) => i.recipeLines.map((l) => [l.ingredientId, toMilli(l.stock ?? 0)])),
  );
  const now = new Date();
  for (const item of items) {
    const lines = item.recipeLines.map((l) => ({ ingredientId: l.ingredientId, quantity: toMilli(l.quantity) }));
    const out86 = cannotMakeOne(lines, stock);
    if (!item.is86d && out86) {
      // The guard (is86d = false) keeps a concurrent manual 86 from being relabelled AUTO.
      const r = await tx.menuItem.updateMany({
        where: { id: item.id, is86d: false },
        data: { is86d: true, eightySixedAt: now, eightySixedBy: "AUTO" },
      });
      if (r.count) out.eightySixed.push({ id: item.id, name: item.name });
    } else if (item.is86d && !out86) {
      const r = await tx.menuItem.updateMany({
        where: { id: item.id, is86d: true, eightySixedBy: "AUTO" },
        data: { is86d: false, eightySixedAt: null, eightySixedBy: null },
      });
      if (r.count) out.restored.push({ id: item.id, name: item.name });
    }
  }
  for (const [list, action] of [
    [out.eightySixed, "menu.item.auto_86"],
    [out.restored, "menu.item.auto_un86"],
  ] as const) {
    for (const item of list) {
      await recordAudit(
        {
          action,
          locationId: actor.locationId,
          actorId: actor.userId,
          entityType: "MenuItem",
          entityId: item.id,
          details: { name: item.name, by: "AUTO" },
          requestId: actor.requestId,
        },
        tx,
      );
    }
  }
  return out;
}
