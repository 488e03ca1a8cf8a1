"use server";

// Server actions of the money settings page: thin wrappers over the location use cases.
import { action } from "@/lib/http/action";
import {
  createDiscountReasonSchema,
  paymentSettingsSchema,
  updateDiscountReasonSchema,
} from "@/lib/locations/payment-settings";
import { updatePaymentSettings } from "@/lib/locations/update-payment-settings";
import { createDiscountReason, updateDiscountReason } from "@/lib/locations/save-discount-reason";

const PAYMENTS = ["/admin/settings/payments", "/floor"];

export const updatePaymentSettingsAction = action(
  { permission: "payments.setup", input: paymentSettingsSchema, revalidate: PAYMENTS },
  updatePaymentSettings,
);
export const createDiscountReasonAction = action(
  { permission: "payments.setup", input: createDiscountReasonSchema, revalidate: PAYMENTS },
  createDiscountReason,
);
export const updateDiscountReasonAction = action(
  { permission: "payments.setup", input: updateDiscountReasonSchema, revalidate: PAYMENTS },
  updateDiscountReason,
);
