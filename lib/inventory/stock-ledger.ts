import "server-only";
import { randomUUID } from "node:crypto";
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

/** What it is for the alerts: read with the lock, so no second read is needed. */
export type IngredientFacts = { name: string; reorderPoint: Milli; baseUnit: "G" | "ML" | "EACH"; archived: boolean };

export type LevelChange = { ingredientId: string; before: Milli; after: Milli; ingredient?: IngredientFacts };

type LockedLevel = { quantity: Milli; ingredient: IngredientFacts };

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
 * Apply movements in two statements whatever their number: lock the levels in ingredient-id order
 * (deadlock-free across concurrent writers; a concurrent send waits here and then reads the
 * committed quantity), refuse a decrement below zero with the exact figures, then change every
 * level and write the ledger rows in one statement. The CHECK (quantity >= 0) stays the last line
 * of defence. An increment for an ingredient never stocked before adds one INSERT.
 */
export async function postMovements(
  tx: Tx,
  actor: { locationId: string; userId: string | null },
  movements: readonly MovementInput[],
): Promise<LevelChange[]> {
  const totals = totalsByIngredient(movements.map((m) => ({ ingredientId: m.ingredientId, quantity: m.delta })));
  if (!totals.length) return [];
  const current = await lockExistingLevels(
    tx,
    actor.locationId,
    totals.map(([id]) => id),
  );
  for (const [ingredientId, total] of totals) {
    const onHand = current.get(ingredientId)?.quantity ?? 0;
    if (total < 0 && onHand < -total) throw new InsufficientStockError(ingredientId, onHand, -total);
  }
  // Locked levels change by exactly their total; new ones are whatever the insert made of them.
  const present = totals.filter(([id]) => current.has(id));
  const fresh = totals.filter(([id]) => !current.has(id));
  const after = fresh.length ? await insertLevels(tx, actor.locationId, fresh) : new Map<string, Milli>();
  for (const [id, total] of present) after.set(id, current.get(id)!.quantity + total);

  const changes: LevelChange[] = [];
  const rows: LedgerRow[] = [];
  for (const [ingredientId, total] of totals) {
    const level = after.get(ingredientId);
    if (level === undefined) throw new Error(`StockLevel ${ingredientId} belongs to another location`);
    let running = level - total;
    changes.push({ ingredientId, before: running, after: level, ingredient: current.get(ingredientId)?.ingredient });
    for (const m of movements) {
      if (m.ingredientId !== ingredientId) continue;
      running += m.delta;
      rows.push({ ...m, balanceAfter: running });
    }
  }
  await updateLevelsAndLedger(tx, actor, present, rows);
  return changes;
}

type LedgerRow = MovementInput & { balanceAfter: Milli };

/** One statement: the locked levels change by their totals and the ledger rows are written. */
async function updateLevelsAndLedger(
  tx: Tx,
  actor: { locationId: string; userId: string | null },
  present: [string, Milli][],
  rows: LedgerRow[],
): Promise<void> {
  const col = <T>(f: (r: LedgerRow) => T) => rows.map(f);
  const updated = await tx.$queryRaw<{ n: bigint }[]>`
    WITH levels AS (
      UPDATE "StockLevel" AS s SET quantity = s.quantity + t.delta, "updatedAt" = now()
      FROM unnest(${present.map(([id]) => id)}::text[], ${present.map(([, d]) => fromMilli(d))}::numeric[]) AS t(id, delta)
      WHERE s."ingredientId" = t.id AND s."locationId" = ${actor.locationId} AND s.quantity + t.delta >= 0
      RETURNING 1
    ), ledger AS (
      INSERT INTO "StockMovement" (id, "locationId", "ingredientId", type, "quantityDelta", "balanceAfter", reason,
                                   "orderItemId", "purchaseOrderLineId", "stockCountId", "actorId")
      SELECT m.id, ${actor.locationId}, m.ingredient, m.type::"StockMovementType", m.delta, m.balance, m.reason,
             m.item, m.po_line, m.count, ${actor.userId}
      FROM unnest(
        ${col(() => randomUUID())}::text[],
        ${col((r) => r.ingredientId)}::text[],
        ${col((r) => r.type)}::text[],
        ${col((r) => fromMilli(r.delta))}::numeric[],
        ${col((r) => fromMilli(r.balanceAfter))}::numeric[],
        ${col((r) => r.reason ?? null)}::text[],
        ${col((r) => r.orderItemId ?? null)}::text[],
        ${col((r) => r.purchaseOrderLineId ?? null)}::text[],
        ${col((r) => r.stockCountId ?? null)}::text[]
      ) AS m(id, ingredient, type, delta, balance, reason, item, po_line, count)
      RETURNING 1
    )
    SELECT count(*) AS n FROM levels`.catch(tooLarge);
  // Under the lock every guarded UPDATE matches; anything else is a bug, not a shortage.
  if (Number(updated[0].n) !== present.length) throw new Error("Stock levels changed under the lock");
}

