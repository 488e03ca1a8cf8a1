import { route } from "@/lib/http/route";
import { listCustomers } from "@/lib/customers/list-customers";
import { listCustomersSchema } from "@/lib/customers/schemas";

/** GET /api/v1/customers?q=&suggested= — online customers (search by phone or first name) with masked phone, orders, COD failures, active block and block suggestion. */
export const GET = route({ permission: "customers.manage", query: listCustomersSchema }, async ({ ctx, query }) =>
  listCustomers(ctx, query),
);
