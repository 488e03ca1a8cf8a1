import { CUSTOMER_COOKIE } from "@/lib/customers/customer-cookie";
import { customerRoute } from "@/lib/customers/customer-route";
import { resolveCustomer } from "@/lib/customers/customer-session";
import { listOnlineSlots } from "@/lib/online/list-online-slots";
import { slotsQuerySchema } from "@/lib/online/schemas";
import { parseInput } from "@/lib/validation";

// GET /api/public/orders/slots?location=<slug>&fulfilment=PICKUP|DELIVERY[&addressId=] — ASAP's
// estimate and the 15-minute slots with room left. A signed-in customer's address sets the travel time.
export const GET = customerRoute({ customer: false }, async ({ req, requestId, ip }) => {
  const q = parseInput(slotsQuerySchema, Object.fromEntries(req.nextUrl.searchParams));
  const customer =
    q.addressId != null
      ? await resolveCustomer(req.cookies.get(CUSTOMER_COOKIE)?.value, { requestId, ip }).catch(() => null)
      : null;
  return listOnlineSlots(q.location, {
    fulfilment: q.fulfilment,
    customerId: customer?.customerId ?? null,
    addressId: q.addressId ?? null,
  });
});
