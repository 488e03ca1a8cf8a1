import "server-only";
import { db } from "../db";
import { areaFor } from "../delivery/geo";
import { asapPromise, leadMinutes, offeredSlots, slotStart, SLOT_HORIZON_HOURS, SLOT_MINUTES } from "./online-times";
import { onlineLocationBySlug } from "./get-public-menu";

/**
 * The times the ordering site offers: ASAP (with its estimate, and whether its slot has room) and
 * the 15-minute slots with capacity left. Delivery adds the travel time: the chosen area's when
 * the site knows it, else the longest of the location's areas (the submit checks again).
 */
export async function listOnlineSlots(
  slug: string,
  opts: { fulfilment: "PICKUP" | "DELIVERY"; customerId?: string | null; addressId?: string | null },
  now = new Date(),
) {
  const location = await onlineLocationBySlug(slug);
  let travel = 0;
  if (opts.fulfilment === "DELIVERY") {
    const areas = await db.deliveryArea.findMany({
      where: { locationId: location.id, archivedAt: null },
      select: {
        id: true,
        kind: true,
        polygon: true,
        minMeters: true,
        maxMeters: true,
        sortOrder: true,
        travelMinutes: true,
      },
    });
    const address =
      opts.customerId && opts.addressId
        ? await db.customerAddress.findFirst({
            where: { id: opts.addressId, customerId: opts.customerId, deletedAt: null },
            select: { latitude: true, longitude: true },
          })
        : null;
    const origin =
      location.latitude != null && location.longitude != null
        ? { lat: location.latitude, lng: location.longitude }
        : null;
    const area = address ? areaFor(areas, { lat: address.latitude, lng: address.longitude }, origin) : null;
    travel = area?.travelMinutes ?? Math.max(0, ...areas.map((a) => a.travelMinutes));
  }
  const lead = leadMinutes(location.onlinePrepMinutes, travel);
  const from = slotStart(now);
  const to = new Date(now.getTime() + (SLOT_HORIZON_HOURS * 60 + lead + SLOT_MINUTES) * 60_000);
  const orders = await db.onlineOrder.findMany({
    where: { locationId: location.id, status: { not: "CANCELLED" }, promisedAt: { gte: from, lt: to } },
    select: { promisedAt: true },
  });
  const taken = new Map<number, number>();
  for (const o of orders) {
    const k = slotStart(o.promisedAt).getTime();
    taken.set(k, (taken.get(k) ?? 0) + 1);
  }
  const asap = asapPromise(now, lead);
  return {
    asap: {
      promisedAt: asap.toISOString(),
      available: (taken.get(slotStart(asap).getTime()) ?? 0) < location.onlineSlotCapacity,
    },
    slots: offeredSlots(now, lead, location.onlineSlotCapacity, taken),
  };
}
