"use server";

// Server actions of the delivery setup page: thin wrappers over the delivery use cases.
import { action } from "@/lib/http/action";
import { archiveDeliveryArea } from "@/lib/delivery/archive-delivery-area";
import {
  deliveryAreaIdSchema,
  deliveryAreaSchema,
  deliverySettingsSchema,
  updateDeliveryAreaSchema,
} from "@/lib/delivery/area-schemas";
import { updateDeliverySettings } from "@/lib/delivery/delivery-settings";
import { createDeliveryArea, updateDeliveryArea } from "@/lib/delivery/save-delivery-area";
import { idSchema } from "@/lib/validation";

const PAGES = ["/admin/delivery"];

export const createDeliveryAreaAction = action(
  { permission: "delivery.setup", input: deliveryAreaSchema, revalidate: PAGES },
  createDeliveryArea,
);
export const updateDeliveryAreaAction = action(
  { permission: "delivery.setup", input: updateDeliveryAreaSchema.extend({ id: idSchema }), revalidate: PAGES },
  updateDeliveryArea,
);
export const archiveDeliveryAreaAction = action(
  { permission: "delivery.setup", input: deliveryAreaIdSchema, revalidate: PAGES },
  archiveDeliveryArea,
);
export const updateDeliverySettingsAction = action(
  { permission: "delivery.setup", input: deliverySettingsSchema, revalidate: PAGES },
  updateDeliverySettings,
);
