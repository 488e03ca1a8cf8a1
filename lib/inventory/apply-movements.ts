import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { formatQuantity } from "./units";
import { lowStockCrossings, type LowStockAlert } from "./low-stock";
import { reconcileAvailability, type AvailabilityChanges } from "./reconcile-availability";
import { InsufficientStockError, postMovements, type LevelChange, type MovementInput } from "./stock-ledger";

export type MovementEffects = AvailabilityChanges & { lowStock: LowStockAlert[]; changes: LevelChange[] };

/**
 * Post movements and work out what they change for the menu (auto-86 / un-86) and for alerts,
 * all in the caller's transaction. A decrement below zero becomes a readable OUT_OF_STOCK.
 */
export async function applyMovements(tx: Tx, ctx: Ctx, movements: MovementInput[]): Promise<MovementEffects> {
  let changes: LevelChange[];
  try {
    changes = await postMovements(tx, { locationId: ctx.locationId, userId: ctx.userId }, movements);
  } catch (error) {
    if (!(error instanceof InsufficientStockError)) throw error;
    const ing = await tx.ingredient.findFirst({
      where: { id: error.ingredientId, locationId: ctx.locationId },
      select: { name: true, baseUnit: true },
    });
    const unit = ing?.baseUnit ?? "EACH";
    throw new AppError(
      "OUT_OF_STOCK",
      `Only ${formatQuantity(error.available, unit)} of ${ing?.name ?? "this ingredient"} on hand; cannot take ${formatQuantity(error.needed, unit)}`,
      undefined,
      { ingredientId: error.ingredientId },
    );
  }
  const availability = await reconcileAvailability(
    tx,
    ctx,
    changes.map((c) => c.ingredientId),
  );
  const lowStock = await lowStockCrossings(tx, ctx.locationId, changes);
  return { ...availability, lowStock, changes };
}
