// Dispatch inputs. No server-only import: the dispatch board builds the same shapes.
import { z } from "zod";
import { idSchema } from "../validation";

/** Most orders one route may carry (a driver's bag; batching suggests at most 3). */
export const MAX_ROUTE_STOPS = 8;

export const assignDeliverySchema = z.object({
  orderIds: z
    .array(idSchema, "Choose the orders")
    .min(1, "Choose at least one order")
    .max(MAX_ROUTE_STOPS, `At most ${MAX_ROUTE_STOPS} orders in one route`)
    .refine((ids) => new Set(ids).size === ids.length, "An order is listed twice"),
  driverId: idSchema,
});
export type AssignDeliveryInput = z.input<typeof assignDeliverySchema>;

export const unassignDeliverySchema = z.object({ orderId: idSchema });
export type UnassignDeliveryInput = z.input<typeof unassignDeliverySchema>;
