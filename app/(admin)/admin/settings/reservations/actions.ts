"use server";

// Server actions of the reservation settings page: thin wrappers over the reservation use cases.
import { action } from "@/lib/http/action";
import { archiveServicePeriod } from "@/lib/reservations/archive-service-period";
import { createServicePeriod, updateServicePeriod } from "@/lib/reservations/save-service-period";
import {
  createServicePeriodSchema,
  reservationSettingsSchema,
  servicePeriodIdSchema,
  updateServicePeriodSchema,
} from "@/lib/reservations/schemas";
import { updateReservationSettings } from "@/lib/reservations/update-reservation-settings";

const PAGES = ["/admin/settings/reservations", "/floor"];

export const createServicePeriodAction = action(
  { permission: "setup.manage", input: createServicePeriodSchema, revalidate: PAGES },
  createServicePeriod,
);
export const updateServicePeriodAction = action(
  { permission: "setup.manage", input: updateServicePeriodSchema, revalidate: PAGES },
  updateServicePeriod,
);
export const archiveServicePeriodAction = action(
  { permission: "setup.manage", input: servicePeriodIdSchema, revalidate: PAGES },
  archiveServicePeriod,
);
export const updateReservationSettingsAction = action(
  { permission: "setup.manage", input: reservationSettingsSchema, revalidate: PAGES },
  updateReservationSettings,
);
