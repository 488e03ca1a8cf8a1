import "server-only";
import { randomBytes } from "node:crypto";
import type { OnlineOrderStatus } from "@/generated/prisma/enums";
import { auditAs } from "../audit/record-audit";
import type { CustomerCtx } from "../customers/customer-session";
import { onlineAllowanceFor } from "../customers/customer-block-policy";
import { db, type Tx } from "../db";
import { areaFor } from "../delivery/geo";
import { AppError, notFound } from "../errors";
import { idempotencyKeySchema, lockKeyOf, requestHash } from "../idempotency/rules";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import type { StockEffects } from "../inventory/stock-effects";
import { courseFor } from "../menu/courses";
import { formatCents } from "../money";
import { metrics } from "../observability/metrics";
import { appendOrderEvents, nextOrderNumber, type NewOrderEvent } from "../orders/append-order-events";
import { publishOrderChange, recordOrderEvents } from "../orders/change-order";
import { deductStock, fireItems } from "../orders/fire-items";
import { lockOrder } from "../orders/lock-order";
import { insertLines, prepareLines, type PreparedLine } from "../orders/prepare-lines";
import { lockLevels } from "../inventory/stock-ledger";
import { settleOrder, type Settled } from "../orders/settle-order";
import { effectiveTaxRate } from "../menu/tax-rate";
import { computeTotals } from "../orders/totals";
import { decryptPii, encryptPii } from "../pii/pii-crypto";
import { piiKeyring } from "../pii/keyring";
import { kickPrintQueue } from "../printing/print-worker";
import type { CommittedChange } from "../realtime/publish";
import { fieldErrorsOf, parseInput } from "../validation";
import { emitOrderSent } from "../webhooks/order-webhooks";
import { kickWebhookDispatcher } from "../webhooks/webhook-worker";
import { afterOnlineMove } from "./after-online-move";
import type { OnlineMove } from "./move-online-order";
import { asapPromise, fireAtFor, leadMinutes, requestedTimeProblem, slotStart, SLOT_MINUTES } from "./online-times";
import { submitOnlineOrderSchema, type SubmitOnlineOrderInput } from "./schemas";

export type OnlineOrderPlaced = {
  orderId: string;
  orderNumber: number;
  trackingToken: string;
  status: OnlineOrderStatus;
  fulfilment: "PICKUP" | "DELIVERY";
  payment: string;
  promisedAt: string;
  subtotalCents: number;
  taxCents: number;
  deliveryFeeCents: number;
  totalCents: number;
};

const SCOPE = "online.submit";
const AUDIT_ACTION = "online_order.placed";

/** Which payments go with which fulfilment (COD and card at the door need a door). */
const PAYMENTS_FOR = {
  DELIVERY: ["CASH_ON_DELIVERY", "CARD_ON_DELIVERY"],
  PICKUP: ["PAY_AT_PICKUP"],
} as const;

/**
 * "Place order" on the ordering site: one transaction makes the Order (source PICKUP/DELIVERY,
 * no table, the area's fee), its lines through the same checks as every send (live menu, 86,
 * windows, modifier rules, stock) and the OnlineOrder row with its tracking token. ASAP orders go
 * to the kitchen at once; scheduled ones wait HELD until their fire time (fire-due-online-orders).
 * Idempotent per customer and key: a replay answers the first answer; the same key with another
 * body is 422 (the fingerprint and answer are kept on the order's audit row, ADR 0046).
 */
