// Checks and payments against the real PostgreSQL (issue 11): splits that keep every cent,
// discounts within limits and with a manager's PIN, idempotent and concurrent payments, refunds,
// reopening, closing only when paid, transfers.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { voidOrderItem } from "@/lib/orders/void-order-item";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { getOrderChecks } from "@/lib/checks/get-order-checks";
import { splitChecks } from "@/lib/checks/split-checks";
import { moveItems, shareItem } from "@/lib/checks/move-items";
import { mergeChecks } from "@/lib/checks/merge-checks";
import { addDiscount } from "@/lib/checks/add-discount";
import { removeDiscount } from "@/lib/checks/remove-discount";
import { reopenCheck } from "@/lib/checks/reopen-check";
import { transferOrder } from "@/lib/checks/transfer-order";
import { transferCheck } from "@/lib/checks/transfer-check";
import { getStationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { recordPayment } from "@/lib/payments/record-payment";
import { refundPayment } from "@/lib/payments/refund-payment";
import { setMyPin } from "@/lib/staff/set-pin";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { expectAppError, resetDb, testDb } from "./helpers";

let loc: BuiltLocation;
let server: Ctx, cashier: Ctx, manager: Ctx, host: Ctx, other: Ctx;
const dish: Record<string, string> = {};
let tables: Record<string, string>;
const reason: Record<string, string> = {};

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ taxRateBps: 825, timezone: "America/New_York" });
  ({ SERVER: server, CASHIER: cashier, MANAGER: manager, HOST: host } = loc.ctx);
  other = (await buildLocation()).ctx.MANAGER;
  const st = await buildStations(loc.id, [{ slug: "grill", name: "Grill" }]);
  const categoryId = (await buildCategory(loc.id, { name: "Food", defaultStationId: st.grill })).id;
  for (const [name, cents] of [
    ["Burger", 1650],
    ["Salad", 1225],
    ["Wine", 1100],
    ["Cake", 900],
  ] as const)
    dish[name] = (await buildMenuItem(loc.id, { categoryId, name, stationId: st.grill, priceCents: cents })).id;
  tables = await buildTables(
    loc.id,
    Array.from({ length: 14 }, (_, i) => String(i + 1)),
  );
  const db = testDb();
  await db.location.update({ where: { id: loc.id }, data: { discountLimits: { SERVER: 1000, CASHIER: 2500 } } });
  for (const [name, comp] of [
    ["Birthday", false],
    ["Kitchen error", true],
  ] as const)
    reason[name] = (await db.discountReason.create({ data: { locationId: loc.id, name, comp } })).id;
  await setMyPin(manager, { pin: "5820" });
});

/** A table with these dishes sent, by seat. */
async function seated(label: string, lines: [string, number | null][], guests = 4) {
  const { orderId } = await openOrder(server, { tableId: tables[label], guestCount: guests });
  await sendOrder(server, {
    orderId,
    idempotencyKey: randomUUID(),
    items: lines.map(([name, seat]) => ({ menuItemId: dish[name]!, quantity: 1, seat })),
  });
  return orderId;
}

/** The food reached the guests (the kitchen's part is tested elsewhere): the table may close. */
const served = (orderId: string) =>
  testDb().orderItem.updateMany({ where: { orderId, status: { not: "VOIDED" } }, data: { status: "SERVED" } });

const checksOf = (orderId: string, ctx: Ctx = server) => getOrderChecks(ctx, { orderId });
const pay = (ctx: Ctx, checkId: string, over: Record<string, unknown>) =>
  recordPayment(ctx, { checkId, tender: "CASH", amountCents: 1, idempotencyKey: randomUUID(), ...over });

