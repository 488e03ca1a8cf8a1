// Demo money (issue 11): discount reasons and limits, and a few paid checks with their payments
// and a counted cash drawer on each of the three business days before today, so the end-of-day
// report and the drawer history have something to show. Idempotent like the rest of the seed:
// reasons are upserted, limits set only while empty, the history written only once.
import type { Prisma, TenderType } from "@/generated/prisma/client";
import { businessDateOf } from "@/lib/time/business-day";
import { addDays, zonedInstant, type LocalDate } from "@/lib/time/zoned";

type Tx = Prisma.TransactionClient;

export const DEMO_DISCOUNT_REASONS: { name: string; comp: boolean }[] = [
  { name: "Birthday", comp: false },
  { name: "Staff meal", comp: true },
  { name: "Kitchen error", comp: true },
  { name: "Manager's discretion", comp: false },
  { name: "Loyalty 10 %", comp: false },
];

export const DEMO_DISCOUNT_LIMITS = { SERVER: 1000, CASHIER: 2500 };

type Line = { item: number; qty: number };
type DemoCheck = {
  /** Local time on the business date; an hour below the cut-off falls on the next calendar day. */
  at: [number, number];
  table: string;
  guests: number;
  server: "server@demo.kitchen" | "server2@demo.kitchen";
  lines: Line[];
  /** A percent discount (basis points) or an amount comp, with its reason. */
  discount?: { reason: string; bps?: number; cents?: number; comp: boolean };
  /** How it was paid: card with a tip (basis points of the total), cash handed over, or both. */
  pay: { tender: TenderType; tipBps?: number; tendered?: number; part?: number }[];
};

// Three days of a small restaurant: lunch, dinner and one late check after midnight (still that
// business day). Lines point into the menu by index (stable: the demo menu's own order).
const DAYS: DemoCheck[][] = [
  [
    {
      at: [12, 40],
      table: "3",
      guests: 2,
      server: "server@demo.kitchen",
      lines: [
        { item: 9, qty: 2 },
        { item: 0, qty: 2 },
      ],
      pay: [{ tender: "CARD", tipBps: 1800 }],
    },
    {
      at: [19, 15],
      table: "5",
      guests: 4,
      server: "server2@demo.kitchen",
      lines: [
        { item: 6, qty: 1 },
        { item: 12, qty: 2 },
        { item: 14, qty: 2 },
        { item: 1, qty: 4 },
      ],
      discount: { reason: "Birthday", bps: 1000, comp: false },
      pay: [{ tender: "CARD", tipBps: 2000 }],
    },
    {
      at: [20, 30],
      table: "1",
      guests: 2,
      server: "server@demo.kitchen",
      lines: [
        { item: 10, qty: 2 },
        { item: 3, qty: 2 },
      ],
      pay: [{ tender: "CASH", tendered: 10000 }],
    },
    {
      at: [1, 10],
      table: "2",
      guests: 1,
      server: "server2@demo.kitchen",
      lines: [{ item: 2, qty: 3 }],
      pay: [{ tender: "CASH", tendered: 2000 }],
    },
  ],
  [
    {
      at: [13, 5],
      table: "4",
      guests: 3,
      server: "server2@demo.kitchen",
      lines: [
        { item: 11, qty: 3 },
        { item: 0, qty: 3 },
      ],
      pay: [{ tender: "CASH", tendered: 6000 }],
    },
    {
      at: [18, 50],
      table: "6",
      guests: 2,
      server: "server@demo.kitchen",
      lines: [
        { item: 13, qty: 2 },
        { item: 7, qty: 1 },
        { item: 4, qty: 2 },
      ],
      discount: { reason: "Kitchen error", cents: 1350, comp: true },
      pay: [{ tender: "CARD", tipBps: 1500 }],
    },
    {
      at: [21, 0],
      table: "5",
      guests: 4,
      server: "server@demo.kitchen",
      lines: [
        { item: 8, qty: 2 },
        { item: 15, qty: 2 },
        { item: 5, qty: 4 },
      ],
      pay: [
        { tender: "CARD", tipBps: 1800, part: 5000 },
        { tender: "CASH", tendered: 10000 },
      ],
    },
  ],
  [
    {
      at: [12, 20],
      table: "1",
      guests: 2,
      server: "server@demo.kitchen",
      lines: [
        { item: 16, qty: 2 },
        { item: 1, qty: 2 },
      ],
      discount: { reason: "Loyalty 10 %", bps: 1000, comp: false },
      pay: [{ tender: "CARD", tipBps: 1800 }],
    },
    {
      at: [19, 40],
      table: "3",
      guests: 2,
      server: "server2@demo.kitchen",
      lines: [
        { item: 12, qty: 2 },
        { item: 3, qty: 2 },
      ],
      pay: [{ tender: "CASH", tendered: 8000 }],
    },
    {
      at: [20, 10],
      table: "6",
      guests: 1,
      server: "server2@demo.kitchen",
      lines: [
        { item: 9, qty: 1 },
        { item: 0, qty: 1 },
      ],
      discount: { reason: "Staff meal", bps: 10000, comp: true },
      pay: [],
    },
  ],
];

