import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { decodeAddressSnapshot, decodeAddressText, decodeCustomerContact } from "../customers/customer-contact";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { personIdSchema, type PersonIdInput } from "./privacy-schemas";

/**
 * Everything stored about one online customer of this location, decrypted, as one JSON document
 * (GDPR right of access): profile, saved addresses (deleted ones too), online orders with the
 * address each was delivered to, blocks and sessions. Audited (who and when, not the data).
 */
export async function exportCustomerData(ctx: Ctx, raw: PersonIdInput) {
  assertCan(ctx, "customers.manage");
  const { id } = parseInput(personIdSchema, raw);
  const row = await db.customer.findFirst({
    where: { id, locationId: ctx.locationId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      phoneEnc: true,
      emailEnc: true,
      codFailures: true,
      createdAt: true,
      lastSeenAt: true,
      erasedAt: true,
      location: { select: { name: true } },
      addresses: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          label: true,
          streetEnc: true,
          unitEnc: true,
          notesEnc: true,
          latitude: true,
          longitude: true,
          createdAt: true,
          deletedAt: true,
        },
      },
      orders: {
        orderBy: { createdAt: "asc" },
        select: {
          orderId: true,
          status: true,
          payment: true,
          changeForCents: true,
          customerFirstName: true,
          addressEnc: true,
          latitude: true,
          longitude: true,
          requestedAsap: true,
          promisedAt: true,
          deliveredAt: true,
          failedReason: true,
          collectedCents: true,
          createdAt: true,
          order: {
            select: {
              number: true,
              source: true,
              totalCents: true,
              deliveryFeeCents: true,
              notes: true,
              // What they ordered, with their own notes on each line.
              items: {
                orderBy: { createdAt: "asc" },
                select: { name: true, quantity: true, unitPriceCents: true, notes: true, status: true },
              },
            },
          },
        },
      },
      blocks: {
        orderBy: { createdAt: "asc" },
        select: { id: true, reason: true, until: true, createdAt: true, liftedAt: true },
      },
      sessions: {
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true },
      },
    },
  });
  if (!row) throw notFound("Customer");
  const { location, addresses, orders, blocks, sessions, phoneEnc, emailEnc, ...profile } = row;
  await auditAs(ctx, {
    action: "customer.export",
    entityType: "Customer",
    entityId: id,
    details: { addresses: addresses.length, orders: orders.length, blocks: blocks.length },
  });
  return {
    exportedAt: new Date().toISOString(),
    restaurant: location.name,
    customer: { ...profile, ...decodeCustomerContact({ phoneEnc, emailEnc }) },
    addresses: addresses.map(({ streetEnc, unitEnc, notesEnc, ...a }) => ({
      ...a,
      ...decodeAddressText({ streetEnc, unitEnc, notesEnc }),
    })),
    onlineOrders: orders.map(({ addressEnc, order, ...o }) => ({
      ...o,
      ...order,
      deliveryAddress: decodeAddressSnapshot(addressEnc),
    })),
    blocks,
    sessions,
  };
}
export type CustomerDataExport = Awaited<ReturnType<typeof exportCustomerData>>;
