import { setCheckout } from "@/lib/guest/guest-cart";
import { guestRoute, readGuestBody } from "@/lib/guest/guest-route";
import { checkoutSchema } from "@/lib/guest/schemas";
import { parseInput } from "@/lib/validation";

// POST /api/guest/checkout { action: "start" | "cancel" } — FAMILY: one phone sends at a time.
export const POST = guestRoute({ member: true }, async ({ guest, req }) =>
  setCheckout(guest, parseInput(checkoutSchema, await readGuestBody(req)).action),
);
