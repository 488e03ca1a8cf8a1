// Money at the door: a delivered order's payment lands on its checks (on the driver's shift, in no
// drawer), the order closes, the driver's cash-up and the end-of-day tenders agree.
import { beforeEach, describe, expect, it } from "vitest";
import { openDrawer } from "@/lib/cash/open-drawer";
import { splitChecks } from "@/lib/checks/split-checks";
import { getDriverCashup } from "@/lib/driver/driver-cashup";
import { markDelivered } from "@/lib/driver/mark-delivered";
import { markFailed } from "@/lib/driver/mark-failed";
import { pickupRoute } from "@/lib/driver/pickup-route";
import { setDuty } from "@/lib/driver/set-duty";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { getEndOfDay } from "@/lib/reports/end-of-day";
import { addStaff, buildLocation, type BuiltLocation, type StaffMember } from "./builders/location";
import { buildDelivery, buildRoute } from "./builders/driver-deliveries";
import { expectAppError, resetDb, testDb } from "./helpers";

let loc: BuiltLocation;
let driver: StaffMember;

beforeEach(async () => {
  await resetDb();
  loc = await buildLocation();
  driver = loc.staff.DRIVER;
});

async function outForDelivery(spec: Parameters<typeof buildDelivery>[1] = {}) {
  await setDuty(driver.ctx, { onDuty: true });
  const routeId = await buildRoute(loc.id, driver.userId);
  const order = await buildDelivery(loc.id, { driverId: driver.userId, routeId, routeSeq: 1, ...spec });
  await pickupRoute(driver.ctx, { routeId });
  const shift = await testDb().driverShift.findFirstOrThrow({ where: { driverId: driver.userId, endedAt: null } });
  return { ...order, routeId, shiftId: shift.id };
}

describe("cash on delivery", () => {
  it("pays the check on the driver's shift (not the open drawer), serves the food and closes the order", async () => {
    await openDrawer(loc.ctx.MANAGER, { name: "Front till", openingFloatCents: 10000 });
    const o = await outForDelivery({ dueCents: 2350 });
    const done = await markDelivered(driver.ctx, { orderId: o.orderId, collectedCents: 5000 });
    expect(done).toMatchObject({ tender: "CASH", paidCents: 2350, collectedCents: 2350, changeCents: 2650 });

    const payments = await testDb().payment.findMany({ where: { orderId: o.orderId } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      tender: "CASH",
      amountCents: 2350,
      tenderedCents: 5000,
      changeCents: 2650,
      driverShiftId: o.shiftId,
      drawerSessionId: null,
      createdById: driver.userId,
    });
    const order = await testDb().order.findUniqueOrThrow({
      where: { id: o.orderId },
      include: { checks: true, items: true },
    });
    expect(order).toMatchObject({ status: "CLOSED", paymentState: "PAID", paidCents: 2350 });
    expect(order.closedAt).not.toBeNull();
    expect(order.checks.map((c) => c.status)).toEqual(["PAID"]);
    expect(order.items.map((i) => i.status)).toEqual(["SERVED"]);
    expect(await testDb().auditLog.count({ where: { action: "payment.recorded", actorId: driver.userId } })).toBe(1);

    const cashup = await getDriverCashup(loc.ctx.MANAGER, { id: driver.userId });
    expect(cashup).toMatchObject({ collectedCents: 2350, codOrders: 1, cardCents: 0 });
    // The Z report: the cash tender includes it, and the drivers' cash shows where it is (no drawer).
    const z = await getEndOfDay(loc.ctx.MANAGER, {});
    expect(z.tenders.find((t) => t.tender === "CASH")).toMatchObject({ amountCents: 2350 });
    expect(z.driverCash).toEqual([
      expect.objectContaining({ id: o.shiftId, collectedCents: 2350, countedCents: null, reconciled: false }),
    ]);
    expect(z.drawers.every((d) => d.expectedCents === 10000)).toBe(true);
  });

  it("takes only what is still owed", async () => {
    const o = await outForDelivery({ dueCents: 3000, paidCents: 500 });
    const short = await expectAppError(
      markDelivered(driver.ctx, { orderId: o.orderId, collectedCents: 2499 }),
      "VALIDATION",
    );
    expect(short.message).toContain("$25.00");
    const done = await markDelivered(driver.ctx, { orderId: o.orderId, collectedCents: 3000 });
    expect(done).toMatchObject({ paidCents: 2500, collectedCents: 2500, changeCents: 500 });
    const order = await testDb().order.findUniqueOrThrow({ where: { id: o.orderId } });
    expect(order).toMatchObject({ status: "CLOSED", paymentState: "PAID", paidCents: 3000 });
  });

  it("pays every open check of a split order, the change on the last", async () => {
    const o = await outForDelivery({ dueCents: 3000 });
    await splitChecks(loc.ctx.MANAGER, { orderId: o.orderId, by: "even", ways: 2 });
    expect(await testDb().check.count({ where: { orderId: o.orderId, status: "OPEN" } })).toBe(2);
    const done = await markDelivered(driver.ctx, { orderId: o.orderId, collectedCents: 3500 });
    expect(done).toMatchObject({ paidCents: 3000, collectedCents: 3000, changeCents: 500 });
    const door = await testDb().payment.findMany({
      where: { orderId: o.orderId, driverShiftId: o.shiftId },
      include: { check: { select: { number: true, status: true } } },
    });
    door.sort((a, b) => a.check.number - b.check.number);
    expect(door.map((p) => [p.amountCents, p.changeCents, p.check.status])).toEqual([
      [1500, 0, "PAID"],
      [1500, 500, "PAID"],
    ]);
    expect((await getDriverCashup(loc.ctx.MANAGER, { id: driver.userId })).codOrders).toBe(1);
  });

  it("records one payment when the driver taps Delivered twice at once", async () => {
    const o = await outForDelivery({ dueCents: 1800 });
    const results = await Promise.allSettled([
      markDelivered(driver.ctx, { orderId: o.orderId, collectedCents: 2000 }),
      markDelivered(driver.ctx, { orderId: o.orderId, collectedCents: 2000 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "INVALID_STATE" });
    expect(await testDb().payment.count({ where: { orderId: o.orderId } })).toBe(1);
    expect((await getDriverCashup(loc.ctx.MANAGER, { id: driver.userId })).collectedCents).toBe(1800);
  });

  it("lets the customer pay a cash order by card at the door", async () => {
    const o = await outForDelivery({ dueCents: 1200 });
    const done = await markDelivered(driver.ctx, {
      orderId: o.orderId,
      tender: "CARD",
      reference: "AUTH77",
      cardLast4: "0005",
      tipCents: 300,
    });
    expect(done).toMatchObject({ tender: "CARD", collectedCents: null });
    const p = await testDb().payment.findFirstOrThrow({ where: { orderId: o.orderId } });
    expect(p).toMatchObject({
      tender: "CARD",
      amountCents: 1200,
      tipCents: 300,
      reference: "AUTH77",
      cardLast4: "0005",
    });
    const cashup = await getDriverCashup(loc.ctx.MANAGER, { id: driver.userId });
    expect(cashup).toMatchObject({ collectedCents: 0, codOrders: 0, cardCents: 1200, cardTipCents: 300 });
    // The online order keeps no cash figure for a card.
    expect((await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: o.orderId } })).collectedCents).toBeNull();
  });
});

