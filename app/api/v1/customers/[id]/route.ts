import { route } from "@/lib/http/route";
import { getCustomer } from "@/lib/customers/list-customers";
import { customerIdSchema } from "@/lib/customers/schemas";

/** GET /api/v1/customers/:id — one online customer with their blocks and recent online orders. */
export const GET = route({ permission: "customers.manage", params: customerIdSchema }, async ({ ctx, params }) =>
  getCustomer(ctx, params),
);
