import { route } from "@/lib/http/route";
import { eraseCustomer } from "@/lib/privacy/erase-customer";
import { eraseRequestSchema, personIdSchema } from "@/lib/privacy/privacy-schemas";

/** POST /api/v1/customers/:id/erase { confirm: "ERASE", reason } — anonymise the customer, keep their orders (audited). */
export const POST = route(
  { permission: "customers.manage", params: personIdSchema, body: eraseRequestSchema },
  async ({ ctx, params, body }) => eraseCustomer(ctx, params, body),
);
