import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOCATION_SLUG, DEMO_USERS } from "@/prisma/demo-seed";
import { guestPhoneHash } from "@/lib/reservations/guest-contact";
import { getWaitStatus } from "@/lib/waitlist/get-wait-status";
import { loadTurnTimes } from "@/lib/waitlist/load-quote-floor";
import { DEMO_WAIT_TOKEN, demoTurnRange } from "@/prisma/demo-turns";
import { DEMO_SPECIALS, DEMO_SPECIALS_CATEGORY } from "@/prisma/demo-menu-mix";
import { getProductMix } from "@/lib/reports/product-mix";
import { getLabourReport } from "@/lib/reports/labour-report";
import { LABOUR_HISTORY_WEEKS } from "@/prisma/demo-labour";
import { getInventoryReport } from "@/lib/reports/inventory-report";
import { INVENTORY_HISTORY_WEEKS } from "@/prisma/demo-inventory-history";
import { ctxFor, resetDb, seedFixture, testDb } from "./helpers";

/**
 * Row count and a content hash of every table: "changes nothing" down to timestamps. One query:
 * PostgreSQL quotes each table name itself (format %I) and runs the per-table count through
 * query_to_xml, so no identifier is spliced into SQL from JS.
 */
async function fingerprint(): Promise<Record<string, string>> {
  const rows = await testDb().$queryRaw<{ tablename: string; fp: string }[]>`
    SELECT tablename,
           (xpath('/row/fp/text()', query_to_xml(format(
             'SELECT count(*) || '':'' || md5(coalesce(string_agg(t::text, ''|'' ORDER BY t::text), '''')) AS fp FROM %I t',
             tablename), false, true, '')))[1]::text AS fp
    FROM pg_tables WHERE schemaname = current_schema()
      -- The menu cache's version moves with every statement on a menu table (ADR 0048), data or not.
      AND tablename <> 'MenuVersion'
    ORDER BY tablename`;
  return Object.fromEntries(rows.map((r) => [r.tablename, r.fp]));
}