const pct = (cents: number, bps: number) => Math.round((cents * bps) / 10_000);

export async function seedMoney(tx: Tx, locationId: string, users: Map<string, string>): Promise<void> {
  for (const [i, r] of DEMO_DISCOUNT_REASONS.entries()) {
    await tx.discountReason.upsert({
      where: { locationId_name: { locationId, name: r.name } },
      create: { locationId, name: r.name, comp: r.comp, sortOrder: i },
      update: {},
    });
  }
  await tx.location.updateMany({
    where: { id: locationId, discountLimits: { equals: {} } },
    data: { discountLimits: DEMO_DISCOUNT_LIMITS },
  });
  if ((await tx.check.count({ where: { locationId } })) > 0) return;

  const location = await tx.location.findUniqueOrThrow({ where: { id: locationId } });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const menu = await tx.menuItem.findMany({
    where: { locationId, archivedAt: null },
    orderBy: [{ category: { sortOrder: "asc" } }, { sortOrder: "asc" }, { name: "asc" }],
  });
  const tables = new Map(
    (await tx.diningTable.findMany({ where: { locationId }, select: { id: true, label: true } })).map((t) => [
      t.label,
      t.id,
    ]),
  );
  const cashierId = users.get("cashier@demo.kitchen")!;
  const managerId = users.get("manager@demo.kitchen")!;
  const today = businessDateOf(new Date(), rules);

  for (const [back, checks] of DAYS.entries()) {
    const date = addDays(today, -(back + 1));
    const at = (h: number, m: number) =>
      zonedInstant(h < rules.cutoffHour ? addDays(date, 1) : date, h, m, rules.timeZone);
    const drawer = await tx.cashDrawerSession.create({
      data: { locationId, name: "Front till", openedById: cashierId, openedAt: at(11, 0), openingFloatCents: 20000 },
    });
    let drawerCash = 0;
    for (const c of checks) {
      drawerCash += await seedPaidCheck(tx, {
        locationId,
        c,
        paidAt: at(...c.at),
        menu,
        tables,
        users,
        date,
        drawerId: drawer.id,
        taxRateBps: location.taxRateBps,
        cashierId,
      });
    }
    await tx.cashMovement.create({
      data: {
        locationId,
        sessionId: drawer.id,
        kind: "PAY_OUT",
        amountCents: 1850,
        reason: "Fresh herbs from the market",
        actorId: cashierId,
        createdAt: at(15, 0),
      },
    });
    const expectedCents = 20000 + drawerCash - 1850;
    // One evening a quarter went missing: the history shows a small shortage.
    const countedCents = back === 1 ? expectedCents - 25 : expectedCents;
    await tx.cashDrawerSession.update({
      where: { id: drawer.id },
      data: {
        closedAt: at(2, 0),
        closedById: managerId,
        expectedCents,
        countedCents,
        varianceCents: countedCents - expectedCents,
      },
    });
  }
}