export async function submitOnlineOrder(
  customer: CustomerCtx,
  key: string | null,
  raw: SubmitOnlineOrderInput,
  now = new Date(),
): Promise<OnlineOrderPlaced & { replayed: boolean }> {
  const parsedKey = idempotencyKeySchema.safeParse(key);
  if (!parsedKey.success)
    throw new AppError("VALIDATION", "Send an Idempotency-Key header", {
      "Idempotency-Key": Object.values(fieldErrorsOf(parsedKey.error)).flat(),
    });
  const input = parseInput(submitOnlineOrderSchema, raw);
  const hash = requestHash(SCOPE, customer.locationId, input);
  const lockKey = lockKeyOf(customer.customerId, SCOPE, parsedKey.data).toString();

  let change: CommittedChange | null = null;
  let stock: StockEffects | null = null;
  let chits = 0;
  let webhooks = 0;
  let placedMove: OnlineMove | null = null;

  const outcome = await db.$transaction(async (tx) => {
    // A duplicate in flight waits here, then replays what the first one stored.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lockKey}::bigint)`;
    const seen = await replayOf(tx, customer, parsedKey.data, hash);
    if (seen) return { placed: seen, replayed: true };

    const location = await tx.location.findFirst({
      where: { id: customer.locationId, slug: input.locationSlug, archivedAt: null },
      select: {
        id: true,
        onlineOrdering: true,
        taxRateBps: true,
        deliveryFeeTaxRateBps: true,
        timezone: true,
        coursesUsed: true,
        latitude: true,
        longitude: true,
        onlinePrepMinutes: true,
        onlineSlotCapacity: true,
      },
    });
    if (!location) throw notFound("Restaurant");
    if (!location.onlineOrdering)
      throw new AppError("INVALID_STATE", "This restaurant is not taking online orders right now.");

    // KEY SHARE (the lock the order's foreign key takes anyway), held from here: an erase
    // (FOR UPDATE) waits for this order and then refuses, or went first and this one stops here.
    const [who] = await tx.$queryRaw<{ phoneHash: string | null; phoneEnc: string | null; firstName: string }[]>`
      SELECT "phoneHash", "phoneEnc", "firstName" FROM "Customer"
       WHERE "id" = ${customer.customerId} AND "locationId" = ${customer.locationId} AND "erasedAt" IS NULL
         FOR KEY SHARE`;
    if (!who) throw new AppError("CUSTOMER_SESSION_REQUIRED", "Verify your phone number to continue");
    const allowance = await onlineAllowanceFor(
      tx,
      location.id,
      { customerId: customer.customerId, phoneHash: who.phoneHash, phoneEnc: who.phoneEnc },
      now,
    );
    // Online prepayment does not exist here, so "prepaid pickup only" refuses online orders too:
    // the restaurant takes such a customer's order on the phone (ADR 0046).
    if (allowance.allowed !== "ALL")
      throw new AppError(
        "CUSTOMER_BLOCKED",
        "We cannot take online orders from this account. Please call the restaurant to order.",
      );

    if (!(PAYMENTS_FOR[input.fulfilment] as readonly string[]).includes(input.payment))
      throw new AppError("VALIDATION", "Choose a payment that fits your order", {
        payment: [
          input.fulfilment === "PICKUP"
            ? "Pickup orders are paid at the counter"
            : "Delivery orders are paid at the door, in cash or by card",
        ],
      });

    // Delivery: the customer's own address, inside one of the location's areas.
    let area: { id: string; feeCents: number; minimumCents: number; travelMinutes: number } | null = null;
    let address: { id: string; latitude: number; longitude: number; snapshot: string } | null = null;
    if (input.fulfilment === "DELIVERY") {
      if (!input.addressId)
        throw new AppError("VALIDATION", "Choose a delivery address", { addressId: ["Choose a delivery address"] });
      const a = await tx.customerAddress.findFirst({
        where: { id: input.addressId, customerId: customer.customerId, deletedAt: null },
        select: { id: true, streetEnc: true, unitEnc: true, notesEnc: true, latitude: true, longitude: true },
      });
      if (!a) throw notFound("Address");
      const areas = await tx.deliveryArea.findMany({
        where: { locationId: location.id, archivedAt: null },
        select: {
          id: true,
          kind: true,
          polygon: true,
          minMeters: true,
          maxMeters: true,
          sortOrder: true,
          feeCents: true,
          minimumCents: true,
          travelMinutes: true,
        },
      });
      const origin =
        location.latitude != null && location.longitude != null
          ? { lat: location.latitude, lng: location.longitude }
          : null;
      area = areaFor(areas, { lat: a.latitude, lng: a.longitude }, origin);
      if (!area)
        throw new AppError(
          "OUTSIDE_DELIVERY_AREA",
          "Sorry, we do not deliver to this address. Choose pickup instead.",
          {
            addressId: ["Outside our delivery areas"],
          },
        );
      const ring = piiKeyring();
      const plain = (v: string | null) => (v ? decryptPii(ring, v) : "");
      address = {
        id: a.id,
        latitude: a.latitude,
        longitude: a.longitude,
        snapshot: encryptPii(
          ring,
          JSON.stringify({ street: plain(a.streetEnc), unit: plain(a.unitEnc), notes: plain(a.notesEnc) }),
        ),
      };
    }

    // The lines, checked against the live menu as every send is (prices snapshotted).
    const categories = await tx.menuItem.findMany({
      where: { id: { in: [...new Set(input.lines.map((l) => l.menuItemId))] }, locationId: location.id },
      select: { id: true, category: { select: { name: true } } },
    });
    const categoryOf = new Map(categories.map((c) => [c.id, c.category.name]));
    const prepared = await prepareLines(
      tx,
      customer,
      location,
      input.lines.map((l) => ({
        menuItemId: l.menuItemId,
        quantity: l.quantity,
        modifierIds: l.modifierIds,
        notes: l.notes,
        seat: null,
        course: courseFor(categoryOf.get(l.menuItemId) ?? "", location.coursesUsed),
      })),
      now,
    );
    const feeCents = area?.feeCents ?? 0;
    // The fee's rate is snapshotted on the order, as each line's is: what the customer is quoted stays owed.
    const feeRateBps = effectiveTaxRate(location.deliveryFeeTaxRateBps, location.taxRateBps);
    const totals = computeTotals(prepared, location.taxRateBps, { cents: feeCents, rateBps: feeRateBps });
    if (area && totals.subtotalCents < area.minimumCents)
      throw new AppError(
        "BELOW_MINIMUM_ORDER",
        `The minimum order for delivery here is ${formatCents(area.minimumCents)}; add ${formatCents(
          area.minimumCents - totals.subtotalCents,
        )} more.`,
        { lines: [`Add ${formatCents(area.minimumCents - totals.subtotalCents)} more`] },
        { missingCents: area.minimumCents - totals.subtotalCents, minimumCents: area.minimumCents },
      );
    const changeForCents = input.payment === "CASH_ON_DELIVERY" ? input.changeForCents : null;
    if (changeForCents != null && changeForCents < totals.totalCents)
      throw new AppError("VALIDATION", "The cash you will pay with must cover the total", {
        changeForCents: [`At least ${formatCents(totals.totalCents)}`],
      });

    // Promised and fire times; the slot is counted under a per-location lock so two submits
    // cannot both take its last place.
    const lead = leadMinutes(location.onlinePrepMinutes, area?.travelMinutes ?? 0);
    let promisedAt: Date;
    if (input.requestedAt) {
      promisedAt = new Date(input.requestedAt);
      const problem = requestedTimeProblem(promisedAt, now, lead);
      if (problem) throw new AppError("VALIDATION", problem, { requestedAt: [problem] });
    } else promisedAt = asapPromise(now, lead);
    await takeSlot(tx, location.id, location.onlineSlotCapacity, promisedAt, !input.requestedAt);
    // ASAP goes to the kitchen now (its promise was rounded up to the minute, not its fire time).
    const fireAt = input.requestedAt ? fireAtFor(promisedAt, lead, now) : now;
    const asap = fireAt.getTime() <= now.getTime();

    // Locks go stock → counter everywhere (ADR 0006); the order number takes the counter row, so
    // an ASAP order's stock levels are locked first.
    if (asap) await lockStockFor(tx, location.id, prepared);
    const number = await nextOrderNumber(tx, location.id);
    const created = await tx.order.create({
      data: {
        locationId: location.id,
        number,
        source: input.fulfilment,
        deliveryFeeCents: feeCents,
        deliveryFeeTaxRateBps: feeRateBps,
        notes: input.notes,
        guestCount: 1,
        checks: { create: { locationId: location.id, number: 1 } },
      },
      select: { id: true },
    });
    await appendOrderEvents(tx, customer, [
      { orderId: created.id, type: "order.opened", payload: { stationIds: [], itemIds: [], status: "OPEN" } },
    ]);
    const order = await lockOrder(tx, customer, created.id, { open: true });
    await insertLines(tx, customer, order.id, prepared, asap ? "PENDING" : "HELD");

    const events: NewOrderEvent[] = [];
    let settled: Settled;
    if (asap) {
      const fired = await fireItems(tx, customer, order, { status: "PENDING" });
      settled = await settleOrder(tx, order);
      stock = await deductStock(tx, customer, fired);
      chits = fired?.chits ?? 0;
      if (fired) {
        webhooks = await emitOrderSent(tx, order, settled, fired.fireBatch, fired.itemIds);
        events.push({
          orderId: order.id,
          type: "items.fired",
          payload: { stationIds: fired.stationIds, itemIds: fired.itemIds, fireBatch: fired.fireBatch },
        });
      }
    } else {
      settled = await settleOrder(tx, order);
      events.push({
        orderId: order.id,
        type: "items.added",
        payload: { stationIds: [], itemIds: prepared.map((p) => p.id), status: "HELD" },
      });
    }

    const trackingToken = randomBytes(32).toString("base64url");
    const status: OnlineOrderStatus = asap ? "IN_KITCHEN" : "RECEIVED";
    await tx.onlineOrder.create({
      data: {
        orderId: order.id,
        locationId: location.id,
        customerId: customer.customerId,
        trackingToken,
        status,
        payment: input.payment,
        changeForCents,
        customerFirstName: who.firstName,
        addressId: address?.id ?? null,
        addressEnc: address?.snapshot ?? null,
        latitude: address?.latitude ?? null,
        longitude: address?.longitude ?? null,
        areaId: area?.id ?? null,
        requestedAsap: !input.requestedAt,
        promisedAt,
        fireAt,
        firedAt: asap ? now : null,
        idempotencyKey: parsedKey.data,
      },
    });
    const placed: OnlineOrderPlaced = {
      orderId: order.id,
      orderNumber: order.number,
      trackingToken,
      status,
      fulfilment: input.fulfilment,
      payment: input.payment,
      promisedAt: promisedAt.toISOString(),
      subtotalCents: settled.totals.subtotalCents,
      taxCents: settled.totals.taxCents,
      deliveryFeeCents: feeCents,
      totalCents: settled.totals.totalCents,
    };
    await auditAs(
      customer,
      {
        action: AUDIT_ACTION,
        entityType: "OnlineOrder",
        entityId: order.id,
        // The answer without its tracking token: the token is the only key of the tracking page and
        // staff who read the audit must not hold it; a replay reads it from the order row.
        details: {
          customerId: customer.customerId,
          key: parsedKey.data,
          requestHash: hash,
          answer: auditedAnswer(placed),
        },
      },
      tx,
    );
    placedMove = {
      orderId: order.id,
      locationId: location.id,
      source: input.fulfilment,
      from: "RECEIVED",
      to: "RECEIVED",
      trackingToken,
      customerId: customer.customerId,
      driverId: null,
    };
    change = await recordOrderEvents(tx, customer, settled, events);
    return { placed, replayed: false };
  }, TX_OPTIONS);

  if (!outcome.replayed) {
    publishOrderChange(customer, change, stock);
    if (outcome.placed.status === "IN_KITCHEN") metrics().ordersSent.inc({ source: outcome.placed.fulfilment });
    if (chits > 0) kickPrintQueue();
    if (webhooks > 0) kickWebhookDispatcher();
    await afterOnlineMove([placedMove]);
  }
  return { ...outcome.placed, replayed: outcome.replayed };
}

