import { customerRoute, readCustomerBody } from "@/lib/customers/customer-route";
import { listAddresses } from "@/lib/customers/list-addresses";
import { saveAddress } from "@/lib/customers/save-address";
import type { SaveAddressInput } from "@/lib/customers/schemas";

// GET /api/public/addresses — the signed-in customer's saved addresses, each with the area serving it.
export const GET = customerRoute({ customer: true }, async ({ customer }) => listAddresses(customer));

// POST /api/public/addresses { label?, street, unit?, notes?, latitude, longitude } — 201 with the
// address and its area (name, fee, minimum); 422 OUTSIDE_DELIVERY_AREA outside every area.
export const POST = customerRoute({ customer: true, status: 201 }, async ({ customer, req }) => ({
  address: await saveAddress(customer, (await readCustomerBody(req)) as SaveAddressInput),
}));
