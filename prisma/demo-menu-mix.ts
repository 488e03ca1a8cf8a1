// Demo menu-engineering history (issue 14): the Bistro's "Autumn Specials", a category now off
// the menu (inactive: the floor and guest menus do not show it), sold every evening of business
// days 4 to 35 before today with fixed quantities, each dish costed by a recipe of the Bistro's
// own ingredients. Within the category the matrix is the same for any span of those days:
//
//   dish                   price   food cost          margin   sold/day  mix     class
//   Steak Frites Special   42.00   18.00 (1 strip)    24.00    8         38.1 %  STAR
//   Double Smash Burger    16.00    8.50 (2 patties,   7.50    9         42.9 %  PLOWHORSE
//                                        1 brioche bun)
//   Salmon en Croûte       36.00    3.80 (200 g)      32.20    2          9.5 %  PUZZLE
//   Chicken Pot Pie        12.00    1.90 (250 g)      10.10    2          9.5 %  DOG
//
// Popularity threshold 70 % × 1/4 = 17.5 %; weighted average margin (8×24 + 9×7.5 + 2×32.2 +
// 2×10.1) / 21 = 16.38. Costs move with receipts, so each class keeps a wide margin to its line.
// Days 1–3 are left alone: their Z reports belong to demo-money. Each evening five parties of four
// order them (PARTIES), each a paid order on a table that is free for its 85 minutes (check and
// card payment, tax at the location's rate), as demo-turns writes them. The lines are served from
// the pass (no station on the ticket, done when fired): the kitchen's times and learned prep
// times stay as they were. Written once: only while the category does not exist.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { businessDateOf } from "@/lib/time/business-day";
import { addDays, zonedInstant } from "@/lib/time/zoned";

type Tx = Prisma.TransactionClient;

export const DEMO_SPECIALS_CATEGORY = "Autumn Specials";
export const MENU_MIX_HISTORY_DAYS = { from: 4, to: 35 } as const;

export const DEMO_SPECIALS: {
  name: string;
  priceCents: number;
  perDay: number;
  menuClass: "STAR" | "PLOWHORSE" | "PUZZLE" | "DOG";
  /** The station slug that makes it (every dish has one). */
  station: string;
  recipe: [ingredient: string, quantity: number][];
}[] = [
  {
    name: "Steak Frites Special",
    priceCents: 4200,
    perDay: 8,
    menuClass: "STAR",
    station: "grill",
    recipe: [["NY strip steaks", 1]],
  },
  {
    name: "Double Smash Burger",
    priceCents: 1600,
    perDay: 9,
    menuClass: "PLOWHORSE",
    station: "grill",
    recipe: [
      ["Beef patties", 2],
      ["Brioche buns", 1],
    ],
  },
  {
    name: "Salmon en Croûte",
    priceCents: 3600,
    perDay: 2,
    menuClass: "PUZZLE",
    station: "saute",
    recipe: [["Salmon fillet", 200]],
  },
  {
    name: "Chicken Pot Pie",
    priceCents: 1200,
    perDay: 2,
    menuClass: "DOG",
    station: "saute",
    recipe: [["Chicken breast", 250]],
  },
];

/** Each evening's parties: local start (hour, minute) and portions of each special, in DEMO_SPECIALS order. */
const PARTIES: { at: [number, number]; portions: [number, number, number, number] }[] = [
  { at: [17, 30], portions: [2, 2, 0, 0] },
  { at: [18, 0], portions: [2, 2, 0, 0] },
  { at: [18, 45], portions: [2, 2, 1, 0] },
  { at: [19, 15], portions: [2, 2, 0, 1] },
  { at: [20, 0], portions: [0, 1, 1, 1] },
];
const PARTY_SIZE = 4;
const STAY_MINUTES = 85;

const pct = (cents: number, bps: number) => Math.round((cents * bps) / 10_000);

