import { z } from "zod";
import { route } from "@/lib/http/route";
import { deliveryAreaSchema } from "@/lib/delivery/area-schemas";
import { listDeliveryAreas } from "@/lib/delivery/list-delivery-areas";
import { createDeliveryArea } from "@/lib/delivery/save-delivery-area";

const query = z.object({ archived: z.enum(["include", "exclude"]).optional() });

/** GET /api/v1/delivery/areas → { kitchen: {lat,lng}|null, areas } in containment order (?archived=include: archived too). */
export const GET = route({ permission: "delivery.setup", query }, async ({ ctx, query }) =>
  listDeliveryAreas(ctx, { includeArchived: query.archived === "include" }),
);

/**
 * POST /api/v1/delivery/areas { name, kind: POLYGON|RADIUS, polygon?: [[lat,lng],…], minMeters?, maxMeters?,
 * feeCents, minimumCents, travelMinutes, sortOrder? } → the area (201). A radius band needs the kitchen's position.
 */
export const POST = route(
  { permission: "delivery.setup", body: deliveryAreaSchema },
  async ({ ctx, body }) => createDeliveryArea(ctx, body),
  201,
);
