// A night through the real use cases (split, comp, discount, cash with change, card with tip,
// refund, a drawer) and the end-of-day report of that business day, to the cent.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { getOrderChecks } from "@/lib/checks/get-order-checks";
import { splitChecks } from "@/lib/checks/split-checks";
import { addDiscount } from "@/lib/checks/add-discount";
import { recordPayment } from "@/lib/payments/record-payment";
import { refundPayment } from "@/lib/payments/refund-payment";
import { getEndOfDay } from "@/lib/reports/end-of-day";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { resetDb, testDb } from "./helpers";

let loc: BuiltLocation;
let server: Ctx, cashier: Ctx, manager: Ctx;
const dish: Record<string, string> = {};
let tables: Record<string, string>;
let comp: string, birthday: string;

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ taxRateBps: 825, timezone: "UTC" });
  ({ SERVER: server, CASHIER: cashier, MANAGER: manager } = loc.ctx);
  const st = await buildStations(loc.id, [{ slug: "grill", name: "Grill" }]);
  const categoryId = (await buildCategory(loc.id, { name: "Food", defaultStationId: st.grill })).id;
  for (const [name, cents] of [
    ["Steak", 3400],
    ["Fish", 2850],
    ["Pasta", 1975],
    ["Tart", 950],
  ] as const)
    dish[name] = (await buildMenuItem(loc.id, { categoryId, name, stationId: st.grill, priceCents: cents })).id;
  tables = await buildTables(loc.id, ["1", "2"]);
  const db = testDb();
  await db.location.update({
    where: { id: loc.id },
    data: {
      discountLimits: { SERVER: 5000 },
      businessDayCutoffHour: 0,
      serviceChargeRules: [{ name: "Large party", minGuests: 6, rateBps: 1800 }],
    },
  });
  comp = (await db.discountReason.create({ data: { locationId: loc.id, name: "Kitchen error", comp: true } })).id;
  birthday = (await db.discountReason.create({ data: { locationId: loc.id, name: "Birthday" } })).id;
});

const key = () => randomUUID();

