import { route } from "@/lib/http/route";

import { csvResponse } from "@/lib/csv/http";
import { exportIngredientsCsv } from "@/lib/inventory/export-ingredients-csv";

/** GET → ingredients.csv with on-hand stock (the import format). */
export const GET = route({ permission: "inventory.manage" }, async ({ ctx }) =>
  csvResponse(await exportIngredientsCsv(ctx), `ingredients-${new Date().toISOString().slice(0, 10)}.csv`),
);
