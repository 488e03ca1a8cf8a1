import "server-only";
import { db } from "../db";
import { decodeCustomerContact } from "./customer-contact";
import { customerSessionRequired, type CustomerCtx } from "./customer-session";
import { maskPhone } from "./otp-rules";

/**
 * The signed-in customer as the ordering site shows them. With a location slug, a session of
 * another location counts as none (customers are per location, like guests).
 */
export async function getCustomerSession(customer: CustomerCtx, locationSlug?: string) {
  const row = await db.customer.findFirst({
    where: { id: customer.customerId, locationId: customer.locationId, erasedAt: null },
    select: { id: true, firstName: true, phoneEnc: true, emailEnc: true, location: { select: { slug: true } } },
  });
  if (!row || (locationSlug && row.location.slug !== locationSlug)) throw customerSessionRequired();
  return { id: row.id, firstName: row.firstName, phone: maskPhone(decodeCustomerContact(row).phone) };
}
