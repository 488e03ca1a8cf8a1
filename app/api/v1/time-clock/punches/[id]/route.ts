import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { correctPunch, correctPunchFieldsSchema } from "@/lib/timeclock/correct-punch";

const params = z.object({ id: idSchema });

/** PATCH /api/v1/time-clock/punches/:id { clockInAt, clockOutAt?, reason } — a manager's correction. */
export const PATCH = route(
  { permission: "timeclock.manage", params, body: correctPunchFieldsSchema },
  async ({ ctx, params, body }) => correctPunch(ctx, { ...body, id: params.id }),
);
