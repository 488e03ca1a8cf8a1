import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { addressView, ADDRESS_SELECT } from "./address-view";
import { encodeAddressText } from "./customer-contact";
import type { CustomerCtx } from "./customer-session";
import { liveDeliveryAreas } from "./delivery-area-at";
import { givenCoordinatesGeocoder, type Geocoder } from "./geocoder";
import { MAX_ADDRESSES, saveAddressSchema, type SaveAddressInput } from "./schemas";

export const OUTSIDE_AREA_MESSAGE =
  "We don't deliver to this address yet — choose pickup, or an address nearer the restaurant.";

/**
 * Saves a delivery address for the signed-in customer: placed by the geocoder, refused outside
 * every live delivery area of the location, at most 10 per customer (counted under the
 * customer's row lock, so two quick saves cannot make 11). Street, unit and notes encrypted.
 */
export async function saveAddress(
  customer: CustomerCtx,
  raw: SaveAddressInput,
  geocoder: Geocoder = givenCoordinatesGeocoder,
) {
  const input = parseInput(saveAddressSchema, raw);
  const point = await geocoder.locate(input);
  const area = (await liveDeliveryAreas(customer.locationId)).at(point);
  if (!area)
    throw new AppError("OUTSIDE_DELIVERY_AREA", OUTSIDE_AREA_MESSAGE, {
      latitude: ["Outside our delivery areas"],
      longitude: ["Outside our delivery areas"],
    });
  const row = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Customer"
      WHERE "id" = ${customer.customerId} AND "locationId" = ${customer.locationId} AND "erasedAt" IS NULL
      FOR UPDATE`;
    if (locked.length === 0) throw new AppError("CUSTOMER_SESSION_REQUIRED", "Verify your phone number to continue");
    const count = await tx.customerAddress.count({ where: { customerId: customer.customerId, deletedAt: null } });
    if (count >= MAX_ADDRESSES)
      throw new AppError("INVALID_STATE", `You can keep up to ${MAX_ADDRESSES} addresses: delete one first`);
    return tx.customerAddress.create({
      data: {
        customerId: customer.customerId,
        label: input.label,
        ...encodeAddressText({ street: input.street, unit: input.unit, notes: input.notes }),
        latitude: point.lat,
        longitude: point.lng,
      },
      select: ADDRESS_SELECT,
    });
  });
  return addressView(row, area);
}
