// The delivery fee on checks (issue 16 gap): taxed at the location's delivery fee rate, a line of
// the first open check, kept once through a split and a discount, paid exactly by the checks; the
// setting edited with the location's settings. A paid check stores its fee (Check.deliveryFeeCents),
// which the end-of-day and sales reports and their CSVs sum once; the migration's backfill.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { addDiscount } from "@/lib/checks/add-discount";
import { parseCsvTable } from "@/lib/csv/parse";
import { getCheckForReceipt, getOrderChecks } from "@/lib/checks/get-order-checks";
import { splitChecks } from "@/lib/checks/split-checks";
import type { CustomerCtx } from "@/lib/customers/customer-session";
import { updateLocationSettings } from "@/lib/locations/update-location-settings";
import { getPublicMenu } from "@/lib/online/get-public-menu";
import type { SubmitOnlineOrderInput } from "@/lib/online/schemas";
import { submitOnlineOrder } from "@/lib/online/submit-online-order";
import { recordPayment } from "@/lib/payments/record-payment";
import { blindIndex, encryptPii } from "@/lib/pii/pii-crypto";
import { piiKeyring } from "@/lib/pii/keyring";
import { receiptDocument } from "@/lib/printing/receipt-document";
import { endOfDayCsv, getEndOfDay } from "@/lib/reports/end-of-day";
import { END_OF_DAY_CSV_COLUMNS } from "@/lib/reports/end-of-day-math";
import { getSalesReport, SALES_CSV_COLUMNS, salesCsv } from "@/lib/reports/sales-report";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { expectAppError, resetDb, testDb } from "./helpers";

const KITCHEN = { lat: 40.7128, lng: -74.006 };
const INSIDE = { lat: 40.7218, lng: -74.006 };

let loc: BuiltLocation;
let other: BuiltLocation;
let manager: Ctx, cashier: Ctx;
let burger: string;
let fries: string;
let ana: CustomerCtx;
let anaHome: string;

async function buildCustomer(locationId: string): Promise<{ ctx: CustomerCtx; home: string }> {
  const ring = piiKeyring();
  const phone = "+12025550177";
  const c = await testDb().customer.create({
    data: {
      locationId,
      firstName: "Ana",
      phoneEnc: encryptPii(ring, phone),
      phoneHash: blindIndex(ring, "phone", phone),
    },
  });
  const a = await testDb().customerAddress.create({
    data: {
      customerId: c.id,
      label: "Home",
      streetEnc: encryptPii(ring, "12 River St"),
      latitude: INSIDE.lat,
      longitude: INSIDE.lng,
    },
  });
  const ctx = {
    userId: null,
    locationId,
    requestId: randomUUID(),
    customerId: c.id,
    sessionId: randomUUID(),
    firstName: "Ana",
  };
  return { ctx, home: a.id };
}

const delivery = (): SubmitOnlineOrderInput => ({
  locationSlug: loc.slug,
  fulfilment: "DELIVERY",
  addressId: anaHome,
  lines: [
    { menuItemId: burger, quantity: 2 },
    { menuItemId: fries, quantity: 1 },
  ],
  payment: "CASH_ON_DELIVERY",
});

const pay = (checkId: string, amountCents: number) =>
  recordPayment(cashier, {
    checkId,
    tender: "CARD",
    amountCents,
    cardLast4: "4242",
    reference: "T-1",
    idempotencyKey: randomUUID(),
  });

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ name: "Fee Bistro", taxRateBps: 1000 });
  other = await buildLocation();
  ({ MANAGER: manager, CASHIER: cashier } = loc.ctx);
  await testDb().location.update({
    where: { id: loc.id },
    data: { onlineOrdering: true, latitude: KITCHEN.lat, longitude: KITCHEN.lng, onlineSlotCapacity: 50 },
  });
  const st = await buildStations(loc.id, [{ slug: "grill" }]);
  const mains = await buildCategory(loc.id, { name: "Mains", defaultStationId: st.grill });
  burger = (await buildMenuItem(loc.id, { categoryId: mains.id, name: "Burger", priceCents: 1500 })).id;
  fries = (await buildMenuItem(loc.id, { categoryId: mains.id, name: "Fries", priceCents: 500 })).id;
  await testDb().deliveryArea.create({
    data: {
      locationId: loc.id,
      name: "Close by",
      kind: "RADIUS",
      minMeters: 0,
      maxMeters: 3000,
      feeCents: 399,
      minimumCents: 0,
      travelMinutes: 15,
    },
  });
  ({ ctx: ana, home: anaHome } = await buildCustomer(loc.id));
});

