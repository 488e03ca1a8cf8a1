import { customerRoute, readCustomerBody } from "@/lib/customers/customer-route";
import { requestOtp } from "@/lib/customers/request-otp";
import type { RequestOtpInput } from "@/lib/customers/schemas";

// POST /api/public/otp { locationSlug, phone } — text a 6-digit code to the phone (ADR 0045).
// 202 { sent: true, resendInSeconds } whether or not the phone is known or blocked; 429 with
// retryAfterSeconds when this phone or this address asked too often.
export const POST = customerRoute({ customer: false, status: 202 }, async ({ req, requestId, ip }) =>
  requestOtp((await readCustomerBody(req)) as RequestOtpInput, { requestId, ip }),
);
