import { z } from "zod";
import { route } from "@/lib/http/route";
import { archiveTable } from "@/lib/tables/archive-table";
import { getTableSetup } from "@/lib/tables/get-table-setup";
import { tableChangesSchema } from "@/lib/tables/table-fields";
import { updateTable } from "@/lib/tables/update-table";
import { idSchema } from "@/lib/validation";

const params = z.object({ id: idSchema });

export const GET = route({ permission: "setup.manage", params }, async ({ ctx, params }) =>
  getTableSetup(ctx, params.id),
);

/** Any subset of label, seats, shape, width, height, posX, posY, rotation, areaId. */
export const PATCH = route(
  { permission: "setup.manage", params, body: tableChangesSchema },
  async ({ ctx, params, body }) => updateTable(ctx, { id: params.id, changes: body }),
);

/** Archives (refused while it has an open order); POST …/restore brings it back. */
export const DELETE = route({ permission: "setup.manage", params }, async ({ ctx, params }) =>
  archiveTable(ctx, { id: params.id, archived: true }),
);
