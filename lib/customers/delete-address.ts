import "server-only";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import type { CustomerCtx } from "./customer-session";
import { addressIdSchema, type AddressIdInput } from "./schemas";

/**
 * Removes a saved address from the customer's list (kept, marked deleted, while orders point at
 * it). Another customer's id is a 404, never a hint that it exists.
 */
export async function deleteAddress(customer: CustomerCtx, raw: AddressIdInput) {
  const { id } = parseInput(addressIdSchema, raw);
  const done = await db.customerAddress.updateMany({
    where: { id, customerId: customer.customerId, deletedAt: null },
    data: { deletedAt: new Date() },
  });
  if (done.count === 0) throw notFound("Address");
  return { id, deleted: true };
}