describe("card on delivery", () => {
  it("needs the terminal's code and last four; cash typed for a card is refused", async () => {
    const o = await outForDelivery({ dueCents: 2000, payment: "CARD_ON_DELIVERY" });
    const e = await expectAppError(markDelivered(driver.ctx, { orderId: o.orderId, cardLast4: "12" }), "VALIDATION");
    expect(e.fieldErrors).toHaveProperty("cardLast4");
    const cash = await expectAppError(
      markDelivered(driver.ctx, { orderId: o.orderId, reference: "X", cardLast4: "1234", collectedCents: 2000 }),
      "VALIDATION",
    );
    expect(cash.fieldErrors).toHaveProperty("collectedCents");
    expect(await testDb().payment.count({ where: { orderId: o.orderId } })).toBe(0);
    await markDelivered(driver.ctx, { orderId: o.orderId, reference: "X9", cardLast4: "1234" });
    expect(await testDb().order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({
      status: "CLOSED",
      paymentState: "PAID",
    });
  });

  it("takes nothing for an order already paid, and still closes it", async () => {
    const o = await outForDelivery({ dueCents: 2000, paidCents: 2000, payment: "CARD_ON_DELIVERY" });
    const done = await markDelivered(driver.ctx, { orderId: o.orderId });
    expect(done).toMatchObject({ tender: null, paidCents: 0 });
    expect(await testDb().payment.count({ where: { orderId: o.orderId, driverShiftId: { not: null } } })).toBe(0);
    expect((await testDb().order.findUniqueOrThrow({ where: { id: o.orderId } })).status).toBe("CLOSED");
  });
});

describe("a delivery that fails", () => {
  it("cannot be voided behind the driver's back; once failed, a manager voids it and it stays FAILED", async () => {
    const o = await outForDelivery({ dueCents: 1000 });
    const e = await expectAppError(
      updateOrderStatus(loc.ctx.MANAGER, { orderId: o.orderId, status: "VOIDED", reason: "Customer rang to cancel" }),
      "INVALID_STATE",
    );
    expect(e.message).toMatch(/out for delivery/);
    expect((await testDb().order.findUniqueOrThrow({ where: { id: o.orderId } })).status).not.toBe("VOIDED");
    await markFailed(driver.ctx, { orderId: o.orderId, reason: "NO_ANSWER" });
    await updateOrderStatus(loc.ctx.MANAGER, { orderId: o.orderId, status: "VOIDED", reason: "Nobody home" });
    const order = await testDb().order.findUniqueOrThrow({ where: { id: o.orderId }, include: { online: true } });
    expect(order.status).toBe("VOIDED");
    expect(order.online!.status).toBe("FAILED");
    expect(await testDb().payment.count({ where: { orderId: o.orderId } })).toBe(0);
  });
});

describe("who may", () => {
  it("keeps another driver off the order (404) and nothing is paid", async () => {
    const o = await outForDelivery({ dueCents: 1000 });
    const other = await addStaff(loc, "DRIVER", { name: "Other driver" });
    await expectAppError(markDelivered(other.ctx, { orderId: o.orderId, collectedCents: 1000 }), "NOT_FOUND");
    await expectAppError(markDelivered(loc.ctx.SERVER, { orderId: o.orderId, collectedCents: 1000 }), "FORBIDDEN");
    expect(await testDb().payment.count({ where: { orderId: o.orderId } })).toBe(0);
  });
});
