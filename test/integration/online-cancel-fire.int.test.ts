// Online orders' loose ends (issue 16) on the real database: the tracking token kept out of the
// audit, a manager's cancel checked on the locked row (two cancels, cancel against the fire
// worker, cancel against a driver's pickup), and a scheduled order whose dish was 86'd before its
// fire time: flagged for the floor once, not retried, then cancelled with the customer told; an
// order submitted while the customer is being erased.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CustomerCtx } from "@/lib/customers/customer-session";
import { encodeCustomerPhone } from "@/lib/customers/customer-contact";
import { db } from "@/lib/db";
import { cancelOnlineOrder } from "@/lib/online/cancel-online-order";
import { fireDueOnlineOrders } from "@/lib/online/fire-due-online-orders";
import { listOnlineOrders } from "@/lib/online/list-online-orders";
import { moveOnlineOrder } from "@/lib/online/move-online-order";
import { slotStart } from "@/lib/online/online-times";
import type { SubmitOnlineOrderInput } from "@/lib/online/schemas";
import { submitOnlineOrder } from "@/lib/online/submit-online-order";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildOnlineOrder } from "./builders/online-orders";
import { expectAppError, resetDb, testDb } from "./helpers";

const texts = vi.hoisted(() => [] as { to: string; body: string; customerId: string | null }[]);
vi.mock("@/lib/customers/notify-customer", () => ({
  notifyCustomer: async (t: { to: string; body: string; customerId: string | null }) => {
    texts.push({ to: t.to, body: t.body, customerId: t.customerId });
    return { delivered: true };
  },
}));

const KITCHEN = { lat: 40.7128, lng: -74.006 };
const PHONE = "+12025550177";
let loc: BuiltLocation;
let fries: string;
let soup: string;
let cara: CustomerCtx;

const pickup = (over: Partial<SubmitOnlineOrderInput> = {}): SubmitOnlineOrderInput => ({
  locationSlug: loc.slug,
  fulfilment: "PICKUP",
  lines: [{ menuItemId: fries, quantity: 1 }],
  payment: "PAY_AT_PICKUP",
  ...over,
});
const laterSlot = (hours: number) => new Date(slotStart(new Date(Date.now() + hours * 3_600_000)).getTime());
const online = (orderId: string) => testDb().onlineOrder.findUniqueOrThrow({ where: { orderId } });

/** A scheduled pickup and the moment just after its fire time. */
async function scheduled(lines = [{ menuItemId: fries, quantity: 1 }]) {
  const placed = await submitOnlineOrder(
    cara,
    randomUUID(),
    pickup({ lines, requestedAt: laterSlot(3).toISOString() }),
  );
  const row = await online(placed.orderId);
  return { placed, at: new Date(row.fireAt.getTime() + 1000) };
}

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ name: "Loose Ends", taxRateBps: 1000 });
  await testDb().location.update({
    where: { id: loc.id },
    data: {
      onlineOrdering: true,
      latitude: KITCHEN.lat,
      longitude: KITCHEN.lng,
      onlinePrepMinutes: 20,
      onlineSlotCapacity: 100,
    },
  });
  const st = await buildStations(loc.id, [{ slug: "grill" }, { slug: "expo", isExpo: true }]);
  const mains = await buildCategory(loc.id, { name: "Mains", defaultStationId: st.grill });
  fries = (await buildMenuItem(loc.id, { categoryId: mains.id, name: "Fries", priceCents: 500 })).id;
  soup = (await buildMenuItem(loc.id, { categoryId: mains.id, name: "Soup", priceCents: 700 })).id;
  const c = await testDb().customer.create({
    data: { locationId: loc.id, firstName: "Cara", ...encodeCustomerPhone(PHONE) },
  });
  cara = {
    userId: null,
    locationId: loc.id,
    requestId: randomUUID(),
    customerId: c.id,
    sessionId: randomUUID(),
    firstName: "Cara",
  };
});

describe("the tracking token", () => {
  it("is not in the audit row of a placed order, yet a replay still answers it", async () => {
    const k = randomUUID();
    const placed = await submitOnlineOrder(cara, k, pickup());
    expect(placed.trackingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "online_order.placed", entityId: placed.orderId },
    });
    expect(JSON.stringify(audit.details)).not.toContain(placed.trackingToken);
    expect(audit.details).toMatchObject({ answer: { orderId: placed.orderId, orderNumber: placed.orderNumber } });
    const again = await submitOnlineOrder(cara, k, pickup());
    expect(again).toEqual({ ...placed, replayed: true });
    // Nor in the floor's list.
    expect(JSON.stringify(await listOnlineOrders(loc.ctx.MANAGER))).not.toContain(placed.trackingToken);
  });
});