/**
 * Locks (in ingredient order, as every stock writer does) the stock levels these lines will use:
 * the dishes' and chosen options' recipes, and the dishes an option is a portion of.
 */
async function lockStockFor(tx: Tx, locationId: string, lines: readonly PreparedLine[]): Promise<void> {
  const modifierIds = [...new Set(lines.flatMap((l) => l.modifiers.map((m) => m.modifierId)))];
  const portions = modifierIds.length
    ? await tx.modifier.findMany({
        where: { id: { in: modifierIds }, recipeItemId: { not: null } },
        select: { recipeItemId: true },
      })
    : [];
  const dishIds = [...new Set([...lines.map((l) => l.menuItemId), ...portions.map((p) => p.recipeItemId!)])];
  const recipe = await tx.recipeLine.findMany({
    where: { locationId, OR: [{ menuItemId: { in: dishIds } }, { modifierId: { in: modifierIds } }] },
    select: { ingredientId: true },
  });
  await lockLevels(
    tx,
    locationId,
    recipe.map((r) => r.ingredientId),
  );
}

function auditedAnswer(placed: OnlineOrderPlaced): Omit<OnlineOrderPlaced, "trackingToken"> {
  const { trackingToken, ...rest } = placed;
  return rest;
}

/** The first answer of a key already used by this customer; 422 when the body differs. */
async function replayOf(tx: Tx, customer: CustomerCtx, key: string, hash: string): Promise<OnlineOrderPlaced | null> {
  const existing = await tx.onlineOrder.findUnique({
    where: { customerId_idempotencyKey: { customerId: customer.customerId, idempotencyKey: key } },
    select: { orderId: true, trackingToken: true },
  });
  if (!existing) return null;
  const audit = await tx.auditLog.findFirst({
    where: { action: AUDIT_ACTION, entityType: "OnlineOrder", entityId: existing.orderId },
    select: { details: true },
  });
  const details = (audit?.details ?? {}) as { requestHash?: string; answer?: Omit<OnlineOrderPlaced, "trackingToken"> };
  if (details.requestHash !== hash || !details.answer)
    throw new AppError(
      "IDEMPOTENCY_MISMATCH",
      "This idempotency key was already used for a different order; use a new key for a new order",
    );
  return { ...details.answer, trackingToken: existing.trackingToken };
}

/**
 * Counts the non-cancelled online orders promised in the slot of `promisedAt` and refuses when it
 * is full. The advisory lock (per location, held to commit) makes count-then-insert atomic.
 */
async function takeSlot(tx: Tx, locationId: string, capacity: number, promisedAt: Date, asap: boolean) {
  const lock = lockKeyOf(locationId, "online.slots", "all").toString();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lock}::bigint)`;
  const from = slotStart(promisedAt);
  const to = new Date(from.getTime() + SLOT_MINUTES * 60_000);
  const taken = await tx.onlineOrder.count({
    where: { locationId, status: { not: "CANCELLED" }, promisedAt: { gte: from, lt: to } },
  });
  if (taken >= capacity) {
    const message = asap
      ? "The kitchen is fully booked for the next slot; choose a later time."
      : "That time is fully booked; choose another time.";
    throw new AppError("SLOT_FULL", message, { requestedAt: [message] });
  }
}
