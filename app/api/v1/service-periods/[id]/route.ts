import { z } from "zod";
import { route } from "@/lib/http/route";
import { archiveServicePeriod } from "@/lib/reservations/archive-service-period";
import { updateServicePeriod } from "@/lib/reservations/save-service-period";
import { createServicePeriodSchema } from "@/lib/reservations/schemas";
import { idSchema } from "@/lib/validation";

const params = z.object({ id: idSchema });

// PATCH: the period's fields, all of them (as POST). DELETE: archive it (bookings made stay).
export const PATCH = route(
  { permission: "setup.manage", params, body: createServicePeriodSchema },
  async ({ ctx, params, body }) => updateServicePeriod(ctx, { ...body, id: params.id }),
);

export const DELETE = route({ permission: "setup.manage", params }, async ({ ctx, params }) =>
  archiveServicePeriod(ctx, { id: params.id }),
);
