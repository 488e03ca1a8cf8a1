import { NextResponse } from "next/server";
import { CUSTOMER_COOKIE, customerCookieOptions } from "@/lib/customers/customer-cookie";
import { customerRoute } from "@/lib/customers/customer-route";
import { endCustomerSession } from "@/lib/customers/customer-session";
import { getCustomerSession } from "@/lib/customers/get-customer-session";
import { sessionQuerySchema } from "@/lib/customers/schemas";
import { parseInput } from "@/lib/validation";

// GET /api/public/session[?locationSlug=] — the signed-in customer { id, firstName, phone (masked) }, or 401.
export const GET = customerRoute({ customer: true }, async ({ customer, req }) => {
  const { locationSlug } = parseInput(sessionQuerySchema, Object.fromEntries(req.nextUrl.searchParams));
  return { customer: await getCustomerSession(customer, locationSlug) };
});

// DELETE /api/public/session — sign this browser out (the session is revoked and the cookie cleared).
export const DELETE = customerRoute({ customer: true }, async ({ customer, req }) => {
  await endCustomerSession(customer.sessionId);
  const res = NextResponse.json({ signedOut: true });
  res.cookies.set(CUSTOMER_COOKIE, "", customerCookieOptions(new Date(0), req.nextUrl.protocol === "https:"));
  return res;
});
