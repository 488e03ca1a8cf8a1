import { NextResponse } from "next/server";
import { CUSTOMER_COOKIE, customerCookieOptions } from "@/lib/customers/customer-cookie";
import { customerRoute, readCustomerBody } from "@/lib/customers/customer-route";
import type { VerifyOtpInput } from "@/lib/customers/schemas";
import { verifyOtp } from "@/lib/customers/verify-otp";

// POST /api/public/otp/verify { locationSlug, phone, code, firstName? } — a right code signs the
// customer in (HttpOnly cookie) and answers { customer: { id, firstName, isNew } }; a wrong one is
// 400 with attemptsLeft; a new customer without a first name is 400 with needsFirstName.
export const POST = customerRoute({ customer: false }, async ({ req, requestId, ip }) => {
  const verified = await verifyOtp((await readCustomerBody(req)) as VerifyOtpInput, { requestId, ip });
  const res = NextResponse.json({ customer: verified.customer });
  res.cookies.set(
    CUSTOMER_COOKIE,
    verified.cookie,
    customerCookieOptions(verified.expiresAt, req.nextUrl.protocol === "https:"),
  );
  return res;
});
