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
  const items = await tx.menuItem.findMany({
    where: {
      locationId: actor.locationId,
      archivedAt: null,
      AND: [
        {
          OR: [
            { recipeLines: { some: { ingredientId: { in: [...ingredientIds] } } } },
            { id: { in: [...menuItemIds] } },
          ],
        },
        { OR: [{ is86d: false }, { is86d: true, eightySixedBy: "AUTO" }] },
      ],
    },
    // The levels come with the recipes: one statement (relation joins), read after the caller's change.
    select: {
      id: true,
      name: true,
      is86d: true,
      recipeLines: {
        select: {
          ingredientId: true,
          quantity: true,
          ingredient: { select: { stockLevel: { select: { quantity: true } } } },
        },
      },
    },
    orderBy: { id: "asc" },
  });
  if (!items.length) return out;
  const stock = new Map<string, Milli>(
    items.flatMap((i) => i.recipeLines.map((l) => [l.ingredientId, toMilli(l.ingredient.stockLevel?.quantity ?? 0)])),
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
