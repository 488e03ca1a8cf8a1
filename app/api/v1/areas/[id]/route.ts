import { z } from "zod";
import { route } from "@/lib/http/route";
import { archiveArea } from "@/lib/tables/archive-area";
import { getAreaPlan } from "@/lib/tables/get-area-plan";
import { saveArea, saveAreaSchema } from "@/lib/tables/save-area";
import { idSchema } from "@/lib/validation";

const params = z.object({ id: idSchema });

/** The area with its tables (archived ones flagged). */
export const GET = route({ permission: "setup.manage", params }, async ({ ctx, params }) =>
  getAreaPlan(ctx, params.id),
);

export const PATCH = route(
  { permission: "setup.manage", params, body: saveAreaSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => saveArea(ctx, { ...body, id: params.id }),
);

/** Archives (refused while it has active tables); POST …/restore brings it back. */
export const DELETE = route({ permission: "setup.manage", params }, async ({ ctx, params }) =>
  archiveArea(ctx, { id: params.id, archived: true }),
);
