import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { StockMovementType } from "@/generated/prisma/enums";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { sqlStateOf } from "../db-errors";
import { fromMilli, toMilli, type Milli } from "./quantity";
import { totalsByIngredient } from "./recipe-math";

// The one place that changes StockLevel. Every change writes ledger rows (StockMovement) in the
// same transaction, so any level can be explained by summing its movements (docs/adr/0008).

export type MovementInput = {
  ingredientId: string;
  /** Signed, milli base units. */
  delta: Milli;
  type: StockMovementType;
  reason?: string | null;
  orderItemId?: string | null;
  purchaseOrderLineId?: string | null;
  stockCountId?: string | null;
};

export type LevelChange = { ingredientId: string; before: Milli; after: Milli };

/** Thrown inside a transaction when a decrement would take stock below zero; callers word it. */
export class InsufficientStockError extends Error {
  constructor(
    readonly ingredientId: string,
    readonly available: Milli,
    readonly needed: Milli,
  ) {
    super(`Insufficient stock of ${ingredientId}: ${available} < ${needed}`);
    this.name = "InsufficientStockError";
  }
}

/**
 * Apply movements. Rows are locked in ingredient-id order (deadlock-free across concurrent
 * writers). A decrement is one guarded statement — `UPDATE … WHERE quantity >= $q` — so under
 * READ COMMITTED a concurrent writer waits for our row lock, re-reads the committed quantity and
 * either still fits or matches no row. The CHECK (quantity >= 0) is the last line of defence.
 */
export async function postMovements(
  tx: Tx,
  actor: { locationId: string; userId: string | null },
  movements: readonly MovementInput[],
): Promise<LevelChange[]> {
  const changes: LevelChange[] = [];
  const rows: Prisma.StockMovementCreateManyInput[] = [];
  for (const [ingredientId, total] of totalsByIngredient(
    movements.map((m) => ({ ingredientId: m.ingredientId, quantity: m.delta })),
  )) {
    const after = await changeLevel(tx, actor.locationId, ingredientId, total);
    let running = after - total;
    changes.push({ ingredientId, before: running, after });
    for (const m of movements) {
      if (m.ingredientId !== ingredientId) continue;
      running += m.delta;
      rows.push({
        locationId: actor.locationId,
        ingredientId,
        type: m.type,
        quantityDelta: fromMilli(m.delta),
        balanceAfter: fromMilli(running),
        reason: m.reason ?? null,
        orderItemId: m.orderItemId ?? null,
        purchaseOrderLineId: m.purchaseOrderLineId ?? null,
        stockCountId: m.stockCountId ?? null,
        actorId: actor.userId,
      });
    }
  }
  if (rows.length) await tx.stockMovement.createMany({ data: rows });
  return changes;
}

async function changeLevel(tx: Tx, locationId: string, ingredientId: string, delta: Milli): Promise<Milli> {
  const q = fromMilli(Math.abs(delta));
  if (delta < 0) {
    const updated = await tx.$queryRaw<{ quantity: unknown }[]>`
      UPDATE "StockLevel" SET quantity = quantity - ${q}::numeric, "updatedAt" = now()
      WHERE "ingredientId" = ${ingredientId} AND "locationId" = ${locationId} AND quantity >= ${q}::numeric
      RETURNING quantity`;
    if (updated.length === 1) return toMilli(String(updated[0].quantity));
    const current = await tx.$queryRaw<{ quantity: unknown }[]>`
      SELECT quantity FROM "StockLevel" WHERE "ingredientId" = ${ingredientId} AND "locationId" = ${locationId}`;
    throw new InsufficientStockError(ingredientId, current.length ? toMilli(String(current[0].quantity)) : 0, -delta);
  }
  // Increments (and zero-sum batches) create the level row on first use.
  const upserted = await tx.$queryRaw<{ quantity: unknown }[]>`
    INSERT INTO "StockLevel" ("ingredientId", "locationId", quantity, "updatedAt")
    VALUES (${ingredientId}, ${locationId}, ${q}::numeric, now())
    ON CONFLICT ("ingredientId") DO UPDATE SET quantity = "StockLevel".quantity + EXCLUDED.quantity, "updatedAt" = now()
    WHERE "StockLevel"."locationId" = ${locationId}
    RETURNING quantity`.catch((error: unknown) => {
    // numeric_value_out_of_range: the new level would not fit DECIMAL(14,3).
    if (sqlStateOf(error) === "22003")
      throw new AppError("VALIDATION", "That would take stock above the largest quantity that can be recorded", {
        quantity: ["Too large"],
      });
    throw error;
  });
  if (upserted.length !== 1) throw new Error(`StockLevel ${ingredientId} belongs to another location`);
  return toMilli(String(upserted[0].quantity));
}

/** Lock and read levels (sorted) before computing deltas from them (stock counts). */
export async function lockLevels(
  tx: Tx,
  locationId: string,
  ingredientIds: readonly string[],
): Promise<Map<string, Milli>> {
  const ids = [...new Set(ingredientIds)].sort();
  const out = new Map<string, Milli>(ids.map((id) => [id, 0]));
  if (!ids.length) return out;
  const rows = await tx.$queryRaw<{ ingredientId: string; quantity: unknown }[]>`
    SELECT "ingredientId", quantity FROM "StockLevel"
    WHERE "locationId" = ${locationId} AND "ingredientId" = ANY(${ids}::text[])
    ORDER BY "ingredientId" FOR UPDATE`;
  for (const r of rows) out.set(r.ingredientId, toMilli(String(r.quantity)));
  return out;
}

/** True for the DB's CHECK violation (SQLSTATE 23514), however the driver adapter wraps it. */
export function isCheckViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (e: unknown): boolean => {
    if (!e || typeof e !== "object" || seen.has(e)) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (o.code === "23514" || o.originalCode === "23514") return true;
    if (typeof o.message === "string" && o.message.includes("_nonnegative")) return true;
    return walk(o.cause) || walk(o.meta) || walk(o.driverAdapterError);
  };
  return walk(error);
}
