import { customerRoute, readCustomerBody } from "@/lib/customers/customer-route";
import { listMyOnlineOrders } from "@/lib/online/list-my-online-orders";
import { submitOnlineOrder } from "@/lib/online/submit-online-order";
import type { SubmitOnlineOrderInput } from "@/lib/online/schemas";

// GET /api/public/orders — the signed-in customer's own orders (for "Order again").
export const GET = customerRoute({ customer: true }, ({ customer }) => listMyOnlineOrders(customer));

// POST /api/public/orders (Idempotency-Key header) — place a pickup or delivery order. A replay
// with the same key answers the first answer; the same key with another body is 422.
export const POST = customerRoute({ customer: true, status: 201 }, async ({ customer, req }) =>
  submitOnlineOrder(
    customer,
    req.headers.get("idempotency-key"),
    (await readCustomerBody(req)) as SubmitOnlineOrderInput,
  ),
);