describe("splitting", () => {
  it("starts with one check that owes what the order totals", async () => {
    const orderId = await seated("1", [
      ["Burger", 1],
      ["Salad", 2],
    ]);
    const view = await checksOf(orderId);
    const order = await testDb().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(view.checks).toHaveLength(1);
    expect(view.checks[0]!.totalCents).toBe(order.totalCents);
    expect(view.checks[0]!.subtotalCents).toBe(2875);
    expect(order.dueCents).toBe(order.totalCents);
  });

  it("splits by seat and keeps every cent", async () => {
    const orderId = await seated("2", [
      ["Burger", 1],
      ["Salad", 2],
      ["Wine", 3],
      ["Cake", 4],
      ["Wine", null],
    ]);
    const before = await testDb().order.findUniqueOrThrow({ where: { id: orderId } });
    await splitChecks(server, { orderId, by: "seat" });
    const view = await checksOf(orderId);
    expect(view.checks.map((c) => c.label)).toEqual(["Table", "Seat 1", "Seat 2", "Seat 3", "Seat 4"]);
    expect(view.checks.reduce((a, c) => a + c.totalCents, 0)).toBe(before.totalCents);
    const after = await testDb().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(after.dueCents).toBe(before.totalCents);
    const event = await testDb().orderEvent.findFirst({ where: { orderId, type: "checks.changed" } });
    expect(event?.actorId).toBe(server.userId);
  });

  it("splits evenly three ways with the odd cents spread, and the sum exact", async () => {
    const orderId = await seated("3", [
      ["Burger", null],
      ["Salad", null],
    ]);
    const total = (await testDb().order.findUniqueOrThrow({ where: { id: orderId } })).totalCents;
    await splitChecks(server, { orderId, by: "even", ways: 3 });
    const view = await checksOf(orderId);
    expect(view.checks).toHaveLength(3);
    const totals = view.checks.map((c) => c.totalCents);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(2);
    expect(view.checks[0]!.lines[0]).toMatchObject({ parts: 1, ofParts: 3 });
  });

  it("moves items to a new check, shares one, merges back", async () => {
    const orderId = await seated("4", [
      ["Burger", null],
      ["Salad", null],
      ["Wine", null],
    ]);
    const total = (await testDb().order.findUniqueOrThrow({ where: { id: orderId } })).totalCents;
    const items = await testDb().orderItem.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });
    const wine = items.find((i) => i.name === "Wine")!;
    const moved = await moveItems(server, { orderId, orderItemIds: [wine.id], toCheckId: "new" });
    let view = await checksOf(orderId);
    expect(view.checks.map((c) => c.lines.length)).toEqual([2, 1]);
    await shareItem(server, { orderId, orderItemId: wine.id, checkIds: view.checks.map((c) => c.id) });
    view = await checksOf(orderId);
    expect(view.checks.map((c) => c.lines.find((l) => l.orderItemId === wine.id)?.cents)).toEqual([550, 550]);
    expect(view.checks.reduce((a, c) => a + c.totalCents, 0)).toBe(total);
    await mergeChecks(server, { orderId, fromCheckId: moved.checkId, intoCheckId: view.checks[0]!.id });
    view = await checksOf(orderId);
    expect(view.checks).toHaveLength(1);
    expect(view.checks[0]!.totalCents).toBe(total);
    expect(view.checks[0]!.lines.find((l) => l.orderItemId === wine.id)).toMatchObject({ parts: 2, ofParts: 2 });
  });

  it("refuses the host, bad input and another location's order", async () => {
    const orderId = await seated("5", [["Burger", 1]]);
    await expectAppError(splitChecks(host, { orderId, by: "seat" }), "FORBIDDEN");
    const bad = await expectAppError(splitChecks(server, { orderId, by: "even", ways: 1 }), "VALIDATION");
    expect(bad.fieldErrors?.ways).toBeDefined();
    await expectAppError(splitChecks(other, { orderId, by: "even", ways: 2 }), "NOT_FOUND");
    await expectAppError(splitChecks(server, { orderId, by: "seat" }), "INVALID_STATE");
  });
});

