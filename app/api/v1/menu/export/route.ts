import { route } from "@/lib/http/route";

import { csvResponse } from "@/lib/csv/http";
import { exportMenuCsv } from "@/lib/menu/export-menu-csv";

/** GET /api/v1/menu/export → menu.csv (the import format). */
export const GET = route({ permission: "menu.edit" }, async ({ ctx }) =>
  csvResponse(await exportMenuCsv(ctx), `menu-${new Date().toISOString().slice(0, 10)}.csv`),
);
