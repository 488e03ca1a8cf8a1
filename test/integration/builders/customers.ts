// Online ordering at a built location: its position, delivery areas like the demo's, and
// verified customers with a session cookie (no OTP round trip).
import { encodeCustomerPhone } from "@/lib/customers/customer-contact";
import { startCustomerSession } from "@/lib/customers/customer-session";
import { DEMO_DELIVERY_AREAS, DEMO_KITCHEN_POSITION } from "@/prisma/demo-delivery";
import { testDb } from "../helpers";

/** Turns online ordering on, places the kitchen where the demo's is and adds the demo's three areas. */
export async function enableOnlineOrdering(locationId: string, opts: { country?: string } = {}) {
  const db = testDb();
  await db.location.update({
    where: { id: locationId },
    data: {
      onlineOrdering: true,
      latitude: DEMO_KITCHEN_POSITION.lat,
      longitude: DEMO_KITCHEN_POSITION.lng,
      country: opts.country ?? "US",
    },
  });
  const areas: Record<string, string> = {};
  for (const a of DEMO_DELIVERY_AREAS) {
    const row = await db.deliveryArea.create({
      data: {
        locationId,
        name: a.name,
        kind: a.kind,
        polygon: a.polygon ? a.polygon.map((p) => [...p]) : undefined,
        minMeters: a.minMeters,
        maxMeters: a.maxMeters,
        feeCents: a.feeCents,
        minimumCents: a.minimumCents,
        travelMinutes: a.travelMinutes,
        sortOrder: a.sortOrder,
      },
    });
    areas[a.name] = row.id;
  }
  return areas;
}

let phoneSeq = 0;
/** A valid US phone, distinct within a test run (the database is fresh per run). */
export function testPhone(): string {
  phoneSeq += 1;
  return `+1207555${String(1000 + phoneSeq).padStart(4, "0")}`;
}

/** A verified customer with a live session: `cookie` is the value of CUSTOMER_COOKIE. */
export async function buildCustomer(locationId: string, spec: { phone?: string; firstName?: string } = {}) {
  const phone = spec.phone ?? testPhone();
  const customer = await testDb().customer.create({
    data: { locationId, firstName: spec.firstName ?? "Ada", ...encodeCustomerPhone(phone) },
    select: { id: true },
  });
  const session = await startCustomerSession(testDb(), customer.id);
  return { id: customer.id, phone, cookie: session.cookie, sessionId: session.sessionId };
}