describe("discounts and comps", () => {
  it("lets a server comp within the limit, and asks for a manager above it", async () => {
    const orderId = await seated("6", [
      ["Burger", 1],
      ["Cake", 1],
    ]);
    const [check] = (await checksOf(orderId)).checks;
    const cake = check!.lines.find((l) => l.name === "Cake")!;
    const within = await addDiscount(server, {
      checkId: check!.id,
      orderItemId: cake.orderItemId,
      kind: "PERCENT",
      value: 10_000,
      reasonId: reason["Kitchen error"]!,
    });
    expect(within.amountCents).toBe(900);
    const above = await expectAppError(
      addDiscount(server, { checkId: check!.id, kind: "AMOUNT", value: 1500, reasonId: reason["Birthday"]! }),
      "FORBIDDEN",
    );
    expect(above.details).toMatchObject({ approvalRequired: true });
    const wrongPin = await expectAppError(
      addDiscount(server, {
        checkId: check!.id,
        kind: "AMOUNT",
        value: 1500,
        reasonId: reason["Birthday"]!,
        approval: { approverId: loc.staff.MANAGER.userId, pin: "1111" },
      }),
    );
    expect(wrongPin.fieldErrors?.["approval.pin"]).toBeDefined();
    const approved = await addDiscount(server, {
      checkId: check!.id,
      kind: "AMOUNT",
      value: 1500,
      reasonId: reason["Birthday"]!,
      approval: { approverId: loc.staff.MANAGER.userId, pin: "5820" },
    });
    expect(approved.approvedById).toBe(loc.staff.MANAGER.userId);
    const view = (await checksOf(orderId)).checks[0]!;
    expect(view.compCents).toBe(900);
    expect(view.discountCents).toBe(1500);
    // 8.25 % of (2 550 − 900 − 1 500 = 150) = 12.4 → 12
    expect(view.taxCents).toBe(12);
    expect(view.totalCents).toBe(162);
    expect(view.discounts.find((d) => d.comp)?.itemName).toBe("Cake");
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "check.discount", entityId: check!.id },
    });
    expect(audit).toMatchObject({
      actorId: server.userId,
      details: expect.objectContaining({ approvedById: loc.staff.MANAGER.userId }),
    });
    expect(
      await testDb().auditLog.count({
        where: { action: "approval.given", actorId: loc.staff.MANAGER.userId, entityId: check!.id },
      }),
    ).toBe(1);
    // A server cannot take off the manager-approved discount of someone else… but their own, yes.
    await removeDiscount(server, { discountId: within.discountId });
    expect((await checksOf(orderId)).checks[0]!.compCents).toBe(0);
  });

  it("refuses a reason of another location, an unknown line and a 101 % discount", async () => {
    const orderId = await seated("7", [["Burger", 1]]);
    const [check] = (await checksOf(orderId)).checks;
    const otherReason = await testDb().discountReason.create({
      data: { locationId: other.locationId, name: "Other place" },
    });
    const r = await expectAppError(
      addDiscount(server, { checkId: check!.id, kind: "PERCENT", value: 500, reasonId: otherReason.id }),
      "VALIDATION",
    );
    expect(r.fieldErrors?.reasonId).toBeDefined();
    const pct = await expectAppError(
      addDiscount(server, { checkId: check!.id, kind: "PERCENT", value: 10_001, reasonId: reason["Birthday"]! }),
      "VALIDATION",
    );
    expect(pct.fieldErrors?.value).toBeDefined();
    await expectAppError(
      addDiscount(server, {
        checkId: check!.id,
        orderItemId: "nope",
        kind: "PERCENT",
        value: 500,
        reasonId: reason["Birthday"]!,
      }),
      "NOT_FOUND",
    );
  });
});

