import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { csvResponse } from "@/lib/csv/http";
import { exportIngredientsCsv } from "@/lib/inventory/export-ingredients-csv";

/** GET → ingredients.csv with on-hand stock (the import format). */
export const GET = route({ roles: MANAGERS }, async ({ ctx }) =>
  csvResponse(await exportIngredientsCsv(ctx), `ingredients-${new Date().toISOString().slice(0, 10)}.csv`),
);