describe("demo seed", () => {
  beforeAll(async () => {
    await resetDb();
    await seedFixture();
  });

  it("is idempotent: a second run changes and duplicates nothing", async () => {
    const before = await fingerprint();
    expect(Object.values(before).every((fp) => /^\d+:[0-9a-f]{32}$/.test(fp))).toBe(true);
    await seedFixture();
    expect(await fingerprint()).toEqual(before);
    const db = testDb();
    expect(await db.location.count()).toBe(2);
    expect(await db.user.count()).toBe(DEMO_USERS.length);
    expect(await db.menuItem.count({ where: { location: { slug: DEMO_LOCATION_SLUG } } })).toBeGreaterThanOrEqual(40);
    expect(await db.diningTable.count({ where: { location: { slug: DEMO_LOCATION_SLUG } } })).toBe(20);
    // One opening receipt per ingredient; the history's receipts belong to purchase orders.
    expect(await db.stockMovement.count({ where: { type: "RECEIPT", purchaseOrderLineId: null } })).toBe(
      await db.ingredient.count(),
    );
  });

  it("has service periods, guests with history and tonight's book of reservations on free tables", async () => {
    const db = testDb();
    const location = { slug: DEMO_LOCATION_SLUG };
    expect(
      (await db.servicePeriod.findMany({ where: { location }, orderBy: { startMinute: "asc" } })).map((p) => p.name),
    ).toEqual(["Lunch", "Dinner"]);
    const tonight = await db.reservation.findMany({
      where: { location, status: { in: ["BOOKED", "CONFIRMED"] } },
      include: { tables: true, guest: true },
    });
    expect(tonight.length).toBeGreaterThanOrEqual(15);
    expect(tonight.every((r) => r.tables.length > 0 && r.tables.every((t) => t.active))).toBe(true);
    expect(tonight.some((r) => r.tags.includes("ALLERGY") && r.allergyNotes)).toBe(true);
    expect(tonight.some((r) => r.partySize === 8)).toBe(true);
    const elena = await db.guest.findFirstOrThrow({ where: { location, phoneHash: guestPhoneHash("+12075550163") } });
    expect(elena.visitCount).toBe(await db.reservation.count({ where: { guestId: elena.id, status: "COMPLETED" } }));
    expect(await db.guest.count({ where: { location, noShowCount: { gt: 0 } } })).toBeGreaterThan(0);
  });

  it("has four weeks of turn-time history (paid, consistent) and past and present waitlist parties", async () => {
    const db = testDb();
    const bistro = await db.location.findUniqueOrThrow({ where: { slug: DEMO_LOCATION_SLUG } });
    const turns = await loadTurnTimes(bistro.id);
    for (const size of [2, 4, 6] as const) {
      const [lo, hi] = demoTurnRange(size);
      expect(turns[size], `turn for ${size}`).toBeGreaterThanOrEqual(lo);
      expect(turns[size], `turn for ${size}`).toBeLessThanOrEqual(hi);
    }
    const history = await db.order.findMany({
      where: { locationId: bistro.id, status: "CLOSED", openedAt: { lt: new Date(Date.now() - 3.5 * 86_400_000) } },
      include: { checks: { include: { payments: true } } },
    });
    expect(history.length).toBeGreaterThan(200);
    for (const o of history) {
      const minutes = (o.closedAt!.getTime() - o.openedAt.getTime()) / 60_000;
      const [lo, hi] = demoTurnRange(o.guestCount);
      expect(minutes).toBeGreaterThanOrEqual(lo);
      expect(minutes).toBeLessThanOrEqual(hi);
      expect(o.tableId).not.toBeNull();
      const [check] = o.checks;
      expect(check).toMatchObject({ status: "PAID", totalCents: o.dueCents, paidCents: o.paidCents });
      expect(check.payments.reduce((n, p) => n + p.amountCents, 0)).toBe(check.totalCents);
    }
    // A table never holds two parties at once.
    const byTable = new Map<string, { from: number; to: number }[]>();
    for (const o of history) {
      const spans = byTable.get(o.tableId!) ?? [];
      spans.push({ from: o.openedAt.getTime(), to: o.closedAt!.getTime() });
      byTable.set(o.tableId!, spans);
    }
    for (const spans of byTable.values()) {
      spans.sort((a, b) => a.from - b.from);
      for (let i = 1; i < spans.length; i++) expect(spans[i].from).toBeGreaterThanOrEqual(spans[i - 1].to);
    }
    // Past walk-ins: seated on a WALK_IN booking whose order opened when they sat down.
    const seated = await db.waitlistEntry.findMany({
      where: { locationId: bistro.id, status: "SEATED" },
      include: { reservation: { include: { order: true } } },
    });
    expect(seated.length).toBeGreaterThan(20);
    for (const e of seated) {
      expect(e.reservation).toMatchObject({ source: "WALK_IN", status: "COMPLETED", partySize: e.partySize });
      expect(e.reservation!.order!.openedAt).toEqual(e.seatedAt);
      expect(e.seatedAt!.getTime()).toBeGreaterThanOrEqual(e.createdAt.getTime());
    }
    const waiting = await db.waitlistEntry.findMany({
      where: { locationId: bistro.id, status: { in: ["WAITING", "NOTIFIED"] } },
      include: { messages: true },
    });
    expect(waiting.map((w) => w.status).sort()).toEqual(["NOTIFIED", "WAITING", "WAITING"]);
    expect(waiting.find((w) => w.status === "NOTIFIED")!.messages).toMatchObject([{ status: "SHOWN" }]);
    expect(await getWaitStatus(DEMO_WAIT_TOKEN)).toMatchObject({ firstName: "Ravi", status: "NOTIFIED", position: 1 });
  });

  it("places the autumn specials in their menu-engineering quadrants for last week and last month", async () => {
    const manager = await ctxFor("manager@demo.kitchen");
    const category = await testDb().menuCategory.findFirstOrThrow({
      where: { location: { slug: DEMO_LOCATION_SLUG }, name: DEMO_SPECIALS_CATEGORY },
    });
    for (const preset of ["last-week", "last-month", "last-28-days"] as const) {
      const r = await getProductMix(manager, { preset, categoryId: category.id });
      expect(Object.fromEntries(r.items.map((i) => [i.name, i.menuClass])), preset).toEqual(
        Object.fromEntries(DEMO_SPECIALS.map((d) => [d.name, d.menuClass])),
      );
    }
  });

  it("has worked, costed labour on last week and none in this week's timesheet", async () => {
    const manager = await ctxFor("manager@demo.kitchen");
    const lastWeek = await getLabourReport(manager, { preset: "last-week", groupBy: "role" });
    // Six people on a five-day rota: 30 shifts of 6–9 h, less a half-hour break on each.
    expect(lastWeek.totals.workedMinutes).toBeGreaterThan(30 * 5 * 60);
    expect(lastWeek.totals.workedMinutes).toBeLessThan(30 * 9 * 60);
    expect(lastWeek.totals.costCents).toBeGreaterThan(0);
    expect(lastWeek.totals.uncostedMinutes).toBe(0);
    expect(lastWeek.totals.scheduledMinutes).toBeGreaterThan(0);
    expect(lastWeek.roles.map((r) => r.role).sort()).toEqual(["CASHIER", "CHEF", "HOST", "MANAGER", "SERVER"]);
    const thisWeek = await getLabourReport(manager, { preset: "this-week", groupBy: "day" });
    expect(thisWeek.totals.workedMinutes).toBe(0);
    const month = await getLabourReport(manager, { preset: "last-28-days", groupBy: "day" });
    expect(month.days.filter((d) => d.workedMinutes > 0).length).toBeGreaterThanOrEqual(LABOUR_HISTORY_WEEKS * 7 - 7);
  });

  it("has one demo user per role at the demo location (plus a second server and a second driver)", async () => {
    const db = testDb();
    const memberships = await db.membership.findMany({
      where: { location: { slug: DEMO_LOCATION_SLUG } },
      include: { user: true },
    });
    const byRole = new Map<string, string[]>();
    for (const m of memberships) byRole.set(m.role, [...(byRole.get(m.role) ?? []), m.user.email]);
    expect(Object.fromEntries([...byRole].map(([role, emails]) => [role, emails.sort()]))).toEqual({
      ADMIN: ["admin@demo.kitchen"],
      MANAGER: ["manager@demo.kitchen"],
      SERVER: ["server2@demo.kitchen", "server@demo.kitchen"],
      CHEF: ["chef@demo.kitchen"],
      CASHIER: ["cashier@demo.kitchen"],
      HOST: ["host@demo.kitchen"],
      DRIVER: ["driver2@demo.kitchen", "driver@demo.kitchen"],
    });
    const second = await db.membership.findMany({
      where: { location: { slug: "uptown-cafe" } },
      select: { role: true },
    });
    expect(second.map((m) => m.role).sort()).toEqual(["ADMIN", "MANAGER"]);
  });

  it("routes every menu item to a station of its own location", async () => {
    const items = await testDb().menuItem.findMany({ include: { station: true } });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.station, item.name).not.toBeNull();
      expect(item.station!.locationId).toBe(item.locationId);
    }
  });

  it("keeps every stock level non-negative and explained by its ledger, from the opening receipt on", async () => {
    const levels = await testDb().stockLevel.findMany({
      include: { ingredient: { include: { movements: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } } },
    });
    expect(levels.length).toBe(await testDb().ingredient.count());
    for (const level of levels) {
      const name = level.ingredient.name;
      expect(level.quantity.toNumber(), name).toBeGreaterThanOrEqual(0);
      const [opening, ...rest] = level.ingredient.movements;
      expect(opening.type, name).toBe("RECEIPT");
      expect(opening.reason, name).toBe("Opening stock");
      // balanceAfter is the running sum in time order, never below zero, and ends at the level.
      let balance = 0;
      for (const m of [opening, ...rest]) {
        balance += m.quantityDelta.toNumber();
        expect(m.balanceAfter.toNumber(), `${name} ${m.type} ${m.createdAt.toISOString()}`).toBeCloseTo(balance, 3);
        expect(balance, name).toBeGreaterThanOrEqual(0);
      }
      expect(balance, name).toBeCloseTo(level.quantity.toNumber(), 3);
      expect(level.ingredient.movements.at(-1)!.balanceAfter.toString(), name).toBe(level.quantity.toString());
    }
  });

  it("has last week's stock ledger: deliveries at moving prices from two suppliers, waste by reason, a count", async () => {
    const db = testDb();
    const manager = await ctxFor("manager@demo.kitchen");
    const r = await getInventoryReport(manager, { preset: "last-week" });
    expect(r.turnover.rows.length).toBeGreaterThanOrEqual(40);
    expect(r.turnover.totals.usageCents).toBeGreaterThan(0);
    expect(r.usage.totals.theoreticalCents).toBeGreaterThan(0);
    // The close count found some stock missing: actual usage exceeds what sales explain.
    expect(r.usage.totals.actualCents).toBeGreaterThan(r.usage.totals.theoreticalCents);
    expect(r.waste.byReason.length).toBeGreaterThanOrEqual(4);
    expect(r.waste.totalCents).toBeGreaterThan(0);
    expect(r.totals.purchasesCents).toBeGreaterThan(0);
    const salmon = r.prices.summary.filter((s) => s.ingredient === "Salmon fillet");
    expect(salmon.map((s) => s.supplier).sort()).toEqual(["Atlantic Meat & Seafood", "Casco Bay Provisions"]);
    expect(r.prices.summary.find((s) => s.ingredient === "Salmon fillet" && s.receipts >= 2)?.change).toBeGreaterThan(
      0,
    );
    expect(r.prices.chartIngredientId).toBe(salmon[0].ingredientId);
    const month = await getInventoryReport(manager, { preset: "last-28-days" });
    expect(
      new Set(month.prices.receipts.filter((x) => x.ingredient === "Salmon fillet").map((x) => x.unitCostCents)).size,
    ).toBeGreaterThan(3);
    // Every history order is received, numbered without gaps up to the location's counter.
    const orders = await db.purchaseOrder.findMany({
      where: { locationId: manager.locationId },
      orderBy: { number: "asc" },
    });
    expect(orders.length).toBeGreaterThanOrEqual(INVENTORY_HISTORY_WEEKS * 4);
    expect(orders.every((o) => o.status === "RECEIVED" && o.receivedAt)).toBe(true);
    expect(orders.map((o) => o.number)).toEqual(orders.map((_, i) => i + 1));
    expect((await db.locationCounter.findUniqueOrThrow({ where: { locationId: manager.locationId } })).poNumber).toBe(
      orders.length,
    );
    const count = await db.stockCount.findFirstOrThrow({ where: { locationId: manager.locationId, status: "POSTED" } });
    expect(
      await db.stockMovement.count({ where: { stockCountId: count.id, type: "COUNT_CORRECTION" } }),
    ).toBeGreaterThan(0);
    // Nothing of it in this week: today's levels are the seeded ones.
    const thisWeek = await getInventoryReport(manager, { preset: "this-week" });
    expect(thisWeek.waste.totalCents).toBe(0);
    expect(thisWeek.totals.purchasesCents).toBe(0);
  });

  it("rejects a negative stock level and a negative price in the database itself", async () => {
    const db = testDb();
    const level = await db.stockLevel.findFirstOrThrow();
    await expect(
      db.stockLevel.update({ where: { ingredientId: level.ingredientId }, data: { quantity: -1 } }),
    ).rejects.toThrow(/StockLevel_quantity_nonnegative|check constraint/i);
    const item = await db.menuItem.findFirstOrThrow();
    await expect(db.menuItem.update({ where: { id: item.id }, data: { priceCents: -100 } })).rejects.toThrow(
      /MenuItem_price_nonnegative|check constraint/i,
    );
    expect(
      (await db.stockLevel.findUniqueOrThrow({ where: { ingredientId: level.ingredientId } })).quantity.toString(),
    ).toBe(level.quantity.toString());
  });
});
