import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { normalisePhone } from "../reservations/find-or-create-guest";
import { parseInput } from "../validation";
import {
  customerPhoneHash,
  customerPhoneHashes,
  decodeCustomerPhoneOrNull,
  encodeCustomerPhone,
  storedPhoneHashes,
} from "./customer-contact";
import { activeBlocksFor, blockView, BLOCK_SELECT } from "./customer-blocks";
import {
  blockCustomerSchema,
  blockPhoneSchema,
  customerIdSchema,
  type BlockCustomerInput,
  type BlockPhoneInput,
  type CustomerIdInput,
} from "./schemas";

function untilDate(until: string | null | undefined, now: Date): Date | null {
  if (!until) return null;
  const d = new Date(until);
  if (d.getTime() <= now.getTime()) {
    const message = "Pick a time in the future (or none: until lifted)";
    throw new AppError("VALIDATION", message, { until: [message] });
  }
  return d;
}

async function createBlock(
  ctx: Ctx,
  tx: Tx,
  who: { customerId: string | null; phoneHash: string; phoneEnc: string | null },
  input: { reason: string; until: Date | null },
  now: Date,
) {
  const existing = await activeBlocksFor(
    tx,
    ctx.locationId,
    [{ id: who.customerId ?? "-", phoneHash: who.phoneHash, phoneEnc: who.phoneEnc }],
    now,
  );
  if (existing.size > 0) throw new AppError("CONFLICT", "Already blocked: lift the current block first");
  const block = await tx.customerBlock.create({
    data: {
      locationId: ctx.locationId,
      customerId: who.customerId,
      phoneHash: who.phoneHash,
      phoneEnc: who.phoneEnc,
      reason: input.reason,
      until: input.until,
      createdById: ctx.userId,
      createdAt: now,
    },
    select: BLOCK_SELECT,
  });
  await auditAs(
    ctx,
    {
      action: "customer.block",
      entityType: "CustomerBlock",
      entityId: block.id,
      details: { customerId: who.customerId, reason: input.reason, until: input.until?.toISOString() ?? null },
    },
    tx,
  );
  return blockView(block);
}

/** A manager blocks a customer (their phone with them): reason, optional end; audited. */
export async function blockCustomer(ctx: Ctx, rawId: CustomerIdInput, raw: BlockCustomerInput, now = new Date()) {
  assertCan(ctx, "customers.manage");
  const { id } = parseInput(customerIdSchema, rawId);
  const input = parseInput(blockCustomerSchema, raw);
  const until = untilDate(input.until, now);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ phoneHash: string | null; phoneEnc: string | null }[]>`
      SELECT "phoneHash", "phoneEnc" FROM "Customer" WHERE "id" = ${id} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
    if (rows.length === 0) throw notFound("Customer");
    if (!rows[0].phoneHash)
      throw new AppError("INVALID_STATE", "This customer was erased: block their phone number instead");
    // The block keeps the phone (encrypted) under the current hash key, whatever key the customer's row is on.
    const { phoneHash, phoneEnc } = rows[0];
    const phone = decodeCustomerPhoneOrNull(phoneEnc);
    const who = { customerId: id, phoneHash: phone ? customerPhoneHash(phone) : phoneHash, phoneEnc };
    return createBlock(ctx, tx, who, { reason: input.reason, until }, now);
  });
}

/** A manager blocks a phone number, customer or not (a customer with that phone is linked). */
export async function blockPhone(ctx: Ctx, raw: BlockPhoneInput, now = new Date()) {
  assertCan(ctx, "customers.manage");
  const input = parseInput(blockPhoneSchema, raw);
  const until = untilDate(input.until, now);
  const location = await db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { country: true } });
  const phone = normalisePhone(input.phone, location.country);
  const phoneHash = customerPhoneHash(phone);
  const { phoneEnc } = encodeCustomerPhone(phone);
  return db.$transaction(async (tx) => {
    // Keyed by the current hash: every writer computes it from the phone itself.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`block:${ctx.locationId}:${phoneHash}`}))`;
    const customer = await tx.customer.findFirst({
      where: { locationId: ctx.locationId, phoneHash: { in: customerPhoneHashes(phone) } },
      select: { id: true },
    });
    return createBlock(
      ctx,
      tx,
      { customerId: customer?.id ?? null, phoneHash, phoneEnc },
      { reason: input.reason, until },
      now,
    );
  });
}

/** Lifts the customer's active block(s) (on them or their phone); audited. None active → 404. */
export async function liftCustomerBlock(ctx: Ctx, rawId: CustomerIdInput, now = new Date()) {
  assertCan(ctx, "customers.manage");
  const { id } = parseInput(customerIdSchema, rawId);
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { id, locationId: ctx.locationId },
      select: { id: true, phoneHash: true, phoneEnc: true },
    });
    if (!customer) throw notFound("Customer");
    const hashes = storedPhoneHashes(customer);
    const active = await tx.customerBlock.findMany({
      where: {
        locationId: ctx.locationId,
        liftedAt: null,
        AND: [
          { OR: [{ until: null }, { until: { gt: now } }] },
          { OR: [{ customerId: id }, ...(hashes.length > 0 ? [{ phoneHash: { in: hashes } }] : [])] },
        ],
      },
      select: { id: true },
    });
    if (active.length === 0) throw new AppError("NOT_FOUND", "This customer is not blocked");
    await tx.customerBlock.updateMany({
      where: { id: { in: active.map((b) => b.id) }, liftedAt: null },
      data: { liftedAt: now, liftedById: ctx.userId },
    });
    for (const b of active)
      await auditAs(
        ctx,
        { action: "customer.unblock", entityType: "CustomerBlock", entityId: b.id, details: { customerId: id } },
        tx,
      );
    return { customerId: id, lifted: active.length };
  });
}
