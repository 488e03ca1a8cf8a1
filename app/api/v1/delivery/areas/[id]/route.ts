import { z } from "zod";
import { route } from "@/lib/http/route";
import { updateDeliveryAreaSchema } from "@/lib/delivery/area-schemas";
import { archiveDeliveryArea } from "@/lib/delivery/archive-delivery-area";
import { updateDeliveryArea } from "@/lib/delivery/save-delivery-area";
import { idSchema } from "@/lib/validation";

const params = z.object({ id: idSchema });

/** PATCH /api/v1/delivery/areas/:id { any of the area's fields } → the area (the result is validated as a whole). */
export const PATCH = route(
  { permission: "delivery.setup", params, body: updateDeliveryAreaSchema },
  async ({ ctx, params, body }) => updateDeliveryArea(ctx, { ...body, id: params.id }),
);

/** DELETE /api/v1/delivery/areas/:id → archives the area (orders already placed keep it). */
export const DELETE = route({ permission: "delivery.setup", params }, async ({ ctx, params }) =>
  archiveDeliveryArea(ctx, { id: params.id }),
);
