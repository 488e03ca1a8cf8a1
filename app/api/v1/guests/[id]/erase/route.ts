import { route } from "@/lib/http/route";
import { eraseGuest } from "@/lib/privacy/erase-guest";
import { eraseRequestSchema, personIdSchema } from "@/lib/privacy/privacy-schemas";

/** POST /api/v1/guests/:id/erase { confirm: "ERASE", reason }: anonymise the guest, keep their bookings (audited). */
export const POST = route(
  { permission: "guests.privacy", params: personIdSchema, body: eraseRequestSchema },
  async ({ ctx, params, body }) => eraseGuest(ctx, params, body),
);