/** New levels (increments only): created on first use; rows of another location are left alone. */
async function insertLevels(tx: Tx, locationId: string, fresh: [string, Milli][]): Promise<Map<string, Milli>> {
  const rows = await tx.$queryRaw<{ ingredientId: string; quantity: unknown }[]>`
    INSERT INTO "StockLevel" ("ingredientId", "locationId", quantity, "updatedAt")
    SELECT id, ${locationId}, delta, now()
    FROM unnest(${fresh.map(([id]) => id)}::text[], ${fresh.map(([, d]) => fromMilli(d))}::numeric[]) AS t(id, delta)
    ORDER BY id
    ON CONFLICT ("ingredientId") DO UPDATE SET quantity = "StockLevel".quantity + EXCLUDED.quantity, "updatedAt" = now()
    WHERE "StockLevel"."locationId" = ${locationId}
    RETURNING "ingredientId", quantity`.catch(tooLarge);
  return new Map(rows.map((r) => [r.ingredientId, toMilli(String(r.quantity))]));
}

/** numeric_value_out_of_range: the new level would not fit DECIMAL(14,3). */
function tooLarge(error: unknown): never {
  if (sqlStateOf(error) === "22003")
    throw new AppError("VALIDATION", "That would take stock above the largest quantity that can be recorded", {
      quantity: ["Too large"],
    });
  throw error;
}

/** Lock and read levels (sorted) before computing deltas from them (stock counts); 0 where none exists yet. */
export async function lockLevels(
  tx: Tx,
  locationId: string,
  ingredientIds: readonly string[],
): Promise<Map<string, Milli>> {
  const existing = await lockExistingLevels(tx, locationId, ingredientIds);
  return new Map([...new Set(ingredientIds)].map((id) => [id, existing.get(id)?.quantity ?? 0]));
}

/** The levels that exist, locked in ingredient-id order, with their ingredient's facts (one statement). */
async function lockExistingLevels(
  tx: Tx,
  locationId: string,
  ingredientIds: readonly string[],
): Promise<Map<string, LockedLevel>> {
  const ids = [...new Set(ingredientIds)].sort();
  if (!ids.length) return new Map();
  const rows = await tx.$queryRaw<
    {
      ingredientId: string;
      quantity: unknown;
      name: string;
      reorderPoint: unknown;
      baseUnit: string;
      archived: boolean;
    }[]
  >`
    SELECT s."ingredientId", s.quantity, i.name, i."reorderPoint", i."baseUnit"::text AS "baseUnit",
           i."archivedAt" IS NOT NULL AS archived
    FROM "StockLevel" s JOIN "Ingredient" i ON i.id = s."ingredientId"
    WHERE s."locationId" = ${locationId} AND s."ingredientId" = ANY(${ids}::text[])
    ORDER BY s."ingredientId" FOR UPDATE OF s`;
  return new Map(
    rows.map((r) => [
      r.ingredientId,
      {
        quantity: toMilli(String(r.quantity)),
        ingredient: {
          name: r.name,
          reorderPoint: toMilli(String(r.reorderPoint)),
          baseUnit: r.baseUnit as IngredientFacts["baseUnit"],
          archived: r.archived,
        },
      },
    ]),
  );
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
