import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { encodeCustomerPhone, storedPhoneHashes } from "../customers/customer-contact";
import { ONLINE_FINAL, onlineStatusLabel } from "../online/online-status";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { eraseRequestSchema, personIdSchema, type EraseRequestInput, type PersonIdInput } from "./privacy-schemas";

/**
 * Erase an online customer on request (GDPR): names, phone, email and saved addresses go, so do
 * the delivery-address snapshots, positions, first names and notes on their orders and their
 * pending codes; every session is revoked. Refused while one of their orders is still open (the
 * driver needs the address). The orders stay (sales, reports and the audit keep adding up), and so do
 * blocks (a block's phone, index and ciphertext, is the restaurant's legitimate interest, ADR 0045, 0050). One
 * transaction; audited with who and why, never the erased values.
 */
export async function eraseCustomer(ctx: Ctx, rawId: PersonIdInput, raw: EraseRequestInput) {
  assertCan(ctx, "customers.manage");
  const { id } = parseInput(personIdSchema, rawId);
  const { reason } = parseInput(eraseRequestSchema, raw);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ erasedAt: Date | null; phoneHash: string | null; phoneEnc: string | null }[]>`
      SELECT "erasedAt", "phoneHash", "phoneEnc" FROM "Customer" WHERE "id" = ${id} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
    if (rows.length === 0) throw notFound("Customer");
    if (rows[0].erasedAt) throw new AppError("CONFLICT", "This customer was already erased");
    // The driver and the kitchen still need an open order's address and name. Read after the lock:
    // a submit racing this one holds the customer row (its foreign key) until it commits.
    const open = await tx.onlineOrder.findFirst({
      where: { customerId: id, locationId: ctx.locationId, status: { notIn: [...ONLINE_FINAL] } },
      orderBy: { promisedAt: "asc" },
      select: { status: true, order: { select: { number: true, source: true } } },
    });
    if (open)
      throw new AppError(
        "INVALID_STATE",
        `This customer's order #${open.order.number} is "${onlineStatusLabel(open.order.source, open.status)}". ` +
          "Erase them once every order is delivered, collected, failed or cancelled.",
      );
    const erasedAt = new Date();
    await tx.customer.update({
      where: { id },
      data: { firstName: "", lastName: "", ...encodeCustomerPhone(null), emailEnc: null, erasedAt },
    });
    const orders = await tx.onlineOrder.updateMany({
      where: { customerId: id, locationId: ctx.locationId },
      data: { addressEnc: null, latitude: null, longitude: null, customerFirstName: "" },
    });
    // The customer's own words on their orders ("gate code 1234", "no nuts, allergic") go too.
    const orderIds = (
      await tx.onlineOrder.findMany({
        where: { customerId: id, locationId: ctx.locationId },
        select: { orderId: true },
      })
    ).map((o) => o.orderId);
    await tx.order.updateMany({ where: { id: { in: orderIds }, notes: { not: "" } }, data: { notes: "" } });
    await tx.orderItem.updateMany({ where: { orderId: { in: orderIds }, notes: { not: "" } }, data: { notes: "" } });
    const addresses = await tx.customerAddress.deleteMany({ where: { customerId: id } });
    const sessions = await tx.customerSession.updateMany({
      where: { customerId: id, revokedAt: null },
      data: { revokedAt: erasedAt },
    });
    // Read before the update above cleared them: codes under either hash key go (ADR 0050).
    const phoneHashes = storedPhoneHashes(rows[0]);
    if (phoneHashes.length > 0)
      await tx.otpChallenge.deleteMany({ where: { locationId: ctx.locationId, phoneHash: { in: phoneHashes } } });
    await auditAs(
      ctx,
      {
        action: "customer.erase",
        entityType: "Customer",
        entityId: id,
        details: {
          reason,
          removed: { addresses: addresses.count, sessions: sessions.count },
          kept: { orders: orders.count },
        },
      },
      tx,
    );
    return { id, erasedAt, ordersKept: orders.count, addressesRemoved: addresses.count };
  });
}
