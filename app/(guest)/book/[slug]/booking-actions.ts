"use server";

// The public booking page's actions (no sign-in): Next checks that a server action is called
// from our own origin; the use cases carry the rate limits, the honeypot and the idempotency key.
import { publicAction } from "@/lib/http/action";
import { bookOnline } from "@/lib/reservations/book-online";
import { cancelByLink } from "@/lib/reservations/cancel-by-link";
import { findOnlineTimes } from "@/lib/reservations/find-online-times";
import { cancelLinkSchema, publicBookingSchema, publicSlotsSchema } from "@/lib/reservations/schemas";

export const findOnlineTimesAction = publicAction({ input: publicSlotsSchema }, (input, meta) =>
  findOnlineTimes(input, meta),
);
export const bookOnlineAction = publicAction({ input: publicBookingSchema }, (input, meta) => bookOnline(input, meta));
export const cancelByLinkAction = publicAction({ input: cancelLinkSchema }, (input, meta) => cancelByLink(input, meta));
