"use server";

import { blockCustomer, blockPhone, liftCustomerBlock } from "@/lib/customers/block-customer";
import {
  blockCustomerSchema,
  blockPhoneSchema,
  customerIdSchema,
  customerSettingsSchema,
} from "@/lib/customers/schemas";
import { updateCustomerSettings } from "@/lib/customers/update-customer-settings";
import { action } from "@/lib/http/action";
import { eraseCustomer } from "@/lib/privacy/erase-customer";
import { eraseRequestSchema, personIdSchema } from "@/lib/privacy/privacy-schemas";

export const blockCustomerAction = action(
  {
    permission: "customers.manage",
    input: customerIdSchema.extend(blockCustomerSchema.shape),
    revalidate: ["/admin/customers"],
  },
  (ctx, { id, ...block }) => blockCustomer(ctx, { id }, block),
);

export const liftCustomerBlockAction = action(
  { permission: "customers.manage", input: customerIdSchema, revalidate: ["/admin/customers"] },
  (ctx, input) => liftCustomerBlock(ctx, input),
);

export const blockPhoneAction = action(
  { permission: "customers.manage", input: blockPhoneSchema, revalidate: ["/admin/customers"] },
  (ctx, input) => blockPhone(ctx, input),
);

export const updateCustomerSettingsAction = action(
  { permission: "customers.manage", input: customerSettingsSchema, revalidate: ["/admin/customers"] },
  (ctx, input) => updateCustomerSettings(ctx, input),
);

export const eraseCustomerAction = action(
  {
    permission: "customers.manage",
    input: personIdSchema.extend(eraseRequestSchema.shape),
    revalidate: ["/admin/customers"],
  },
  (ctx, { id, ...request }) => eraseCustomer(ctx, { id }, request),
);