describe("the delivery fee tax setting", () => {
  it("is edited with the location's settings: 0–10 000 bps or empty (the default rate), managers only, audited", async () => {
    const saved = await updateLocationSettings(manager, { deliveryFeeTaxRateBps: 2000 });
    expect(saved.deliveryFeeTaxRateBps).toBe(2000);
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { locationId: loc.id, action: "location.settings.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toMatchObject({
      before: { deliveryFeeTaxRateBps: null },
      after: { deliveryFeeTaxRateBps: 2000 },
    });

    for (const bad of [10_001, -1, 12.5, "20"]) {
      const e = await expectAppError(
        updateLocationSettings(manager, { deliveryFeeTaxRateBps: bad as number }),
        "VALIDATION",
      );
      expect(e.fieldErrors?.deliveryFeeTaxRateBps?.[0]).toBeTruthy();
    }
    await expectAppError(updateLocationSettings(cashier, { deliveryFeeTaxRateBps: 0 }), "FORBIDDEN");
    // Another location's manager changes their own location only.
    await updateLocationSettings(other.ctx.MANAGER, { deliveryFeeTaxRateBps: 0 });
    const mine = await testDb().location.findUniqueOrThrow({ where: { id: loc.id } });
    expect(mine.deliveryFeeTaxRateBps).toBe(2000);
    // The cart quotes with the fee's effective rate.
    expect((await getPublicMenu(loc.slug)).location.deliveryFeeTaxRateBps).toBe(2000);
  });
});

