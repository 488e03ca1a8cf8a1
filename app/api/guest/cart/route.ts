import { getGuestCart, putGuestCart } from "@/lib/guest/guest-cart";
import { guestRoute, readGuestBody } from "@/lib/guest/guest-route";
import type { PutGuestCartInput } from "@/lib/guest/schemas";

// GET /api/guest/cart — the phone's cart (FAMILY: the table's shared cart).
export const GET = guestRoute({ member: true }, ({ guest }) => getGuestCart(guest));

// PUT /api/guest/cart { version, items } — replace it; a stale version answers 409 VERSION_CONFLICT with the current cart.
export const PUT = guestRoute({ member: true }, async ({ guest, req }) =>
  putGuestCart(guest, (await readGuestBody(req)) as PutGuestCartInput),
);
