// Online orders (issue 16, ADR 0046) on the real database: the submit path (areas, minimum,
// payments, slots under a lock, idempotency, blocks, someone else's address), the scheduled fire
// worker, the kitchen's pass moving the order READY, the tracking answer, and the floor's list.
import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER_COOKIE } from "@/lib/customers/customer-cookie";
import { startCustomerSession } from "@/lib/customers/customer-session";
import type { CustomerCtx } from "@/lib/customers/customer-session";
import { bumpItems } from "@/lib/kitchen/bump-items";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { getStationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";
import { TICKET_ITEM_SELECT, ticketItemRows } from "@/lib/kitchen/ticket-rows";
import { cancelOnlineOrder } from "@/lib/online/cancel-online-order";
import { fireDueOnlineOrders } from "@/lib/online/fire-due-online-orders";
import { getOnlineTracking } from "@/lib/online/get-online-tracking";
import { getPublicMenu } from "@/lib/online/get-public-menu";
import { handOverOnlineOrder } from "@/lib/online/hand-over-online-order";
import { listMyOnlineOrders } from "@/lib/online/list-my-online-orders";
import { listOnlineOrders } from "@/lib/online/list-online-orders";
import { listOnlineSlots } from "@/lib/online/list-online-slots";
import { recordPayment } from "@/lib/payments/record-payment";
import { slotStart } from "@/lib/online/online-times";
import type { SubmitOnlineOrderInput } from "@/lib/online/schemas";
import { submitOnlineOrder } from "@/lib/online/submit-online-order";
import { blindIndex, encryptPii } from "@/lib/pii/pii-crypto";
import { piiKeyring } from "@/lib/pii/keyring";
import { buildIngredient, buildRecipe } from "./builders/inventory";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { expectAppError, resetDb, testDb } from "./helpers";

// The kitchen at a fixed point; 1 km north is inside the 3 km radius area, 30 km is outside all.
const KITCHEN = { lat: 40.7128, lng: -74.006 };
const INSIDE = { lat: 40.7218, lng: -74.006 };
const FAR = { lat: 40.9828, lng: -74.006 };

let loc: BuiltLocation;
let other: BuiltLocation;
let burger: string;
let fries: string;
let salad: string;
let sauce: { id: string; modifiers: Record<string, string> };
let beef: string;
let ana: CustomerCtx;
let ben: CustomerCtx;
let anaHome: string;
let anaFar: string;
let benHome: string;

const key = () => randomUUID();
const ring = () => piiKeyring();

async function buildCustomer(locationId: string, firstName: string, phone: string): Promise<CustomerCtx> {
  const c = await testDb().customer.create({
    data: {
      locationId,
      firstName,
      phoneEnc: encryptPii(ring(), phone),
      phoneHash: blindIndex(ring(), "phone", phone),
    },
  });
  return {
    userId: null,
    locationId,
    requestId: randomUUID(),
    customerId: c.id,
    sessionId: randomUUID(),
    firstName,
  };
}

async function buildAddress(customerId: string, street: string, at: { lat: number; lng: number }) {
  const a = await testDb().customerAddress.create({
    data: {
      customerId,
      label: "Home",
      streetEnc: encryptPii(ring(), street),
      notesEnc: encryptPii(ring(), "Ring twice"),
      latitude: at.lat,
      longitude: at.lng,
    },
  });
  return a.id;
}

const delivery = (over: Partial<SubmitOnlineOrderInput> = {}): SubmitOnlineOrderInput => ({
  locationSlug: loc.slug,
  fulfilment: "DELIVERY",
  addressId: anaHome,
  lines: [
    { menuItemId: burger, quantity: 2, modifierIds: [sauce.modifiers["Ketchup"]] },
    { menuItemId: fries, quantity: 1 },
  ],
  payment: "CASH_ON_DELIVERY",
  changeForCents: 5000,
  notes: "Leave at the door",
  ...over,
});

const pickup = (over: Partial<SubmitOnlineOrderInput> = {}): SubmitOnlineOrderInput => ({
  locationSlug: loc.slug,
  fulfilment: "PICKUP",
  lines: [{ menuItemId: fries, quantity: 1 }],
  payment: "PAY_AT_PICKUP",
  ...over,
});

/** A quarter hour far enough ahead that the order is held (fire time in the future). */
const laterSlot = (hours: number) => new Date(slotStart(new Date(Date.now() + hours * 3_600_000)).getTime());

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ name: "Online Bistro", taxRateBps: 1000 });
  other = await buildLocation();
  for (const l of [loc, other])
    await testDb().location.update({
      where: { id: l.id },
      data: {
        onlineOrdering: true,
        latitude: KITCHEN.lat,
        longitude: KITCHEN.lng,
        onlinePrepMinutes: 20,
        onlineSlotCapacity: 50,
      },
    });
  const st = await buildStations(loc.id, [{ slug: "grill" }, { slug: "expo", isExpo: true }]);
  const mains = await buildCategory(loc.id, { name: "Mains", defaultStationId: st.grill });
  burger = (
    await buildMenuItem(loc.id, { categoryId: mains.id, name: "Burger", priceCents: 1500, allergens: ["GLUTEN"] })
  ).id;
  fries = (await buildMenuItem(loc.id, { categoryId: mains.id, name: "Fries", priceCents: 500 })).id;
  salad = (await buildMenuItem(loc.id, { categoryId: mains.id, name: "Salad", priceCents: 900 })).id;
  await testDb().menuItem.update({ where: { id: salad }, data: { is86d: true } });
  sauce = await buildModifierGroup(loc.id, {
    name: "Sauce",
    minSelect: 1,
    maxSelect: 1,
    modifiers: [{ name: "Ketchup" }, { name: "Mayo", priceDeltaCents: 50 }],
    menuItemIds: [burger],
  });
  beef = (await buildIngredient(loc.id, { name: "Beef patty", baseUnit: "EACH", stock: "100" })).id;
  await buildRecipe(loc.id, { menuItemId: burger }, [[beef, "1"]]);
  await testDb().deliveryArea.create({
    data: {
      locationId: loc.id,
      name: "Close by",
      kind: "RADIUS",
      minMeters: 0,
      maxMeters: 3000,
      feeCents: 399,
      minimumCents: 2000,
      travelMinutes: 15,
    },
  });
  ana = await buildCustomer(loc.id, "Ana", "+12025550101");
  ben = await buildCustomer(loc.id, "Ben", "+12025550102");
  anaHome = await buildAddress(ana.customerId, "12 River St", INSIDE);
  anaFar = await buildAddress(ana.customerId, "1 Faraway Rd", FAR);
  benHome = await buildAddress(ben.customerId, "9 Elm St", INSIDE);
});