describe("payments", () => {
  it("takes cash with change and a card with a tip, then the order is paid and closes", async () => {
    const orderId = await seated("8", [
      ["Burger", 1],
      ["Salad", 2],
    ]);
    await splitChecks(server, { orderId, by: "seat" });
    const [one, two] = (await checksOf(orderId)).checks;
    const cash = await pay(cashier, one!.id, { tender: "CASH", amountCents: 2000, tenderedCents: 2000 });
    expect(cash).toMatchObject({ amountCents: one!.totalCents, changeCents: 2000 - one!.totalCents, checkPaid: true });
    expect(cash.paymentState).toBe("PARTLY_PAID");
    // Card: more than the balance is refused; exactly the balance with a tip is fine.
    const over = await expectAppError(
      pay(cashier, two!.id, { tender: "CARD", amountCents: two!.totalCents + 1, cardLast4: "4242", reference: "A1" }),
      "VALIDATION",
    );
    expect(over.fieldErrors?.amountCents).toBeDefined();
    await served(orderId);
    await expectAppError(updateOrderStatus(server, { orderId, status: "CLOSED" }), "FORBIDDEN");
    const card = await pay(cashier, two!.id, {
      tender: "CARD",
      amountCents: two!.totalCents,
      tipCents: 250,
      cardBrand: "VISA",
      cardLast4: "4242",
      reference: "AUTH-77",
    });
    expect(card).toMatchObject({ checkPaid: true, paymentState: "PAID", tipCents: 250 });
    const order = await testDb().order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ paymentState: "PAID", paidCents: order.dueCents });
    await expectAppError(pay(cashier, two!.id, { tender: "CASH", amountCents: 100 }), "INVALID_STATE");
    await updateOrderStatus(server, { orderId, status: "CLOSED" });
    const table = await testDb().diningTable.findUniqueOrThrow({ where: { id: tables["8"]! } });
    expect(table.status).toBe("FREE");
  });

  it("replays a retried payment and refuses the same key for another amount", async () => {
    const orderId = await seated("9", [["Burger", 1]]);
    const [check] = (await checksOf(orderId)).checks;
    const idempotencyKey = randomUUID();
    const body = { checkId: check!.id, tender: "CASH" as const, amountCents: 500, idempotencyKey };
    const first = await recordPayment(cashier, body);
    const again = await recordPayment(cashier, body);
    expect(again).toMatchObject({ paymentId: first.paymentId, replayed: true });
    await expectAppError(recordPayment(cashier, { ...body, amountCents: 600 }), "IDEMPOTENCY_MISMATCH");
    expect(await testDb().payment.count({ where: { checkId: check!.id } })).toBe(1);
  });

  it("never over-collects when two cashiers pay the same check at once", async () => {
    const orderId = await seated("10", [["Wine", 1]]);
    const [check] = (await checksOf(orderId)).checks;
    const total = check!.totalCents;
    const card = (last4: string) =>
      pay(cashier, check!.id, { tender: "CARD", amountCents: total, cardLast4: last4, reference: `T-${last4}` });
    const results = await Promise.allSettled([card("1111"), card("2222"), card("3333")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const payments = await testDb().payment.findMany({ where: { checkId: check!.id } });
    expect(payments.reduce((a, p) => a + p.amountCents, 0)).toBe(total);
  });

  it("refunds with a manager's approval and reopens a paid check", async () => {
    const target = await seated("11", [["Cake", 1]]);
    const [check] = (await checksOf(target)).checks;
    const p = await pay(cashier, check!.id, {
      tender: "CARD",
      amountCents: check!.totalCents,
      tipCents: 100,
      cardLast4: "0005",
      reference: "R-1",
    });
    await expectAppError(
      refundPayment(cashier, { paymentId: p.paymentId, amountCents: 300, reason: "Cold cake" }),
      "FORBIDDEN",
    );
    await refundPayment(cashier, {
      paymentId: p.paymentId,
      amountCents: 300,
      tipCents: 100,
      reason: "Cold cake",
      approval: { approverId: loc.staff.MANAGER.userId, pin: "5820" },
    });
    const tooMuch = await expectAppError(
      refundPayment(manager, { paymentId: p.paymentId, amountCents: check!.totalCents, reason: "Again" }),
      "VALIDATION",
    );
    expect(tooMuch.fieldErrors?.amountCents).toBeDefined();
    let view = (await checksOf(target)).checks[0]!;
    expect(view).toMatchObject({ status: "PAID", refundedCents: 300, paidCents: check!.totalCents - 300, tipCents: 0 });
    await expectAppError(reopenCheck(server, { checkId: check!.id, reason: "Wrong tender" }), "FORBIDDEN");
    await reopenCheck(manager, { checkId: check!.id, reason: "Wrong tender" });
    view = (await checksOf(target)).checks[0]!;
    expect(view).toMatchObject({ status: "OPEN", balanceCents: 300 });
  });

  it("lets a manager close a table that still owes, with a reason, and keeps a voided line off the bill", async () => {
    const target = await seated("12", [
      ["Burger", 1],
      ["Salad", 1],
    ]);
    const items = await testDb().orderItem.findMany({ where: { orderId: target } });
    await voidOrderItem(manager, { orderId: target, orderItemId: items[0]!.id, reason: "Guest changed mind" });
    await served(target);
    const owed = (await checksOf(target)).order.owedCents;
    expect(owed).toBeGreaterThan(0);
    const noReason = await expectAppError(
      updateOrderStatus(manager, { orderId: target, status: "CLOSED" }),
      "VALIDATION",
    );
    expect(noReason.fieldErrors?.reason).toBeDefined();
    await updateOrderStatus(manager, { orderId: target, status: "CLOSED", reason: "Walk-out" });
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "order.closed_unpaid", entityId: target },
    });
    expect(audit.details).toMatchObject({ owedCents: owed, reason: "Walk-out" });
  });
});