describe("a delivery order's checks", () => {
  // 2 × 15.00 + 5.00 = 35.00 at 10 % → 3.50; fee 3.99 at 20 % → 0.798 → 0.80; total 43.29.
  const ITEMS = 3500;
  const FEE = 399;
  const TAX = 350 + 80;

  it("carries the fee, taxed at its rate, on the only check, as the order's plain totals do", async () => {
    const placed = await submitOnlineOrder(ana, randomUUID(), delivery());
    expect(placed).toMatchObject({ subtotalCents: ITEMS, taxCents: TAX, deliveryFeeCents: FEE, totalCents: 4329 });
    const order = await testDb().order.findUniqueOrThrow({ where: { id: placed.orderId } });
    expect(order).toMatchObject({ deliveryFeeTaxRateBps: 2000, totalCents: 4329, dueCents: 4329 });
    const view = await getOrderChecks(cashier, { orderId: placed.orderId });
    expect(view.checks).toHaveLength(1);
    expect(view.checks[0]).toMatchObject({
      subtotalCents: ITEMS,
      deliveryFeeCents: FEE,
      taxCents: TAX,
      totalCents: 4329,
      balanceCents: 4329,
    });
    // The printed guest check shows the fee as its own line.
    const receipt = await getCheckForReceipt(cashier, { checkId: view.checks[0]!.id });
    const doc = receiptDocument(receipt, { printedAt: new Date() });
    expect(doc.lines).toContainEqual(
      expect.objectContaining({ kind: "columns", left: "Delivery fee", right: "$3.99" }),
    );
  });

  it("split in two and discounted, keeps the fee once on check 1; paying both pays the order exactly", async () => {
    const placed = await submitOnlineOrder(ana, randomUUID(), delivery());
    await splitChecks(cashier, { orderId: placed.orderId, by: "even", ways: 2 });
    let view = await getOrderChecks(cashier, { orderId: placed.orderId });
    expect(view.checks.map((c) => c.deliveryFeeCents)).toEqual([FEE, 0]);
    expect(view.checks.reduce((a, c) => a + c.subtotalCents, 0)).toBe(ITEMS);
    expect(view.checks.reduce((a, c) => a + c.taxCents, 0)).toBe(TAX);
    expect(view.checks.reduce((a, c) => a + c.totalCents, 0)).toBe(ITEMS + FEE + TAX);
    let order = await testDb().order.findUniqueOrThrow({ where: { id: placed.orderId } });
    expect(order.dueCents).toBe(ITEMS + FEE + TAX);

    // 10 % off check 1 takes 10 % of its food (17.50 → 1.75), never of the fee.
    const reason = await testDb().discountReason.create({ data: { locationId: loc.id, name: "Late", comp: false } });
    await addDiscount(manager, { checkId: view.checks[0]!.id, kind: "PERCENT", value: 1000, reasonId: reason.id });
    view = await getOrderChecks(cashier, { orderId: placed.orderId });
    const [one, two] = view.checks;
    expect(one).toMatchObject({ subtotalCents: 1750, discountCents: 175, deliveryFeeCents: FEE });
    // Check 1's tax: its share of 10 % on 15.75 + 17.50 (= 3.325 → 3.33 for the order) plus 0.80 on the fee.
    expect(one!.totalCents + two!.totalCents).toBe(ITEMS - 175 + FEE + 333 + 80);
    order = await testDb().order.findUniqueOrThrow({ where: { id: placed.orderId } });
    expect(order.dueCents).toBe(one!.totalCents + two!.totalCents);

    // Check 2 first: the fee stays owed on check 1; then check 1.
    await pay(two!.id, two!.totalCents);
    view = await getOrderChecks(cashier, { orderId: placed.orderId });
    expect(view.checks.map((c) => [c.status, c.deliveryFeeCents, c.balanceCents])).toEqual([
      ["OPEN", FEE, one!.totalCents],
      ["PAID", 0, 0],
    ]);
    await expectAppError(pay(one!.id, one!.totalCents + 1), "VALIDATION");
    await pay(one!.id, one!.totalCents);
    view = await getOrderChecks(cashier, { orderId: placed.orderId });
    // Paid, check 1 keeps the fee it was paid with (frozen), and nothing is owed again.
    expect(view.checks.map((c) => [c.status, c.deliveryFeeCents, c.balanceCents])).toEqual([
      ["PAID", FEE, 0],
      ["PAID", 0, 0],
    ]);
    expect(view.checks).toHaveLength(2);
    order = await testDb().order.findUniqueOrThrow({ where: { id: placed.orderId } });
    expect(order).toMatchObject({ paymentState: "PAID", paidCents: one!.totalCents + two!.totalCents });
    expect(order.paidCents).toBe(order.dueCents);
  });

  it("is untaxed at 0, and an order keeps the rate it was placed with", async () => {
    await updateLocationSettings(manager, { deliveryFeeTaxRateBps: 0 });
    const placed = await submitOnlineOrder(ana, randomUUID(), delivery());
    expect(placed).toMatchObject({ taxCents: 350, totalCents: ITEMS + FEE + 350 });
    // Changed again after submit: the order's fee keeps its snapshotted rate through a split.
    await updateLocationSettings(manager, { deliveryFeeTaxRateBps: null });
    await splitChecks(cashier, { orderId: placed.orderId, by: "even", ways: 2 });
    const view = await getOrderChecks(cashier, { orderId: placed.orderId });
    expect(view.checks.reduce((a, c) => a + c.totalCents, 0)).toBe(ITEMS + FEE + 350);
    // null: the next order's fee is taxed at the default 10 % (3.50 + 0.399 → 3.90 once per rate).
    const next = await submitOnlineOrder(ana, randomUUID(), delivery());
    expect(next.taxCents).toBe(390);
  });
});

