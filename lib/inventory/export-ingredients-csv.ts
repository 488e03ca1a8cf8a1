import "server-only";
import type { Ctx } from "../auth/context";
import { toCsv } from "../csv/stringify";
import { INGREDIENT_CSV_COLUMNS } from "./ingredient-csv";
import { listIngredients } from "./list-ingredients";
import { assertCan } from "../auth/permissions";

/** Same columns the import reads, so an export edited in a spreadsheet re-imports cleanly. */
export async function exportIngredientsCsv(ctx: Ctx): Promise<string> {
  assertCan(ctx, "inventory.manage");
  const rows = await listIngredients(ctx);
  return toCsv(
    INGREDIENT_CSV_COLUMNS,
    rows.map((r) => [
      r.name,
      r.sku ?? "",
      r.baseUnit.toLowerCase(),
      r.purchaseUnit,
      r.purchaseUnitSize,
      (r.costCentsPerPurchaseUnit / 100).toFixed(2),
      r.parLevel,
      r.reorderPoint,
      r.supplier?.name ?? "",
      r.onHand,
    ]),
  );
}
