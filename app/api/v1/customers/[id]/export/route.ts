import { route } from "@/lib/http/route";
import { exportCustomerData } from "@/lib/privacy/export-customer-data";
import { personIdSchema } from "@/lib/privacy/privacy-schemas";

/** GET /api/v1/customers/:id/export — everything stored about the customer, decrypted (GDPR access request; audited). */
export const GET = route({ permission: "customers.manage", params: personIdSchema }, async ({ ctx, params }) =>
  exportCustomerData(ctx, params),
);
