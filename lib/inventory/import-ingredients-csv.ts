import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { auditAs } from "../audit/record-audit";
import type { RowError } from "../csv/validate-rows";
import { applyMovements } from "./apply-movements";
import { checkIngredientCsv } from "./ingredient-csv";
import { publishStockEffects } from "./stock-effects";
import { toMilli } from "./quantity";
import { lockLevels, type MovementInput } from "./stock-ledger";
import { assertCan } from "../auth/permissions";

export type ImportReport = { created: number; updated: number; stockAdjusted: number; rows: number; dryRun: boolean };

/**
 * Import ingredients (matched by name, case-insensitive) and optionally their on-hand stock.
 * All or nothing: every row is checked first and a file with any bad row writes nothing; the
 * error lists each bad row and why. `dryRun` checks without writing.
 */
export async function importIngredientsCsv(ctx: Ctx, input: { csv: string; dryRun?: boolean }): Promise<ImportReport> {
  assertCan(ctx, "inventory.manage");
  const check = checkIngredientCsv(input.csv);
  const errors: RowError[] = [...check.errors];
  const [existing, suppliers] = await Promise.all([
    db.ingredient.findMany({
      where: { locationId: ctx.locationId },
      select: { id: true, name: true, baseUnit: true, _count: { select: { movements: true } } },
    }),
    db.supplier.findMany({ where: { locationId: ctx.locationId }, select: { id: true, name: true } }),
  ]);
  const byName = new Map(existing.map((i) => [i.name.toLowerCase(), i]));
  const supplierByName = new Map(suppliers.map((s) => [s.name.toLowerCase(), s.id]));
  // Reference checks run on the raw cells too, so one report lists every problem of a row.
  for (const { line, values } of check.raw) {
    const supplier = values.supplier ?? "";
    if (supplier && !supplierByName.has(supplier.toLowerCase())) {
      errors.push({ line, column: "supplier", message: `No supplier named "${supplier}" (add it first)` });
    }
    const found = byName.get((values.name ?? "").toLowerCase());
    const unit = (values.base_unit ?? "").toUpperCase();
    if (found && ["G", "ML", "EACH"].includes(unit) && found.baseUnit !== unit && found._count.movements > 0) {
      errors.push({
        line,
        column: "base_unit",
        message: `${found.name} has stock history in ${found.baseUnit.toLowerCase()}; the base unit cannot change`,
      });
    }
  }
  if (errors.length) {
    errors.sort((a, b) => a.line - b.line);
    const lines = new Set(errors.map((e) => e.line)).size;
    throw new AppError(
      "VALIDATION",
      `${lines} row${lines === 1 ? "" : "s"} need${lines === 1 ? "s" : ""} fixing; nothing was imported`,
      undefined,
      { rowErrors: errors },
    );
  }
  const report: ImportReport = {
    created: 0,
    updated: 0,
    stockAdjusted: 0,
    rows: check.rows.length,
    dryRun: !!input.dryRun,
  };
  for (const { data } of check.rows) {
    if (byName.has(data.name.toLowerCase())) report.updated++;
    else report.created++;
  }
  if (input.dryRun) {
    report.stockAdjusted = check.rows.filter((r) => r.data.on_hand !== null).length;
    return report;
  }

  const effects = await db.$transaction(
    async (tx) => {
      const targets = new Map<string, string>(); // ingredientId → on_hand
      for (const { data } of check.rows) {
        const fields = {
          name: data.name,
          sku: data.sku,
          baseUnit: data.base_unit,
          purchaseUnit: data.purchase_unit,
          purchaseUnitSize: data.purchase_unit_size,
          costCentsPerPurchaseUnit: data.cost_per_purchase_unit,
          parLevel: data.par_level,
          reorderPoint: data.reorder_point,
          defaultSupplierId: data.supplier ? supplierByName.get(data.supplier.toLowerCase())! : null,
        };
        const found = byName.get(data.name.toLowerCase());
        const id = found
          ? (await tx.ingredient.update({ where: { id: found.id }, data: { ...fields, archivedAt: null } })).id
          : (
              await tx.ingredient.create({
                data: {
                  ...fields,
                  locationId: ctx.locationId,
                  stockLevel: { create: { locationId: ctx.locationId, quantity: "0" } },
                },
              })
            ).id;
        if (data.on_hand !== null) targets.set(id, data.on_hand);
      }
      const current = await lockLevels(tx, ctx.locationId, [...targets.keys()]);
      const movements: MovementInput[] = [];
      for (const [ingredientId, onHand] of targets) {
        const delta = toMilli(onHand) - (current.get(ingredientId) ?? 0);
        if (delta !== 0) movements.push({ ingredientId, delta, type: "ADJUSTMENT", reason: "CSV import" });
      }
      report.stockAdjusted = movements.length;
      const fx = await applyMovements(tx, ctx, movements);
      await auditAs(ctx, { action: "inventory.csv.import", entityType: "Ingredient", details: { ...report } }, tx);
      return fx;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await publishStockEffects(ctx, effects);
  return report;
}
