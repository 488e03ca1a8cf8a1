// Demo inventory history (issue 14): the Bistro's stock ledger over the four whole weeks before
// this week, so the inventory report has last week and last month to show. Every ingredient:
// - sales: a lunch and a dinner SALE movement a day, busier at the weekend (service totals, not
//   tied to the demo's past orders: those do not cover every ingredient);
// - deliveries: purchase orders RECEIVED on each supplier's delivery days, ordered up to par plus
//   the days until the next delivery, at prices that drift a little; salmon also comes from a
//   second supplier on Wednesdays, and its main supplier's price climbs;
// - waste: an entry every few days with a reason (spoiled, expired, dropped, …);
// - a POSTED close count on last week's Sunday, whose COUNT_CORRECTION brings each ingredient
//   back to its seeded level.
// The ledger nets to zero per ingredient (sales are scaled to what was received), so today's
// levels, what the low-stock and count specs read, are the seeded ones; the opening receipt is
// dated before the history (openingStockAt) so balanceAfter runs in time order. The ingredients'
// current unit costs are left as seeded. Written once: only while the location's ledger holds
// nothing after its opening receipts and no purchase order exists.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { businessDateOf, isoWeekday, weekStartOf, type DayRules } from "@/lib/time/business-day";
import { addDays, zonedInstant, type LocalDate } from "@/lib/time/zoned";

type Tx = Prisma.TransactionClient;

const newId = () => "d" + randomUUID().replaceAll("-", "").slice(0, 24);

export const INVENTORY_HISTORY_WEEKS = 4;
const DAYS = INVENTORY_HISTORY_WEEKS * 7;

/** Busier at the weekend: ISO weekday (1 = Monday) → share of an average day's usage. */
const WEEKDAY_FACTOR = [0, 0.75, 0.8, 0.9, 1, 1.3, 1.45, 1.1];
/** Delivery weekdays per supplier (ISO). */
const DELIVERY_DAYS: Record<string, number[]> = {
  "Casco Bay Provisions": [1, 3, 5],
  "Atlantic Meat & Seafood": [2, 5],
};
/**
 * Salmon, bought fresh three times a week, at least a case each time: from its own supplier (whose
 * price climbs with every delivery: the report's default price chart) and on Wednesdays from a
 * second one.
 */
const FRESH = {
  name: "Salmon fillet",
  secondSupplier: "Casco Bay Provisions",
  secondWeekday: 3,
  climbPerDelivery: 0.035,
  /** Share of its par used on an average day (others: a quarter). */
  dailyShareOfPar: 0.37,
};
const WASTE_REASONS = [
  "SPOILED",
  "EXPIRED",
  "DROPPED",
  "OVERPRODUCTION",
  "SPOILED: walk-in above 5 °C overnight",
  "STAFF_MEAL",
  "RETURNED",
  "EXPIRED",
];

/** The business-day rules of a location row. */
const rulesOf = (l: { timezone: string; businessDayCutoffHour: number }): DayRules => ({
  timeZone: l.timezone,
  cutoffHour: l.businessDayCutoffHour,
});

/** The first business date of the history: Monday four weeks before this week's. */
function historyStart(rules: DayRules, now: Date): LocalDate {
  return addDays(weekStartOf(businessDateOf(now, rules)), -DAYS);
}

/**
 * When the demo's opening stock was received: the morning before the history starts, so the
 * history's movements come after it in the ledger.
 */
export function openingStockAt(location: { timezone: string; businessDayCutoffHour: number }, now = new Date()): Date {
  const rules = rulesOf(location);
  return zonedInstant(addDays(historyStart(rules, now), -1), 9, 0, rules.timeZone);
}

