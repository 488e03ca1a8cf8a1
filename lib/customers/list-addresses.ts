import "server-only";
import { db } from "../db";
import { addressView, ADDRESS_SELECT } from "./address-view";
import type { CustomerCtx } from "./customer-session";
import { liveDeliveryAreas } from "./delivery-area-at";

/** The signed-in customer's saved addresses (own only), newest first, each with the area serving it now. */
export async function listAddresses(customer: CustomerCtx) {
  const [rows, areas] = await Promise.all([
    db.customerAddress.findMany({
      where: { customerId: customer.customerId, deletedAt: null, customer: { locationId: customer.locationId } },
      orderBy: { createdAt: "desc" },
      select: ADDRESS_SELECT,
    }),
    liveDeliveryAreas(customer.locationId),
  ]);
  return { addresses: rows.map((r) => addressView(r, areas.at({ lat: r.latitude, lng: r.longitude }))) };
}