describe("the public menu", () => {
  it("shows the live menu without costs, marks 86'd dishes, and is 404 when online ordering is off", async () => {
    const menu = await getPublicMenu(loc.slug);
    const items = menu.categories.flatMap((c) => c.items);
    expect(items.find((i) => i.id === burger)).toMatchObject({
      priceCents: 1500,
      available: true,
      allergens: ["GLUTEN"],
    });
    expect(items.find((i) => i.id === salad)?.available).toBe(false);
    expect(JSON.stringify(menu)).not.toMatch(/cost/i);
    await testDb().location.update({ where: { id: other.id }, data: { onlineOrdering: false } });
    await expectAppError(getPublicMenu(other.slug), "NOT_FOUND");
    await testDb().location.update({ where: { id: other.id }, data: { onlineOrdering: true } });
    await expectAppError(getPublicMenu("no-such-place"), "NOT_FOUND");
  });
});

describe("placing an order", () => {
  it("delivery: order, items and online row in one go, fee and tax in the total, fired to the kitchen, stock taken", async () => {
    const before = Number((await testDb().stockLevel.findUniqueOrThrow({ where: { ingredientId: beef } })).quantity);
    const placed = await submitOnlineOrder(ana, key(), delivery());
    // 2 × 15.00 + 5.00 = 35.00; fee 3.99, taxed at the location's rate (no fee rate of its own);
    // tax 10 % of 38.99 = 3.899 → 3.90 → 42.89
    expect(placed).toMatchObject({
      status: "IN_KITCHEN",
      fulfilment: "DELIVERY",
      subtotalCents: 3500,
      taxCents: 390,
      deliveryFeeCents: 399,
      totalCents: 4289,
      replayed: false,
    });
    expect(placed.trackingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const order = await testDb().order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { items: true, online: true },
    });
    expect(order).toMatchObject({
      source: "DELIVERY",
      tableId: null,
      deliveryFeeCents: 399,
      deliveryFeeTaxRateBps: 1000,
      totalCents: 4289,
      dueCents: 4289,
      status: "SENT",
    });
    expect(order.items.every((i) => i.status === "SENT" && i.fireBatch === 1)).toBe(true);
    expect(order.online).toMatchObject({
      customerId: ana.customerId,
      customerFirstName: "Ana",
      payment: "CASH_ON_DELIVERY",
      changeForCents: 5000,
      status: "IN_KITCHEN",
      requestedAsap: true,
    });
    expect(order.online!.addressEnc).toBeTruthy();
    expect(order.online!.addressEnc).not.toContain("River");
    // ASAP: now + 20 prep + 15 travel
    const lead = order.online!.promisedAt.getTime() - order.online!.createdAt.getTime();
    expect(lead).toBeGreaterThan(34 * 60_000);
    expect(lead).toBeLessThan(37 * 60_000);
    const after = Number((await testDb().stockLevel.findUniqueOrThrow({ where: { ingredientId: beef } })).quantity);
    expect(before - after).toBe(2);

    const grill = await getStationSnapshot(loc.ctx.CHEF, { station: "grill" });
    const ticket = grill.tickets.find((t) => t.orderId === placed.orderId)!;
    expect(ticket.online).toMatchObject({ source: "DELIVERY", firstName: "Ana" });
    expect(ticket.tableLabel).toBeNull();
    expect(JSON.stringify(grill)).not.toMatch(/River|\+1202/);

    // The hand-written ticket read answers what the ORM answers for an online order too.
    const itemIds = order.items.map((i) => i.id);
    const viaOrm = await testDb().orderItem.findMany({
      where: { id: { in: itemIds } },
      select: TICKET_ITEM_SELECT,
      orderBy: [{ firedAt: "asc" }, { id: "asc" }],
    });
    expect(await ticketItemRows(itemIds)).toEqual(viaOrm);
  });

  it("pickup: no fee, no address, paid at the counter", async () => {
    const placed = await submitOnlineOrder(ben, key(), pickup());
    expect(placed).toMatchObject({ fulfilment: "PICKUP", deliveryFeeCents: 0, subtotalCents: 500, totalCents: 550 });
    const online = await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: placed.orderId } });
    expect(online).toMatchObject({ addressId: null, addressEnc: null, areaId: null, payment: "PAY_AT_PICKUP" });
  });

  it("replays the first answer for the same key, and refuses the key with another body (422)", async () => {
    const k = key();
    const first = await submitOnlineOrder(ben, k, pickup({ notes: "first" }));
    const again = await submitOnlineOrder(ben, k, pickup({ notes: "first" }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await testDb().onlineOrder.count({ where: { customerId: ben.customerId, idempotencyKey: k } })).toBe(1);
    const e = await expectAppError(submitOnlineOrder(ben, k, pickup({ notes: "other" })), "IDEMPOTENCY_MISMATCH");
    expect(e.message).toMatch(/different order/);
    await expectAppError(submitOnlineOrder(ben, null, pickup()), "VALIDATION");
  });

  it("concurrent duplicates with one key make one order", async () => {
    const k = key();
    const results = await Promise.all([1, 2, 3].map(() => submitOnlineOrder(ben, k, pickup({ notes: "dup" }))));
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it("refuses a delivery below the area's minimum with the amount missing", async () => {
    const e = await expectAppError(
      submitOnlineOrder(ana, key(), delivery({ lines: [{ menuItemId: fries, quantity: 1 }] })),
      "BELOW_MINIMUM_ORDER",
    );
    expect(e.message).toContain("$15.00 more");
  });

  it("refuses an address outside every area, and another customer's address as missing", async () => {
    const out = await expectAppError(
      submitOnlineOrder(ana, key(), delivery({ addressId: anaFar })),
      "OUTSIDE_DELIVERY_AREA",
    );
    expect(out.fieldErrors?.addressId).toBeTruthy();
    await expectAppError(submitOnlineOrder(ana, key(), delivery({ addressId: benHome })), "NOT_FOUND");
    await expectAppError(submitOnlineOrder(ana, key(), delivery({ addressId: null })), "VALIDATION");
  });

  it("refuses a payment that does not fit the fulfilment, and cash that does not cover the total", async () => {
    const cod = await expectAppError(
      submitOnlineOrder(ben, key(), pickup({ payment: "CASH_ON_DELIVERY" })),
      "VALIDATION",
    );
    expect(cod.fieldErrors?.payment).toBeTruthy();
    await expectAppError(submitOnlineOrder(ana, key(), delivery({ payment: "PAY_AT_PICKUP" })), "VALIDATION");
    const change = await expectAppError(
      submitOnlineOrder(ana, key(), delivery({ changeForCents: 4000 })),
      "VALIDATION",
    );
    expect(change.fieldErrors?.changeForCents?.[0]).toContain("$42.89");
  });

  it("refuses 86'd dishes, broken option rules, other locations' dishes and other locations' slugs", async () => {
    await expectAppError(
      submitOnlineOrder(ben, key(), pickup({ lines: [{ menuItemId: salad, quantity: 1 }] })),
      "UNAVAILABLE_ITEM",
    );
    const mods = await expectAppError(
      submitOnlineOrder(ben, key(), pickup({ lines: [{ menuItemId: burger, quantity: 1, modifierIds: [] }] })),
      "VALIDATION",
    );
    expect(Object.keys(mods.fieldErrors ?? {})).toContain("items.0.modifierIds");
    const cat = await buildCategory(other.id);
    const theirs = (await buildMenuItem(other.id, { categoryId: cat.id })).id;
    await expectAppError(
      submitOnlineOrder(ben, key(), pickup({ lines: [{ menuItemId: theirs, quantity: 1 }] })),
      "VALIDATION",
    );
    await expectAppError(submitOnlineOrder(ben, key(), pickup({ locationSlug: other.slug })), "NOT_FOUND");
  });

  it("refuses a blocked customer (and a blocked phone) with a clear message", async () => {
    const cat = await buildCustomer(loc.id, "Cat", "+12025550103");
    const block = await testDb().customerBlock.create({
      data: { locationId: loc.id, customerId: cat.customerId, phoneHash: "x", reason: "No-shows" },
    });
    const e = await expectAppError(submitOnlineOrder(cat, key(), pickup()), "CUSTOMER_BLOCKED");
    expect(e.message).toMatch(/call the restaurant/);
    await testDb().customerBlock.update({ where: { id: block.id }, data: { liftedAt: new Date() } });
    await submitOnlineOrder(cat, key(), pickup());
    await testDb().customerBlock.create({
      data: { locationId: loc.id, phoneHash: blindIndex(ring(), "phone", "+12025550103"), reason: "Phone blocked" },
    });
    await expectAppError(submitOnlineOrder(cat, key(), pickup()), "CUSTOMER_BLOCKED");
  });

  it("refuses requested times that are not offered slots", async () => {
    const odd = new Date(laterSlot(3).getTime() + 7 * 60_000).toISOString();
    await expectAppError(submitOnlineOrder(ben, key(), pickup({ requestedAt: odd })), "VALIDATION");
    const soon = slotStart(new Date()).toISOString();
    await expectAppError(submitOnlineOrder(ben, key(), pickup({ requestedAt: soon })), "VALIDATION");
  });
});

describe("slot capacity", () => {
  it("concurrent submits for the last places of a slot never overbook it", async () => {
    await testDb().location.update({ where: { id: loc.id }, data: { onlineSlotCapacity: 2 } });
    try {
      const slot = laterSlot(5);
      const customers = await Promise.all(
        [0, 1, 2, 3, 4].map((i) => buildCustomer(loc.id, `Racer${i}`, `+1202555020${i}`)),
      );
      const results = await Promise.allSettled(
        customers.map((c) => submitOnlineOrder(c, key(), pickup({ requestedAt: slot.toISOString() }))),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
      const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
      expect(refused.every((r) => (r.reason as { code: string }).code === "SLOT_FULL")).toBe(true);
      expect(await testDb().onlineOrder.count({ where: { locationId: loc.id, promisedAt: slot } })).toBe(2);
      const offered = await listOnlineSlots(loc.slug, { fulfilment: "PICKUP" });
      expect(offered.slots.some((s) => s.startsAt === slot.toISOString())).toBe(false);
      expect(offered.slots.length).toBeGreaterThan(10);
    } finally {
      await testDb().location.update({ where: { id: loc.id }, data: { onlineSlotCapacity: 50 } });
    }
  });
});

describe("online and floor sends at once", () => {
  it("share the stock without deadlocking (locks taken stock → counter on both paths)", async () => {
    const level = async () =>
      Number((await testDb().stockLevel.findUniqueOrThrow({ where: { ingredientId: beef } })).quantity);
    const before = await level();
    const floor = await Promise.all([1, 2, 3].map(() => openOrder(loc.ctx.SERVER, { tableId: null })));
    const racers = await Promise.all([0, 1, 2, 3].map((i) => buildCustomer(loc.id, `Mix${i}`, `+1202555030${i}`)));
    await Promise.all([
      ...racers.map((c) =>
        submitOnlineOrder(
          c,
          key(),
          pickup({ lines: [{ menuItemId: burger, quantity: 1, modifierIds: [sauce.modifiers["Ketchup"]] }] }),
        ),
      ),
      ...floor.map((o) =>
        sendOrder(loc.ctx.SERVER, {
          orderId: o.orderId,
          idempotencyKey: key(),
          items: [{ menuItemId: burger, quantity: 1, modifierIds: [sauce.modifiers["Ketchup"]] }],
        }),
      ),
    ]);
    expect(before - (await level())).toBe(7);
  });
});

describe("scheduled orders", () => {
  it("hold their lines until the fire time, then the worker fires them once (two workers at once)", async () => {
    const slot = laterSlot(4);
    const placed = await submitOnlineOrder(ben, key(), pickup({ requestedAt: slot.toISOString() }));
    expect(placed.status).toBe("RECEIVED");
    const row = await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: placed.orderId } });
    expect(row.fireAt.getTime()).toBe(slot.getTime() - 20 * 60_000);
    expect(row.requestedAsap).toBe(false);
    const held = await testDb().orderItem.findMany({ where: { orderId: placed.orderId } });
    expect(held.every((i) => i.status === "HELD" && i.firedAt === null)).toBe(true);

    // Not before its time.
    await fireDueOnlineOrders(new Date(row.fireAt.getTime() - 60_000));
    expect((await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: placed.orderId } })).status).toBe(
      "RECEIVED",
    );
    // At its time, by two workers racing: fired once.
    const at = new Date(row.fireAt.getTime() + 1000);
    const [a, b] = await Promise.all([fireDueOnlineOrders(at), fireDueOnlineOrders(at)]);
    expect(a.fired + b.fired).toBeGreaterThanOrEqual(1);
    const fired = await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: placed.orderId } });
    expect(fired.status).toBe("IN_KITCHEN");
    expect(fired.firedAt).not.toBeNull();
    const items = await testDb().orderItem.findMany({ where: { orderId: placed.orderId } });
    expect(items.every((i) => i.status === "SENT" && i.fireBatch === 1)).toBe(true);
    const fires = await testDb().orderEvent.count({ where: { orderId: placed.orderId, type: "items.fired" } });
    expect(fires).toBe(1);
  });
});