/** A fixed pseudo-random number in [0, 1) for a pair of integers: the same on every machine. */
function wobble(a: number, b: number): number {
  const x = Math.sin(a * 12.9898 + b * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

type Ingredient = {
  id: string;
  name: string;
  baseUnit: "G" | "ML" | "EACH";
  size: number;
  cost: number;
  par: number;
  level: number;
  supplierName: string;
};
type Delivery = { day: number; supplier: string; cases: number; unitCostCents: number };

/** Rounds a base quantity the way a kitchen measures it: whole items, or 10 g / 10 ml. */
const measure = (q: number, unit: Ingredient["baseUnit"]) =>
  unit === "EACH" ? Math.round(q) : Math.round(q / 10) * 10;

/**
 * One ingredient's four weeks: daily sales (lunch, dinner), waste entries, deliveries and the
 * final count correction, with sales scaled so the ledger nets to zero.
 */
function planIngredient(ing: Ingredient, index: number, weekdays: number[]) {
  const fresh = ing.name === FRESH.name;
  const perDay = ing.par * (fresh ? FRESH.dailyShareOfPar : 0.25);
  const base = weekdays.map((wd, d) => perDay * WEEKDAY_FACTOR[wd] * (0.9 + 0.2 * wobble(index, d)));
  const waste = base.map((u, d) =>
    (d + index) % 5 === 2 ? Math.max(measure(u * 0.15, ing.baseUnit), ing.baseUnit === "EACH" ? 1 : 10) : 0,
  );
  const sourceOn = (wd: number) =>
    fresh && wd === FRESH.secondWeekday
      ? FRESH.secondSupplier
      : (DELIVERY_DAYS[ing.supplierName] ?? []).includes(wd)
        ? ing.supplierName
        : null;
  const deliveryDays = weekdays.flatMap((wd, d) => (sourceOn(wd) ? [d] : []));
  const lastWeekSales = base.slice(-7).reduce((s, u) => s + u, 0);
  const shrink = -measure(lastWeekSales * 0.02, ing.baseUnit);

  // Pass 1: order up to par plus the usage until the next delivery; the last delivery aims at
  // today's level after the rest of the month.
  let balance = ing.level;
  const deliveries: Delivery[] = [];
  const sum = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((s, x) => s + x, 0);
  let climb = 0;
  for (let d = 0; d < DAYS; d++) {
    const slot = deliveryDays.indexOf(d);
    if (slot >= 0) {
      const next = deliveryDays[slot + 1] ?? DAYS;
      const need = sum(base, d, next) + sum(waste, d, next);
      const last = slot === deliveryDays.length - 1;
      const supplier = sourceOn(weekdays[d])!;
      // Fresh fish comes on a standing order of at least a case per delivery.
      const standing = fresh ? 1 : 0;
      const cases = last
        ? Math.max(standing, Math.round((ing.level + need - shrink - balance) / ing.size))
        : Math.max(standing, Math.ceil((ing.par + need - balance) / ing.size));
      if (cases > 0) {
        const main = supplier === ing.supplierName;
        const trend = fresh && main ? FRESH.climbPerDelivery * climb++ : 0;
        // Delivery-to-delivery drift of ±1 %; the second source steady, 6 % above the seeded cost.
        const drift = main ? (wobble(index, 1000 + d) - 0.5) * 0.02 : 0;
        const unitCostCents = Math.round(ing.cost * (1 + trend + drift + (main ? 0 : 0.06)));
        deliveries.push({ day: d, supplier, cases, unitCostCents });
        balance += cases * ing.size;
      }
    }
    balance -= base[d] + waste[d];
  }

  // Pass 2: sales scaled so that received − sold − wasted + shrink = 0, measured per service.
  const received = deliveries.reduce((s, x) => s + x.cases * ing.size, 0);
  const wasted = waste.reduce((s, x) => s + x, 0);
  const totalBase = base.reduce((s, x) => s + x, 0);
  const k = (received - wasted + shrink) / totalBase;
  const sales = base.map((u) => [measure(u * k * 0.4, ing.baseUnit), measure(u * k * 0.6, ing.baseUnit)]);
  const sold = sales.reduce((s, [a, b]) => s + a + b, 0);
  const correction = -(received - sold - wasted);
  return { sales, waste, deliveries, correction };
}

export async function seedInventoryHistory(tx: Tx, locationId: string, users: Map<string, string>): Promise<void> {
  const location = await tx.location.findUniqueOrThrow({ where: { id: locationId } });
  const rules = rulesOf(location);
  const now = new Date();
  const start = historyStart(rules, now);
  const openedAt = openingStockAt(location, now);
  const [later, orders] = await Promise.all([
    tx.stockMovement.count({ where: { locationId, createdAt: { gt: openedAt } } }),
    tx.purchaseOrder.count({ where: { locationId } }),
  ]);
  if (later > 0 || orders > 0) return;

  const rows = await tx.ingredient.findMany({
    where: { locationId, archivedAt: null, defaultSupplierId: { not: null } },
    include: { stockLevel: true, defaultSupplier: true },
    orderBy: { name: "asc" },
  });
  const suppliers = new Map(
    (await tx.supplier.findMany({ where: { locationId } })).map((s) => [s.name, s.id] as const),
  );
  const manager = users.get("manager@demo.kitchen") ?? null;
  const chef = users.get("chef@demo.kitchen") ?? null;
  const weekdays = Array.from({ length: DAYS }, (_, d) => isoWeekday(addDays(start, d)));
  const at = (d: number, hour: number, minute = 0) => zonedInstant(addDays(start, d), hour, minute, rules.timeZone);

  type Event = {
    at: Date;
    delta: number;
    row: Omit<Prisma.StockMovementCreateManyInput, "quantityDelta" | "balanceAfter">;
  };
  const movements: Prisma.StockMovementCreateManyInput[] = [];
  const poLines = new Map<string, Prisma.PurchaseOrderLineCreateManyInput[]>(); // "day|supplier" → lines
  const countId = newId();
  const countLines: Prisma.StockCountLineCreateManyInput[] = [];
  const countAt = at(DAYS - 1, 23);
  const poIds = new Map<string, string>();
  const poKey = (day: number, supplier: string) => `${day}|${supplier}`;

  rows.forEach((row, index) => {
    const ing: Ingredient = {
      id: row.id,
      name: row.name,
      baseUnit: row.baseUnit,
      size: row.purchaseUnitSize.toNumber(),
      cost: row.costCentsPerPurchaseUnit,
      par: row.parLevel.toNumber(),
      level: row.stockLevel?.quantity.toNumber() ?? 0,
      supplierName: row.defaultSupplier!.name,
    };
    if (ing.par <= 0) return;
    const plan = planIngredient(ing, index, weekdays);
    const events: Event[] = [];
    const base = { locationId, ingredientId: ing.id };
    for (const x of plan.deliveries) {
      const key = poKey(x.day, x.supplier);
      if (!poIds.has(key)) poIds.set(key, newId());
      const lineId = newId();
      poLines.set(key, [
        ...(poLines.get(key) ?? []),
        {
          id: lineId,
          purchaseOrderId: poIds.get(key)!,
          ingredientId: ing.id,
          quantityOrdered: x.cases,
          quantityReceived: x.cases,
          unitCostCents: x.unitCostCents,
        },
      ]);
      events.push({
        at: at(x.day, 10),
        delta: x.cases * ing.size,
        row: { ...base, type: "RECEIPT", purchaseOrderLineId: lineId, actorId: manager },
      });
    }
    plan.sales.forEach(([lunch, dinner], d) => {
      if (lunch > 0)
        events.push({ at: at(d, 14, 30), delta: -lunch, row: { ...base, type: "SALE", reason: "Lunch service" } });
      if (dinner > 0)
        events.push({ at: at(d, 22), delta: -dinner, row: { ...base, type: "SALE", reason: "Dinner service" } });
    });
    plan.waste.forEach((q, d) => {
      if (q > 0)
        events.push({
          at: at(d, 16),
          delta: -q,
          row: { ...base, type: "WASTE", reason: WASTE_REASONS[(d + index) % WASTE_REASONS.length], actorId: chef },
        });
    });
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    let balance = ing.level;
    for (const e of events) {
      balance += e.delta;
      if (balance < 0) throw new Error(`Demo inventory history: ${ing.name} would go below zero`);
      movements.push({ ...e.row, createdAt: e.at, quantityDelta: e.delta, balanceAfter: balance });
    }
    countLines.push({ countId, ingredientId: ing.id, expectedQty: balance, countedQty: ing.level });
    if (plan.correction !== 0) {
      movements.push({
        ...base,
        type: "COUNT_CORRECTION",
        stockCountId: countId,
        actorId: manager,
        reason: "Sunday close count",
        createdAt: countAt,
        quantityDelta: plan.correction,
        balanceAfter: ing.level,
      });
    }
  });
  if (!movements.length) return;

  // Purchase orders in delivery order, numbered after any the location already has.
  const keys = [...poIds.keys()].sort(
    (a, b) => Number(a.split("|")[0]) - Number(b.split("|")[0]) || a.localeCompare(b),
  );
  const counter = await tx.locationCounter.upsert({
    where: { locationId },
    create: { locationId, poNumber: keys.length },
    update: { poNumber: { increment: keys.length } },
  });
  const first = counter.poNumber - keys.length + 1;
  const purchaseOrders: Prisma.PurchaseOrderCreateManyInput[] = keys.map((key, i) => {
    const [day, supplier] = key.split("|");
    const d = Number(day);
    const receivedAt = at(d, 10);
    return {
      id: poIds.get(key)!,
      locationId,
      number: first + i,
      supplierId: suppliers.get(supplier)!,
      status: "RECEIVED",
      expectedAt: receivedAt,
      // Ordered two days ahead (the first deliveries were ordered before the history began).
      sentAt: at(d - 2, 15),
      receivedAt,
      createdById: manager,
      createdAt: at(d - 2, 14, 45),
      updatedAt: receivedAt,
    };
  });
  const numberOfLine = new Map(
    keys.flatMap((key, i) => (poLines.get(key) ?? []).map((l) => [l.id!, first + i] as const)),
  );
  for (const m of movements) if (m.purchaseOrderLineId) m.reason = `PO #${numberOfLine.get(m.purchaseOrderLineId)}`;
  await tx.purchaseOrder.createMany({ data: purchaseOrders });
  await tx.purchaseOrderLine.createMany({ data: [...poLines.values()].flat() });
  await tx.stockCount.create({
    data: {
      id: countId,
      locationId,
      status: "POSTED",
      note: "Sunday close count",
      createdById: manager,
      createdAt: at(DAYS - 1, 22, 30),
      postedAt: countAt,
    },
  });
  await tx.stockCountLine.createMany({ data: countLines });
  await tx.stockMovement.createMany({ data: movements });
}