describe("a night's checks in the end-of-day report", () => {
  it("adds up to the cent", async () => {
    // Table 1: four guests, split by seat, a comped tart, cash with change and card with a tip.
    const a = await openOrder(server, { tableId: tables["1"], guestCount: 4 });
    await sendOrder(server, {
      orderId: a.orderId,
      idempotencyKey: key(),
      items: [
        { menuItemId: dish.Steak!, quantity: 1, seat: 1 },
        { menuItemId: dish.Fish!, quantity: 1, seat: 2 },
        { menuItemId: dish.Pasta!, quantity: 1, seat: 3 },
        { menuItemId: dish.Tart!, quantity: 1, seat: 4 },
      ],
    });
    await splitChecks(server, { orderId: a.orderId, by: "seat" });
    let view = await getOrderChecks(server, { orderId: a.orderId });
    const tartCheck = view.checks.find((c) => c.lines.some((l) => l.name === "Tart"))!;
    await addDiscount(server, {
      checkId: tartCheck.id,
      orderItemId: tartCheck.lines[0]!.orderItemId,
      kind: "PERCENT",
      value: 10_000,
      reasonId: comp,
    });
    view = await getOrderChecks(server, { orderId: a.orderId });
    const payments = [];
    for (const [i, c] of view.checks.entries()) {
      if (c.totalCents === 0) continue;
      payments.push(
        i % 2 === 0
          ? await recordPayment(cashier, {
              checkId: c.id,
              tender: "CASH",
              amountCents: c.totalCents + 1000,
              tenderedCents: c.totalCents + 1000,
              idempotencyKey: key(),
            })
          : await recordPayment(cashier, {
              checkId: c.id,
              tender: "CARD",
              amountCents: c.totalCents,
              tipCents: 700,
              cardLast4: "4242",
              reference: `T${i}`,
              idempotencyKey: key(),
            }),
      );
    }
    // The comped check (total 0) is paid by nobody; closing the table settles it, so its comp counts.
    await testDb().orderItem.updateMany({ where: { orderId: a.orderId }, data: { status: "SERVED" } });
    const owed = (await getOrderChecks(server, { orderId: a.orderId })).order.owedCents;
    expect(owed).toBe(0);
    // The comped check owes nothing, so the table counts as paid.
    expect((await testDb().order.findUniqueOrThrow({ where: { id: a.orderId } })).paymentState).toBe("PAID");
    await updateOrderStatus(server, { orderId: a.orderId, status: "CLOSED" });

    // Table 2: a party of six (service charge), a 10 % birthday discount, one card, a partial refund.
    const b = await openOrder(server, { tableId: tables["2"], guestCount: 6 });
    await sendOrder(server, {
      orderId: b.orderId,
      idempotencyKey: key(),
      items: [
        { menuItemId: dish.Steak!, quantity: 3, seat: null },
        { menuItemId: dish.Pasta!, quantity: 3, seat: null },
      ],
    });
    const [only] = (await getOrderChecks(server, { orderId: b.orderId })).checks;
    await addDiscount(server, { checkId: only!.id, kind: "PERCENT", value: 1000, reasonId: birthday });
    const bill = (await getOrderChecks(server, { orderId: b.orderId })).checks[0]!;
    const gross = 3 * 3400 + 3 * 1975;
    expect(bill.subtotalCents).toBe(gross);
    expect(bill.discountCents).toBe(Math.floor((gross * 1000 + 5000) / 10_000));
    expect(bill.serviceChargeCents).toBe(Math.floor(((gross - bill.discountCents) * 1800 + 5000) / 10_000));
    const card = await recordPayment(cashier, {
      checkId: bill.id,
      tender: "CARD",
      amountCents: bill.totalCents,
      tipCents: 1500,
      cardLast4: "1881",
      reference: "BIG",
      idempotencyKey: key(),
    });
    await refundPayment(manager, { paymentId: card.paymentId, amountCents: 500, reason: "Slow service" });
    await testDb().orderItem.updateMany({ where: { orderId: b.orderId }, data: { status: "SERVED" } });
    await updateOrderStatus(server, { orderId: b.orderId, status: "CLOSED" });

    // What the checks say, summed by hand from the stored checks and payments…
    const checks = await testDb().check.findMany({ where: { locationId: loc.id, status: "PAID" } });
    const allPayments = await testDb().payment.findMany({ where: { locationId: loc.id } });
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    // …and what the Z report says for today.
    const report = await getEndOfDay(manager, {});
    const day = report.total;
    expect(day.grossCents).toBe(sum(checks.map((c) => c.subtotalCents)));
    expect(day.discountCents).toBe(sum(checks.map((c) => c.discountCents)));
    expect(day.compCents).toBe(sum(checks.map((c) => c.compCents)));
    expect(day.compCents).toBe(950);
    expect(day.checks).toBe(5);
    expect(day.serviceChargeCents).toBe(bill.serviceChargeCents);
    expect(day.taxCents).toBe(sum(checks.map((c) => c.taxCents)));
    expect(day.refundCents).toBe(500);
    expect(day.tipsCents).toBe(sum(allPayments.map((p) => p.tipCents)));
    expect(day.paymentsCents).toBe(sum(allPayments.map((p) => p.amountCents)));
    expect(day.tenders.CASH.amountCents).toBe(
      sum(allPayments.filter((p) => p.tender === "CASH").map((p) => p.amountCents)),
    );
    expect(day.netSalesCents).toBe(day.grossCents - day.discountCents - day.compCents);
    // Every paid check's total is what its payments brought in.
    expect(day.paymentsCents).toBe(sum(checks.map((c) => c.totalCents)));
    expect(payments.every((p) => p.checkPaid)).toBe(true);
  });
});
