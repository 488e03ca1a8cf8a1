import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { deleteShift } from "@/lib/schedule/delete-shift";
import { updateShift } from "@/lib/schedule/update-shift";
import { updateShiftSchema } from "@/lib/schedule/schemas";

const params = z.object({ id: idSchema });

export const PATCH = route(
  { permission: "schedule.manage", params, body: updateShiftSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => updateShift(ctx, { ...body, id: params.id }),
);

export const DELETE = route({ permission: "schedule.manage", params }, async ({ ctx, params }) =>
  deleteShift(ctx, { id: params.id }),
);