async function seedPaidCheck(
  tx: Tx,
  a: {
    locationId: string;
    c: DemoCheck;
    paidAt: Date;
    date: LocalDate;
    menu: { id: string; name: string; priceCents: number; stationId: string | null; taxRateBps: number | null }[];
    tables: Map<string, string>;
    users: Map<string, string>;
    drawerId: string;
    taxRateBps: number;
    cashierId: string;
  },
): Promise<number> {
  const { locationId, c, paidAt } = a;
  const lines = c.lines.map((l) => ({ item: a.menu[l.item % a.menu.length], qty: l.qty }));
  const subtotal = lines.reduce((s, l) => s + l.item.priceCents * l.qty, 0);
  const off = c.discount ? (c.discount.cents ?? pct(subtotal, c.discount.bps ?? 0)) : 0;
  const discountCents = c.discount && !c.discount.comp ? off : 0;
  const compCents = c.discount?.comp ? off : 0;
  const taxCents = pct(subtotal - off, a.taxRateBps);
  const total = subtotal - off + taxCents;
  const [{ orderNumber }] = await tx.$queryRaw<{ orderNumber: number }[]>`
    UPDATE "LocationCounter" SET "orderNumber" = "orderNumber" + 1 WHERE "locationId" = ${locationId} RETURNING "orderNumber"`;
  const serverId = a.users.get(c.server)!;
  const openedAt = new Date(paidAt.getTime() - 75 * 60_000);
  const order = await tx.order.create({
    data: {
      locationId,
      number: orderNumber,
      tableId: a.tables.get(c.table) ?? null,
      serverId,
      status: "CLOSED",
      guestCount: c.guests,
      subtotalCents: subtotal,
      taxCents: pct(subtotal, a.taxRateBps),
      totalCents: subtotal + pct(subtotal, a.taxRateBps),
      dueCents: total,
      paidCents: total,
      paymentState: "PAID",
      openedAt,
      closedAt: paidAt,
      items: {
        create: lines.map((l) => ({
          locationId,
          menuItemId: l.item.id,
          stationId: l.item.stationId,
          name: l.item.name,
          unitPriceCents: l.item.priceCents,
          taxRateBps: a.taxRateBps,
          quantity: l.qty,
          status: "SERVED" as const,
          fireBatch: 1,
          firedAt: new Date(openedAt.getTime() + 5 * 60_000),
          servedAt: new Date(openedAt.getTime() + 25 * 60_000),
          createdAt: openedAt,
        })),
      },
    },
  });
  // Payments: a part on card (with its tip) and the rest in cash, or one tender for the whole.
  let rest = total;
  let cash = 0;
  let tips = 0;
  const payments: Prisma.PaymentCreateManyInput[] = [];
  for (const p of c.pay) {
    const amount = Math.min(p.part ?? rest, rest);
    rest -= amount;
    const tip = p.tender === "CARD" ? pct(amount, p.tipBps ?? 0) : 0;
    tips += tip;
    const tendered = p.tender === "CASH" ? Math.max(p.tendered ?? amount, amount) : null;
    if (p.tender === "CASH") cash += amount;
    payments.push({
      locationId,
      orderId: order.id,
      checkId: "",
      tender: p.tender,
      amountCents: amount,
      tipCents: tip,
      tenderedCents: tendered,
      changeCents: tendered === null ? 0 : tendered - amount,
      cardBrand: p.tender === "CARD" ? "Visa" : null,
      cardLast4: p.tender === "CARD" ? "4242" : null,
      reference: p.tender === "CARD" ? `DEMO${orderNumber}` : null,
      drawerSessionId: p.tender === "CASH" ? a.drawerId : null,
      createdById: a.cashierId,
      createdAt: paidAt,
    });
  }
  const check = await tx.check.create({
    data: {
      locationId,
      orderId: order.id,
      number: 1,
      status: "PAID",
      subtotalCents: subtotal,
      discountCents,
      compCents,
      taxCents,
      totalCents: total,
      taxLines: [{ rateBps: a.taxRateBps, baseCents: subtotal - off, taxCents }],
      paidCents: total,
      tipCents: tips,
      paidAt,
      createdAt: openedAt,
    },
  });
  if (c.discount) {
    await tx.checkDiscount.create({
      data: {
        locationId,
        checkId: check.id,
        kind: c.discount.cents ? "AMOUNT" : "PERCENT",
        value: c.discount.cents ?? c.discount.bps ?? 0,
        comp: c.discount.comp,
        reason: c.discount.reason,
        amountCents: off,
        createdById: serverId,
        approvedById: off > 1000 ? a.users.get("manager@demo.kitchen")! : null,
        createdAt: new Date(paidAt.getTime() - 10 * 60_000),
      },
    });
  }
  if (payments.length) await tx.payment.createMany({ data: payments.map((p) => ({ ...p, checkId: check.id })) });
  return cash;
}