describe("cancelling races", () => {
  it("two cancels at once: one wins, the other is INVALID_STATE", async () => {
    const placed = await submitOnlineOrder(cara, randomUUID(), pickup());
    const results = await Promise.allSettled(
      ["Customer called", "Customer called again"].map((reason) =>
        cancelOnlineOrder(loc.ctx.MANAGER, { orderId: placed.orderId, reason }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "INVALID_STATE" });
    expect(String(lost.reason.message)).toMatch(/Cancelled/);
    expect((await online(placed.orderId)).status).toBe("CANCELLED");
    expect(await testDb().auditLog.count({ where: { action: "order.void", entityId: placed.orderId } })).toBe(1);
  });

  it("a cancel against the fire worker: the order ends cancelled and voided, nothing left in the kitchen", async () => {
    const { placed, at } = await scheduled();
    const [cancel, fire] = await Promise.allSettled([
      cancelOnlineOrder(loc.ctx.MANAGER, { orderId: placed.orderId, reason: "Changed plans" }),
      fireDueOnlineOrders(at),
    ]);
    expect(cancel.status).toBe("fulfilled");
    expect(fire.status).toBe("fulfilled");
    const order = await testDb().order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { items: true, online: true },
    });
    expect(order.status).toBe("VOIDED");
    expect(order.online).toMatchObject({ status: "CANCELLED", fireFailedAt: null });
    expect(order.items.every((i) => i.status === "VOIDED")).toBe(true);
  });

  it("a cancel waiting while a driver picks the order up is refused, and the order is not voided", async () => {
    const { orderId } = await buildOnlineOrder(loc.id, { status: "READY", source: "DELIVERY" });
    let moved!: () => void;
    const movedP = new Promise<void>((r) => (moved = r));
    let release!: () => void;
    const releaseP = new Promise<void>((r) => (release = r));
    const pickup = db.$transaction(async (tx) => {
      await moveOnlineOrder(tx, { locationId: loc.id, orderId }, "OUT_FOR_DELIVERY");
      moved();
      await releaseP; // hold the online row's lock while the cancel starts
    });
    await movedP;
    const cancel = cancelOnlineOrder(loc.ctx.MANAGER, { orderId, reason: "Too late" }).then(
      () => null,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    release();
    await pickup;
    expect(await cancel).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/Out for delivery/) });
    expect((await online(orderId)).status).toBe("OUT_FOR_DELIVERY");
    expect((await testDb().order.findUniqueOrThrow({ where: { id: orderId } })).status).not.toBe("VOIDED");
  });
});

describe("a scheduled order whose dish was 86'd before its fire time", () => {
  it("is flagged once with the reason, not retried, listed first, and a manager cancels it (customer told)", async () => {
    const { placed, at } = await scheduled([
      { menuItemId: fries, quantity: 1 },
      { menuItemId: soup, quantity: 2 },
    ]);
    await submitOnlineOrder(cara, randomUUID(), pickup({ requestedAt: laterSlot(2).toISOString() })); // a later-listed ok one
    await testDb().menuItem.update({ where: { id: soup }, data: { is86d: true } });
    try {
      const first = await fireDueOnlineOrders(at);
      expect(first.more).toBe(false);
      const row = await online(placed.orderId);
      expect(row.status).toBe("RECEIVED");
      expect(row.fireFailedAt).not.toBeNull();
      expect(row.fireFailedReason).toMatch(/86'd.*Soup/);
      const items = await testDb().orderItem.findMany({ where: { orderId: placed.orderId } });
      expect(items.every((i) => i.status === "HELD")).toBe(true);

      // The worker leaves it alone from now on (no hot loop on an order that cannot fire).
      const second = await fireDueOnlineOrders(new Date(at.getTime() + 60_000));
      expect(second).toEqual({ fired: expect.any(Number), more: false });
      const after = await online(placed.orderId);
      expect(after.fireFailedAt).toEqual(row.fireFailedAt);
      expect(await testDb().orderEvent.count({ where: { orderId: placed.orderId, type: "items.fired" } })).toBe(0);

      const list = await listOnlineOrders(loc.ctx.HOST, at);
      expect(list.orders[0]).toMatchObject({
        orderId: placed.orderId,
        status: "RECEIVED",
        fireFailed: { reason: expect.stringMatching(/Soup/) },
      });
      expect(list.orders.filter((o) => o.fireFailed)).toHaveLength(1);

      texts.length = 0;
      await expectAppError(cancelOnlineOrder(loc.ctx.SERVER, { orderId: placed.orderId, reason: "86" }), "FORBIDDEN");
      await cancelOnlineOrder(loc.ctx.MANAGER, { orderId: placed.orderId, reason: "Soup ran out" });
      expect((await online(placed.orderId)).status).toBe("CANCELLED");
      expect(texts).toEqual([expect.objectContaining({ to: PHONE, body: expect.stringMatching(/cancelled/) })]);
      expect((await listOnlineOrders(loc.ctx.HOST, at)).orders.some((o) => o.fireFailed)).toBe(false);
    } finally {
      await testDb().menuItem.update({ where: { id: soup }, data: { is86d: false } });
    }
  });
});

describe("a customer erased while submitting", () => {
  it("the submit waits for the erase and then refuses, leaving no order", async () => {
    const c = await testDb().customer.create({
      data: { locationId: loc.id, firstName: "Dana", ...encodeCustomerPhone("+12025550178") },
    });
    const dana: CustomerCtx = { ...cara, customerId: c.id, firstName: "Dana", requestId: randomUUID() };
    let locked!: () => void;
    const lockedP = new Promise<void>((r) => (locked = r));
    let release!: () => void;
    const releaseP = new Promise<void>((r) => (release = r));
    // What eraseCustomer does first: the customer row FOR UPDATE, then the erase; held open here.
    const erase = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Customer" WHERE "id" = ${c.id} FOR UPDATE`;
      await tx.customer.update({
        where: { id: c.id },
        data: { firstName: "", phoneEnc: null, phoneHash: null, erasedAt: new Date() },
      });
      locked();
      await releaseP;
    });
    await lockedP;
    const submit = submitOnlineOrder(dana, randomUUID(), pickup()).then(
      () => null,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    release();
    await erase;
    expect(await submit).toMatchObject({ code: "CUSTOMER_SESSION_REQUIRED" });
    expect(await testDb().onlineOrder.count({ where: { customerId: c.id } })).toBe(0);
  });
});