describe("kitchen to ready, tracking, the floor", () => {
  it("the pass moves the online order READY; the tracking answer has steps and no phone", async () => {
    const placed = await submitOnlineOrder(ana, key(), delivery());
    const items = await testDb().orderItem.findMany({ where: { orderId: placed.orderId } });
    await bumpItems(loc.ctx.CHEF, { station: "grill", orderItemIds: items.map((i) => i.id) });
    await markTicketReady(loc.ctx.CHEF, { orderId: placed.orderId, fireBatch: 1 });
    const online = await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: placed.orderId } });
    expect(online.status).toBe("READY");
    expect(online.readyAt).not.toBeNull();

    const t = await getOnlineTracking(placed.trackingToken);
    expect(t).toMatchObject({
      status: "READY",
      fulfilment: "DELIVERY",
      firstName: "Ana",
      totalCents: 4289,
      deliveryFeeCents: 399,
      payment: "CASH_ON_DELIVERY",
      changeForCents: 5000,
      deliverTo: { street: "12 River St", lat: INSIDE.lat, lng: INSIDE.lng },
      driver: null,
    });
    expect(t.steps.map((s) => [s.status, s.done])).toEqual([
      ["RECEIVED", true],
      ["IN_KITCHEN", true],
      ["READY", true],
      ["OUT_FOR_DELIVERY", false],
      ["DELIVERED", false],
    ]);
    expect(t.items).toEqual(
      expect.arrayContaining([
        { name: "Burger", quantity: 2, modifiers: ["Ketchup"] },
        { name: "Fries", quantity: 1, modifiers: [] },
      ]),
    );
    const text = JSON.stringify(t);
    expect(text).not.toMatch(/\+1202|2025550101|Ring twice/);
    expect(text).not.toContain(ana.customerId);

    // Out for delivery: the driver's first name, last position and an ETA.
    const driver = loc.staff.ADMIN;
    await testDb().driverShift.create({
      data: {
        locationId: loc.id,
        driverId: driver.userId,
        lastLatitude: KITCHEN.lat + 0.004,
        lastLongitude: KITCHEN.lng,
        lastPositionAt: new Date(),
      },
    });
    await testDb().onlineOrder.update({
      where: { orderId: placed.orderId },
      data: { status: "OUT_FOR_DELIVERY", driverId: driver.userId, pickedUpAt: new Date() },
    });
    const out = await getOnlineTracking(placed.trackingToken);
    expect(out.driver).toMatchObject({ firstName: "Test", position: { lat: KITCHEN.lat + 0.004, lng: KITCHEN.lng } });
    expect(out.driver!.etaMinutes).toBeGreaterThan(0);
  });

  it("an unknown or malformed token is 404", async () => {
    await expectAppError(getOnlineTracking(randomBytes(32).toString("base64url")), "NOT_FOUND");
    await expectAppError(getOnlineTracking("nope"), "NOT_FOUND");
  });

  it("lists a customer's own orders only", async () => {
    const mine = await listMyOnlineOrders(ana);
    expect(mine.orders.length).toBeGreaterThan(0);
    const ids = new Set(
      (await testDb().onlineOrder.findMany({ where: { customerId: ana.customerId } })).map((o) => o.trackingToken),
    );
    expect(mine.orders.every((o) => ids.has(o.trackingToken))).toBe(true);
    expect(mine.orders[0].lines[0]).toHaveProperty("modifierIds");
  });

  it("the floor lists today's online orders, hands over a ready pickup, and a manager cancels", async () => {
    const placed = await submitOnlineOrder(ben, key(), pickup());
    const items = await testDb().orderItem.findMany({ where: { orderId: placed.orderId } });
    await bumpItems(loc.ctx.CHEF, { station: "grill", orderItemIds: items.map((i) => i.id) });
    await markTicketReady(loc.ctx.CHEF, { orderId: placed.orderId, fireBatch: 1 });

    const list = await listOnlineOrders(loc.ctx.HOST);
    const row = list.orders.find((o) => o.orderId === placed.orderId)!;
    expect(row).toMatchObject({ status: "READY", fulfilment: "PICKUP", firstName: "Ben" });
    expect(JSON.stringify(list)).not.toMatch(/\+1202|River/);
    await expectAppError(listOnlineOrders(loc.ctx.DRIVER), "FORBIDDEN");
    expect((await listOnlineOrders(other.ctx.HOST)).orders.some((o) => o.orderId === placed.orderId)).toBe(false);

    await expectAppError(handOverOnlineOrder(other.ctx.HOST, { orderId: placed.orderId }), "NOT_FOUND");
    // Unpaid food is not handed over; a host cannot take the money; too little cash is refused.
    const owed = row.owedCents;
    expect(owed).toBe(row.totalCents);
    const unpaid = await expectAppError(
      handOverOnlineOrder(loc.ctx.CASHIER, { orderId: placed.orderId }),
      "VALIDATION",
    );
    expect(unpaid.fieldErrors).toHaveProperty("payment");
    const cash = (collectedCents: number) => ({
      orderId: placed.orderId,
      payment: { tender: "CASH" as const, collectedCents },
    });
    await expectAppError(handOverOnlineOrder(loc.ctx.HOST, cash(owed)), "FORBIDDEN");
    const short = await expectAppError(handOverOnlineOrder(loc.ctx.CASHIER, cash(owed - 1)), "VALIDATION");
    expect(short.fieldErrors).toHaveProperty("collectedCents");
    expect(await testDb().payment.count({ where: { orderId: placed.orderId } })).toBe(0);

    const handed = await handOverOnlineOrder(loc.ctx.CASHIER, cash(owed + 500));
    expect(handed).toMatchObject({ status: "PICKED_UP", paidCents: owed, changeCents: 500 });
    expect((await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: placed.orderId } })).status).toBe(
      "PICKED_UP",
    );
    const closed = await testDb().order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { payments: true, items: true },
    });
    expect(closed).toMatchObject({ status: "CLOSED", paymentState: "PAID", paidCents: owed });
    expect(closed.payments).toHaveLength(1);
    expect(closed.payments[0]).toMatchObject({
      tender: "CASH",
      amountCents: owed,
      changeCents: 500,
      driverShiftId: null,
    });
    expect(closed.items.every((i) => i.status === "SERVED")).toBe(true);
    // A second tap is a no-op (nothing taken twice); an order still in the kitchen cannot be handed over.
    expect(await handOverOnlineOrder(loc.ctx.HOST, { orderId: placed.orderId })).toMatchObject({ paidCents: 0 });
    expect(await testDb().payment.count({ where: { orderId: placed.orderId } })).toBe(1);
    const next = await submitOnlineOrder(ben, key(), pickup());
    await expectAppError(handOverOnlineOrder(loc.ctx.HOST, { orderId: next.orderId }), "INVALID_STATE");
    await expectAppError(cancelOnlineOrder(loc.ctx.SERVER, { orderId: next.orderId, reason: "Asked" }), "FORBIDDEN");
    await expectAppError(cancelOnlineOrder(other.ctx.MANAGER, { orderId: next.orderId, reason: "Asked" }), "NOT_FOUND");
    await cancelOnlineOrder(loc.ctx.MANAGER, { orderId: next.orderId, reason: "Customer called" });
    const cancelled = await testDb().order.findUniqueOrThrow({
      where: { id: next.orderId },
      include: { items: true, online: true },
    });
    expect(cancelled.status).toBe("VOIDED");
    expect(cancelled.online!.status).toBe("CANCELLED");
    expect(cancelled.items.every((i) => i.status === "VOIDED")).toBe(true);
    await expectAppError(
      cancelOnlineOrder(loc.ctx.MANAGER, { orderId: next.orderId, reason: "Again" }),
      "INVALID_STATE",
    );
  });

  it("takes a pickup's payment by card at the counter, and a host hands over what the till was paid", async () => {
    const ready = async () => {
      const placed = await submitOnlineOrder(ben, key(), pickup());
      const items = await testDb().orderItem.findMany({ where: { orderId: placed.orderId } });
      await bumpItems(loc.ctx.CHEF, { station: "grill", orderItemIds: items.map((i) => i.id) });
      await markTicketReady(loc.ctx.CHEF, { orderId: placed.orderId, fireBatch: 1 });
      return placed;
    };
    const byCard = await ready();
    const noCode = await expectAppError(
      handOverOnlineOrder(loc.ctx.CASHIER, { orderId: byCard.orderId, payment: { tender: "CARD", cardLast4: "4242" } }),
      "VALIDATION",
    );
    expect(noCode.fieldErrors).toHaveProperty("reference");
    await handOverOnlineOrder(loc.ctx.CASHIER, {
      orderId: byCard.orderId,
      payment: { tender: "CARD", reference: "T-88", cardLast4: "4242", tipCents: 200 },
    });
    const card = await testDb().payment.findFirstOrThrow({ where: { orderId: byCard.orderId } });
    expect(card).toMatchObject({ tender: "CARD", reference: "T-88", cardLast4: "4242", tipCents: 200 });

    const atTheTill = await ready();
    const check = await testDb().check.findFirstOrThrow({ where: { orderId: atTheTill.orderId } });
    const owed = (await testDb().order.findUniqueOrThrow({ where: { id: atTheTill.orderId } })).dueCents;
    await recordPayment(loc.ctx.CASHIER, {
      checkId: check.id,
      tender: "CASH",
      amountCents: owed,
      idempotencyKey: randomUUID(),
    });
    const handed = await handOverOnlineOrder(loc.ctx.HOST, { orderId: atTheTill.orderId });
    expect(handed.paidCents).toBe(0);
    expect(await testDb().order.findUniqueOrThrow({ where: { id: atTheTill.orderId } })).toMatchObject({
      status: "CLOSED",
      paymentState: "PAID",
    });
  });
});