describe("transfers", () => {
  it("moves a party to a free table, frees the old one, and refuses a taken table", async () => {
    const target = await seated("13", [["Burger", 1]]);
    const from = (await testDb().order.findUniqueOrThrow({ where: { id: target } })).tableId!;
    const free = await testDb().diningTable.findFirstOrThrow({
      where: { locationId: loc.id, orders: { none: { status: { notIn: ["CLOSED", "VOIDED"] } } }, id: { not: from } },
    });
    await transferOrder(server, { orderId: target, toTableId: free.id, toServerId: loc.staff.CASHIER.userId });
    const order = await testDb().order.findUniqueOrThrow({ where: { id: target } });
    expect(order).toMatchObject({ tableId: free.id, serverId: loc.staff.CASHIER.userId });
    expect((await testDb().diningTable.findUniqueOrThrow({ where: { id: from } })).status).toBe("FREE");
    expect((await testDb().diningTable.findUniqueOrThrow({ where: { id: free.id } })).status).not.toBe("FREE");
    const event = await testDb().orderEvent.findFirstOrThrow({ where: { orderId: target, type: "order.transferred" } });
    expect(event.payload).toMatchObject({ fromTableId: from, toTableId: free.id });
    // The grill's ticket shows the new table, and the event tells the grill to refetch.
    const grill = await getStationSnapshot(loc.ctx.CHEF, { station: "grill" });
    expect(grill.tickets.find((t) => t.orderId === target)?.tableLabel).toBe(free.label);
    expect((event.payload as { stationIds: string[] }).stationIds).toContain(
      (await testDb().kitchenStation.findFirstOrThrow({ where: { locationId: loc.id, slug: "grill" } })).id,
    );
    const busy = await testDb().order.findFirstOrThrow({
      where: {
        locationId: loc.id,
        status: { notIn: ["CLOSED", "VOIDED"] },
        id: { not: target },
        tableId: { not: null },
      },
    });
    const taken = await expectAppError(
      transferOrder(server, { orderId: target, toTableId: busy.tableId! }),
      "INVALID_STATE",
    );
    expect(taken.fieldErrors?.toTableId).toBeDefined();
    await expectAppError(transferOrder(server, { orderId: target, toServerId: loc.staff.CHEF.userId }), "VALIDATION");
  });

  it("moves one served check to another table, and refuses one with food still cooking", async () => {
    const orderId = await seated("14", [
      ["Burger", 1],
      ["Salad", 2],
    ]);
    await splitChecks(server, { orderId, by: "seat" });
    const [one, two] = (await checksOf(orderId)).checks;
    const cooking = await expectAppError(
      transferCheck(server, { checkId: two!.id, toTableId: tables["4"]! }),
      "INVALID_STATE",
    );
    expect(cooking.message).toMatch(/kitchen/);
    await served(orderId);
    const free = await testDb().diningTable.findFirstOrThrow({
      where: { locationId: loc.id, orders: { none: { status: { notIn: ["CLOSED", "VOIDED"] } } } },
    });
    const moved = await transferCheck(server, { checkId: two!.id, toTableId: free.id });
    const target = await checksOf(moved.toOrderId);
    expect(target.order.table?.id).toBe(free.id);
    expect(target.checks.map((c) => c.id)).toEqual([two!.id]);
    expect(target.checks[0]!.totalCents).toBe(two!.totalCents);
    const source = await checksOf(orderId);
    expect(source.checks.map((c) => c.id)).toEqual([one!.id]);
    const items = await testDb().orderItem.findMany({ where: { orderId: moved.toOrderId } });
    expect(items.map((i) => i.name)).toEqual(["Salad"]);
  });
});