describe("a paid check's stored fee", () => {
  const FEE = 399;
  const money = (c: number) => (c / 100).toFixed(2);

  it("is frozen on the check row when paid, equal to what the open check showed", async () => {
    const placed = await submitOnlineOrder(ana, randomUUID(), delivery());
    const open = (await getOrderChecks(cashier, { orderId: placed.orderId })).checks[0]!;
    expect(open).toMatchObject({ status: "OPEN", deliveryFeeCents: FEE });
    await pay(open.id, open.totalCents);

    const row = await testDb().check.findUniqueOrThrow({ where: { id: open.id } });
    expect(row).toMatchObject({
      status: "PAID",
      deliveryFeeCents: open.deliveryFeeCents,
      subtotalCents: open.subtotalCents,
      taxCents: open.taxCents,
      totalCents: open.totalCents,
    });
    // The fee is in the total once, beside the food and the tax, never in the subtotal.
    expect(
      row.subtotalCents -
        row.discountCents -
        row.compCents +
        row.serviceChargeCents +
        row.deliveryFeeCents +
        row.taxCents,
    ).toBe(row.totalCents);
    const paid = (await getOrderChecks(cashier, { orderId: placed.orderId })).checks[0]!;
    expect(paid).toMatchObject({ status: "PAID", deliveryFeeCents: FEE, totalCents: open.totalCents, balanceCents: 0 });
  });

  it("is summed once by the end-of-day and sales reports and their CSVs: sales + fees + tax = total", async () => {
    const paid = await testDb().check.findMany({ where: { locationId: loc.id, status: "PAID" } });
    const sum = (f: (c: (typeof paid)[number]) => number) => paid.reduce((a, c) => a + f(c), 0);
    const fees = sum((c) => c.deliveryFeeCents);
    // Two orders paid in full so far (the split one, on check 1 only, and the one above): each fee once.
    const paidOrders = await testDb().order.findMany({ where: { locationId: loc.id, paymentState: "PAID" } });
    expect(paidOrders).toHaveLength(2);
    expect(fees).toBe(paidOrders.reduce((a, o) => a + o.deliveryFeeCents, 0));
    expect(fees).toBe(2 * FEE);

    const eod = await getEndOfDay(manager, { preset: "today", compare: "none" });
    const t = eod.total;
    expect(t).toMatchObject({
      deliveryFeeCents: fees,
      grossCents: sum((c) => c.subtotalCents),
      taxCents: sum((c) => c.taxCents),
      totalCents: sum((c) => c.totalCents),
    });
    expect(t.netSalesCents + t.serviceChargeCents + t.deliveryFeeCents + t.taxCents).toBe(t.totalCents);
    const z = parseCsvTable(endOfDayCsv(eod), { required: END_OF_DAY_CSV_COLUMNS });
    expect(z.errors).toEqual([]);
    expect(z.rows).toHaveLength(1);
    const zr = z.rows[0]!.values;
    expect(zr).toMatchObject({ delivery_fees: money(fees), net_sales: money(t.netSalesCents), tax: money(t.taxCents) });
    const cents = (v: string | undefined) => Math.round(Number(v) * 100);
    expect(cents(zr.net_sales) + cents(zr.service_charge) + cents(zr.delivery_fees) + cents(zr.tax)).toBe(t.totalCents);

    const sales = await getSalesReport(manager, { preset: "today", groupBy: "source", compare: "none" });
    expect(sales.total.deliveryFeeCents).toBe(fees);
    expect(sales.rows.find((r) => r.key === "DELIVERY")?.deliveryFeeCents).toBe(fees);
    const csv = parseCsvTable(salesCsv(sales), { required: SALES_CSV_COLUMNS });
    expect(csv.errors).toEqual([]);
    expect(csv.rows.map((r) => [r.values.group, r.values.delivery_fees])).toEqual([
      ["Online delivery", money(fees)],
      ["TOTAL", money(fees)],
    ]);
    const total = csv.rows.at(-1)!.values;
    expect(cents(total.net_sales) + cents(total.service_charge) + cents(total.delivery_fees) + cents(total.tax)).toBe(
      t.totalCents,
    );

    // Another location's report holds none of these fees.
    expect((await getEndOfDay(other.ctx.MANAGER, { preset: "today", compare: "none" })).total.deliveryFeeCents).toBe(0);
    await expectAppError(getEndOfDay(cashier, { preset: "today" }), "FORBIDDEN");
  });

  it("is backfilled by the migration from the figures the reports used to subtract, and never negative", async () => {
    const sql = readFileSync(
      path.join(process.cwd(), "prisma/migrations/20261203110000_check_delivery_fee/migration.sql"),
      "utf8",
    );
    const backfill = /UPDATE "Check"[\s\S]*?;/.exec(sql)?.[0];
    expect(backfill).toBeTruthy();
    const live = { locationId: loc.id, status: { in: ["PAID" as const, "OPEN" as const] } };
    const read = () =>
      testDb().check.findMany({
        where: live,
        select: { id: true, status: true, deliveryFeeCents: true },
        orderBy: { id: "asc" },
      });
    const before = await read();
    expect(before.filter((c) => c.status === "PAID" && c.deliveryFeeCents === FEE)).toHaveLength(2);
    expect(before.filter((c) => c.status === "PAID" && c.deliveryFeeCents === 0).length).toBeGreaterThan(0);

    // As the rows stood before the column: every fee 0, the totals holding them.
    await testDb().check.updateMany({ where: live, data: { deliveryFeeCents: 0 } });
    await testDb().$executeRawUnsafe(backfill!);
    expect(await read()).toEqual(before);

    const one = before[0]!.id;
    await expect(testDb().$executeRaw`UPDATE "Check" SET "deliveryFeeCents" = -1 WHERE id = ${one}`).rejects.toThrow(
      /Check_deliveryFeeCents_nonnegative/,
    );
  });
});
