"use server";

import { action } from "@/lib/http/action";
import { eraseGuest } from "@/lib/privacy/erase-guest";
import { eraseRequestSchema, personIdSchema } from "@/lib/privacy/privacy-schemas";

export const eraseGuestAction = action(
  {
    permission: "guests.privacy",
    input: personIdSchema.extend(eraseRequestSchema.shape),
    revalidate: ["/admin/guests"],
  },
  (ctx, { id, ...request }) => eraseGuest(ctx, { id }, request),
);
