import { route } from "@/lib/http/route";
import { blockCustomer, liftCustomerBlock } from "@/lib/customers/block-customer";
import { blockCustomerSchema, customerIdSchema } from "@/lib/customers/schemas";

/** POST /api/v1/customers/:id/block { reason, until? } — block the customer and their phone (audited). */
export const POST = route(
  { permission: "customers.manage", params: customerIdSchema, body: blockCustomerSchema },
  async ({ ctx, params, body }) => blockCustomer(ctx, params, body),
  201,
);

/** DELETE /api/v1/customers/:id/block — lift the customer's active block (audited). */
export const DELETE = route({ permission: "customers.manage", params: customerIdSchema }, async ({ ctx, params }) =>
  liftCustomerBlock(ctx, params),
);
