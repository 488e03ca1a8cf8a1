import "server-only";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { customerPhoneHashes, decodeCustomerContact, storedPhoneHashes } from "./customer-contact";
import { activeBlocksFor, blockView, BLOCK_SELECT, type BlockRow } from "./customer-blocks";
import { maskPhone } from "./otp-rules";
import { customerIdSchema, listCustomersSchema, type CustomerIdInput, type ListCustomersInput } from "./schemas";

const PAGE = 100;

const CUSTOMER_ROW_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  phoneEnc: true,
  emailEnc: true,
  phoneHash: true,
  codFailures: true,
  createdAt: true,
  lastSeenAt: true,
  erasedAt: true,
  _count: { select: { orders: true } },
} as const;

type CustomerRow = {
  id: string;
  firstName: string;
  lastName: string;
  phoneEnc: string | null;
  emailEnc: string | null;
  phoneHash: string | null;
  codFailures: number;
  createdAt: Date;
  lastSeenAt: Date;
  erasedAt: Date | null;
  _count: { orders: number };
};

function customerRowView(row: CustomerRow, block: BlockRow | undefined, threshold: number) {
  return {
    id: row.id,
    firstName: row.firstName,
    phone: maskPhone(decodeCustomerContact(row).phone),
    onlineOrders: row._count.orders,
    codFailures: row.codFailures,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    erasedAt: row.erasedAt,
    activeBlock: block ? blockView(block) : null,
    blockSuggested: !block && !row.erasedAt && row.codFailures >= threshold,
  };
}
export type CustomerRowView = ReturnType<typeof customerRowView>;

/** A search that reads as a phone number: looked up by its blind indexes (phones are encrypted). */
function phoneHashesOf(q: string, country: string): string[] | null {
  if ((q.match(/\d/g) ?? []).length < 6) return null;
  const parsed = parsePhoneNumberFromString(q, country as CountryCode);
  return parsed?.isValid() ? customerPhoneHashes(parsed.number) : null;
}

/**
 * The console's customers: newest first, searched by phone (exact, through the blind index) or
 * first name; each with masked phone, online orders, COD failures, active block and whether a
 * block is suggested. Also the location's block settings.
 */
export async function listCustomers(ctx: Ctx, raw: ListCustomersInput = {}, now = new Date()) {
  assertCan(ctx, "customers.manage");
  const input = parseInput(listCustomersSchema, raw);
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { country: true, blockPolicy: true, codFailuresBeforeBlockSuggestion: true },
  });
  const threshold = location.codFailuresBeforeBlockSuggestion;
  const hashes = input.q ? phoneHashesOf(input.q, location.country) : null;
  const rows = await db.customer.findMany({
    where: {
      locationId: ctx.locationId,
      ...(hashes
        ? { phoneHash: { in: hashes } }
        : input.q
          ? { firstName: { contains: input.q, mode: "insensitive" as const } }
          : {}),
      ...(input.suggested ? { codFailures: { gte: threshold }, erasedAt: null } : {}),
    },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: PAGE,
    select: CUSTOMER_ROW_SELECT,
  });
  const blocks = await activeBlocksFor(db, ctx.locationId, rows, now);
  const customers = rows
    .map((r) => customerRowView(r, blocks.get(r.id), threshold))
    .filter((c) => !input.suggested || c.blockSuggested);
  return {
    customers,
    settings: { blockPolicy: location.blockPolicy, codFailuresBeforeBlockSuggestion: threshold },
  };
}

/** One customer of this location, with every block (active or not) and their recent online orders. */
export async function getCustomer(ctx: Ctx, raw: CustomerIdInput, now = new Date()) {
  assertCan(ctx, "customers.manage");
  const { id } = parseInput(customerIdSchema, raw);
  const row = await db.customer.findFirst({
    where: { id, locationId: ctx.locationId },
    select: {
      ...CUSTOMER_ROW_SELECT,
      location: { select: { codFailuresBeforeBlockSuggestion: true } },
      _count: { select: { orders: true, addresses: { where: { deletedAt: null } } } },
      orders: {
        orderBy: { createdAt: "desc" },
        take: 20,
        select: {
          orderId: true,
          status: true,
          payment: true,
          promisedAt: true,
          createdAt: true,
          order: { select: { number: true, totalCents: true } },
        },
      },
    },
  });
  if (!row) throw notFound("Customer");
  const hashes = storedPhoneHashes(row);
  const blocks = await db.customerBlock.findMany({
    where: {
      locationId: ctx.locationId,
      OR: [{ customerId: id }, ...(hashes.length > 0 ? [{ phoneHash: { in: hashes } }] : [])],
    },
    orderBy: { createdAt: "desc" },
    select: BLOCK_SELECT,
  });
  const active = (await activeBlocksFor(db, ctx.locationId, [row], now)).get(row.id);
  return {
    ...customerRowView(row, active, row.location.codFailuresBeforeBlockSuggestion),
    addresses: row._count.addresses,
    blocks: blocks.map(blockView),
    recentOrders: row.orders.map((o) => ({
      orderId: o.orderId,
      number: o.order.number,
      totalCents: o.order.totalCents,
      status: o.status,
      payment: o.payment,
      promisedAt: o.promisedAt,
      createdAt: o.createdAt,
    })),
  };
}
