import { guestRoute } from "@/lib/guest/guest-route";
import { submitGuestOrder } from "@/lib/guest/submit-guest-order";

// POST /api/guest/orders (Idempotency-Key header) — send the cart to the kitchen (or to the server
// for approval). A replay with the same key answers the same and sends nothing more.
export const POST = guestRoute({ member: true, status: 201 }, ({ guest, req }) =>
  submitGuestOrder(guest, req.headers.get("idempotency-key")),
);
