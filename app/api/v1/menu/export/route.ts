import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { csvResponse } from "@/lib/csv/http";
import { exportMenuCsv } from "@/lib/menu/export-menu-csv";

/** GET /api/v1/menu/export → menu.csv (the import format). */
export const GET = route({ roles: MANAGERS }, async ({ ctx }) =>
  csvResponse(await exportMenuCsv(ctx), `menu-${new Date().toISOString().slice(0, 10)}.csv`),
);
