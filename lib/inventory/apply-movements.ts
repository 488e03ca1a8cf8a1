import "server-only";
import type { Actor } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { formatQuantity } from "./units";
import { lowStockCrossings } from "./low-stock";
import { reconcileAvailability } from "./reconcile-availability";
import type { StockEffects } from "./stock-effects";
import {
  InsufficientStockError,
  isCheckViolation,
  postMovements,
  type LevelChange,
  type MovementInput,
} from "./stock-ledger";

export type MovementEffects = StockEffects & { changes: LevelChange[] };

/** Turns a shortage into the error the caller's user should read (a send names the dish). */
export type ShortageMessage = (error: InsufficientStockError) => Promise<AppError>;

/**
 * The one stock pipeline: post movements (one guarded UPDATE per ingredient, sorted ids = lock
 * order) and work out what they change for the menu (auto-86 / un-86) and for alerts, all in the
 * caller's transaction. A decrement below zero becomes a readable OUT_OF_STOCK and the caller's
 * transaction rolls back (no partial decrement). The caller publishes the effects after commit.
 */
export async function applyMovements(
  tx: Tx,
  ctx: Actor,
  movements: MovementInput[],
  shortage: ShortageMessage = (error) => ingredientShortage(tx, ctx, error),
): Promise<MovementEffects> {
  let changes: LevelChange[];
  try {
    changes = await postMovements(tx, { locationId: ctx.locationId, userId: ctx.userId }, movements);
  } catch (error) {
    if (error instanceof InsufficientStockError) throw await shortage(error);
    // The CHECK on stock levels is the last line: a race the guarded UPDATE did not see.
    if (isCheckViolation(error)) throw new AppError("OUT_OF_STOCK", "Not enough stock for this change");
    throw error;
  }
  const ingredientIds = changes.map((c) => c.ingredientId);
  const availability = await reconcileAvailability(tx, ctx, ingredientIds);
  const lowStock = lowStockCrossings(changes);
  return { ...availability, lowStock, changes };
}

async function ingredientShortage(tx: Tx, ctx: Actor, error: InsufficientStockError): Promise<AppError> {
  const ing = await tx.ingredient.findFirst({
    where: { id: error.ingredientId, locationId: ctx.locationId },
    select: { name: true, baseUnit: true },
  });
  const unit = ing?.baseUnit ?? "EACH";
  return new AppError(
    "OUT_OF_STOCK",
    `Only ${formatQuantity(error.available, unit)} of ${ing?.name ?? "this ingredient"} on hand; cannot take ${formatQuantity(error.needed, unit)}`,
    undefined,
    { ingredientId: error.ingredientId },
  );
}
