import { route } from "@/lib/http/route";
import { blockPhone } from "@/lib/customers/block-customer";
import { blockPhoneSchema } from "@/lib/customers/schemas";

/** POST /api/v1/customers/blocks { phone, reason, until? } — block a phone number, customer or not (audited). */
export const POST = route(
  { permission: "customers.manage", body: blockPhoneSchema },
  async ({ ctx, body }) => blockPhone(ctx, body),
  201,
);