export async function seedMenuMixHistory(tx: Tx, locationId: string, users: Map<string, string>): Promise<void> {
  if (await tx.menuCategory.findUnique({ where: { locationId_name: { locationId, name: DEMO_SPECIALS_CATEGORY } } }))
    return;
  const location = await tx.location.findUniqueOrThrow({ where: { id: locationId } });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const category = await tx.menuCategory.create({
    data: { locationId, name: DEMO_SPECIALS_CATEGORY, sortOrder: 90, active: false },
  });
  const ingredients = new Map(
    (
      await tx.ingredient.findMany({
        where: { locationId, name: { in: DEMO_SPECIALS.flatMap((d) => d.recipe.map(([n]) => n)) } },
        select: { id: true, name: true },
      })
    ).map((i) => [i.name, i.id]),
  );
  const stations = new Map(
    (await tx.kitchenStation.findMany({ where: { locationId }, select: { id: true, slug: true } })).map((st) => [
      st.slug,
      st.id,
    ]),
  );
  const dishes = [];
  for (const [i, d] of DEMO_SPECIALS.entries()) {
    const item = await tx.menuItem.create({
      data: {
        locationId,
        categoryId: category.id,
        stationId: stations.get(d.station) ?? null,
        name: d.name,
        priceCents: d.priceCents,
        sortOrder: i,
        description: "An autumn special from the chef.",
        recipeLines: {
          create: d.recipe.map(([name, quantity]) => ({ locationId, ingredientId: ingredients.get(name)!, quantity })),
        },
      },
    });
    dishes.push({ ...d, id: item.id });
  }

  const today = businessDateOf(new Date(), rules);
  const first = zonedInstant(addDays(today, -MENU_MIX_HISTORY_DAYS.to - 1), 0, 0, rules.timeZone);
  // Tables of four or more, and when each is already taken: a table holds one party at a time.
  const tables = await tx.diningTable.findMany({
    where: { locationId, archivedAt: null, seats: { gte: PARTY_SIZE } },
    select: { id: true },
    orderBy: [{ seats: "asc" }, { label: "asc" }],
  });
  const taken = new Map<string, { from: number; to: number }[]>();
  for (const o of await tx.order.findMany({
    where: { locationId, tableId: { not: null }, openedAt: { gte: first } },
    select: { tableId: true, openedAt: true, closedAt: true },
  }))
    taken.set(o.tableId!, [
      ...(taken.get(o.tableId!) ?? []),
      { from: o.openedAt.getTime(), to: (o.closedAt ?? new Date(8.64e15)).getTime() },
    ]);
  const freeTable = (from: number, to: number) => {
    const t = tables.find((x) => (taken.get(x.id) ?? []).every((s) => s.to <= from || s.from >= to));
    if (t) taken.set(t.id, [...(taken.get(t.id) ?? []), { from, to }]);
    return t?.id ?? null;
  };

  const count = (MENU_MIX_HISTORY_DAYS.to - MENU_MIX_HISTORY_DAYS.from + 1) * PARTIES.length;
  const [{ orderNumber: last }] = await tx.$queryRaw<{ orderNumber: number }[]>`
    UPDATE "LocationCounter" SET "orderNumber" = "orderNumber" + ${count}
    WHERE "locationId" = ${locationId} RETURNING "orderNumber"`;
  let number = last - count;
  const serverId = users.get("server2@demo.kitchen") ?? null;
  const cashierId = users.get("cashier@demo.kitchen")!;
  const orders: Prisma.OrderCreateManyInput[] = [];
  const items: Prisma.OrderItemCreateManyInput[] = [];
  const checks: Prisma.CheckCreateManyInput[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];
  for (let back = MENU_MIX_HISTORY_DAYS.to; back >= MENU_MIX_HISTORY_DAYS.from; back--) {
    for (const party of PARTIES) {
      const at = zonedInstant(addDays(today, -back), party.at[0], party.at[1], rules.timeZone);
      const closedAt = new Date(at.getTime() + STAY_MINUTES * 60_000);
      const tableId = freeTable(at.getTime(), closedAt.getTime());
      if (!tableId) throw new Error(`No free table for the autumn specials at ${at.toISOString()}`);
      const firedAt = new Date(at.getTime() + 10 * 60_000);
      const lines = dishes.flatMap((d, i) => (party.portions[i] ? [{ d, qty: party.portions[i] }] : []));
      const subtotal = lines.reduce((s, l) => s + l.d.priceCents * l.qty, 0);
      const tax = pct(subtotal, location.taxRateBps);
      const total = subtotal + tax;
      const tip = pct(total, 1800);
      const orderId = randomUUID();
      const checkId = randomUUID();
      orders.push({
        id: orderId,
        locationId,
        number: ++number,
        tableId,
        serverId,
        status: "CLOSED",
        guestCount: PARTY_SIZE,
        subtotalCents: subtotal,
        taxCents: tax,
        totalCents: total,
        dueCents: total,
        paidCents: total,
        paymentState: "PAID",
        openedAt: at,
        closedAt,
        updatedAt: closedAt,
      });
      for (const l of lines)
        items.push({
          orderId,
          locationId,
          menuItemId: l.d.id,
          name: l.d.name,
          unitPriceCents: l.d.priceCents,
          taxRateBps: location.taxRateBps,
          quantity: l.qty,
          status: "SERVED",
          fireBatch: 1,
          firedAt,
          // Served from the pass: on no station's screen, so done when fired (as fireItems does).
          bumpedAt: firedAt,
          servedAt: new Date(at.getTime() + 35 * 60_000),
          createdAt: at,
          updatedAt: closedAt,
        });
      checks.push({
        id: checkId,
        locationId,
        orderId,
        number: 1,
        status: "PAID",
        subtotalCents: subtotal,
        taxCents: tax,
        totalCents: total,
        taxLines: [{ rateBps: location.taxRateBps, baseCents: subtotal, taxCents: tax }],
        paidCents: total,
        tipCents: tip,
        paidAt: closedAt,
        createdAt: at,
        updatedAt: closedAt,
      });
      payments.push({
        locationId,
        orderId,
        checkId,
        tender: "CARD",
        amountCents: total,
        tipCents: tip,
        changeCents: 0,
        cardBrand: "Visa",
        cardLast4: "4242",
        reference: `DEMO-SPECIALS-${number}`,
        createdById: cashierId,
        createdAt: closedAt,
      });
    }
  }
  await tx.order.createMany({ data: orders });
  await tx.orderItem.createMany({ data: items });
  await tx.check.createMany({ data: checks });
  await tx.payment.createMany({ data: payments });
}