describe("the /api/public routes", () => {
  const jsonReq = (url: string, method: string, body?: unknown, headers: Record<string, string> = {}) =>
    new NextRequest(`http://localhost:3000${url}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

  it("submit needs a customer session and a key, refuses cross-site posts, answers 201 and replays", async () => {
    const { POST, GET } = await import("@/app/api/public/orders/route");
    const session = await startCustomerSession(testDb(), ben.customerId);
    const cookie = `${CUSTOMER_COOKIE}=${session.cookie}`;
    const body = pickup({ notes: "via route" });

    expect((await POST(jsonReq("/api/public/orders", "POST", body, { "idempotency-key": key() }), seg())).status).toBe(
      401,
    );
    const noKey = await POST(jsonReq("/api/public/orders", "POST", body, { cookie }), seg());
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).error.fieldErrors["Idempotency-Key"]).toBeTruthy();
    const cross = await POST(
      jsonReq("/api/public/orders", "POST", body, { cookie, origin: "https://evil.example", "idempotency-key": key() }),
      seg(),
    );
    expect(cross.status).toBe(403);
    const bad = await POST(
      jsonReq(
        "/api/public/orders",
        "POST",
        { ...body, lines: [], payment: "CHEQUE" },
        { cookie, "idempotency-key": key() },
      ),
      seg(),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fieldErrors)).toEqual(expect.arrayContaining(["lines", "payment"]));

    const k = key();
    const first = await POST(jsonReq("/api/public/orders", "POST", body, { cookie, "idempotency-key": k }), seg());
    expect(first.status).toBe(201);
    const placed = await first.json();
    const again = await POST(jsonReq("/api/public/orders", "POST", body, { cookie, "idempotency-key": k }), seg());
    expect(await again.json()).toMatchObject({ orderId: placed.orderId, replayed: true });
    const other = await POST(
      jsonReq("/api/public/orders", "POST", { ...body, notes: "changed" }, { cookie, "idempotency-key": k }),
      seg(),
    );
    expect(other.status).toBe(422);

    const mine = await (await GET(jsonReq("/api/public/orders", "GET", undefined, { cookie }), seg())).json();
    expect(mine.orders.some((o: { trackingToken: string }) => o.trackingToken === placed.trackingToken)).toBe(true);
    expect((await GET(jsonReq("/api/public/orders", "GET"), seg())).status).toBe(401);

    const { GET: track } = await import("@/app/api/public/orders/[token]/route");
    const t = await track(
      jsonReq(`/api/public/orders/${placed.trackingToken}`, "GET"),
      seg({ token: placed.trackingToken }),
    );
    expect(t.status).toBe(200);
    expect(t.headers.get("cache-control")).toBe("no-store");
    const missing = randomBytes(32).toString("base64url");
    expect((await track(jsonReq(`/api/public/orders/${missing}`, "GET"), seg({ token: missing }))).status).toBe(404);
  });

  it("menu and slots by slug; 404 for an unknown or closed location", async () => {
    const { GET: menu } = await import("@/app/api/public/menu/route");
    expect((await menu(jsonReq(`/api/public/menu?location=${loc.slug}`, "GET"), seg())).status).toBe(200);
    expect((await menu(jsonReq(`/api/public/menu?location=nowhere`, "GET"), seg())).status).toBe(404);
    expect((await menu(jsonReq(`/api/public/menu`, "GET"), seg())).status).toBe(400);
    const { GET: slots } = await import("@/app/api/public/orders/slots/route");
    const res = await slots(jsonReq(`/api/public/orders/slots?location=${loc.slug}&fulfilment=DELIVERY`, "GET"), seg());
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.asap.available).toBe(true);
    expect(json.slots[0]).toHaveProperty("startsAt");
  });
});
