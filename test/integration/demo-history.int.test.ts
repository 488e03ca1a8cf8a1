// The history seed (issue 14's report benchmark) on a few days: its kitchen events are shaped like
// the live app's and numbered from the location's counter, so the kitchen report has cooks and expo
// times and staff performance has cooks; the backfill for an older history writes the same events.
import { beforeAll, describe, expect, it } from "vitest";
import { getKitchenPerformance } from "@/lib/reports/kitchen-performance";
import { getStaffPerformance } from "@/lib/reports/get-staff-performance";
import { backfillKitchenEvents, seedHistory, type HistorySummary } from "@/prisma/demo-history";
import { DEMO_LOCATION_SLUG } from "@/prisma/demo-seed";
import { ctxFor, resetDb, seedFixture, testDb } from "./helpers";

type Payload = { stationIds: string[]; itemIds: string[]; fireBatch: number };

let locationId: string;
let summary: HistorySummary;
let chefId: string;

/** The location's events of history orders, in seq order, without their ids. */
async function historyEvents() {
  const rows = await testDb().orderEvent.findMany({
    where: { locationId, order: { id: { startsWith: "h" } } },
    orderBy: { seq: "asc" },
    select: { seq: true, orderId: true, type: true, payload: true, actorId: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, payload: r.payload as Payload }));
}

beforeAll(async () => {
  await resetDb();
  await seedFixture();
  const db = testDb();
  locationId = (await db.location.findUniqueOrThrow({ where: { slug: DEMO_LOCATION_SLUG } })).id;
  chefId = (await ctxFor("chef@demo.kitchen")).userId;
  summary = await seedHistory(db, locationId, { days: 3, ordersPerDay: 24 });
}, 120_000);

describe("seedHistory: kitchen events", () => {
  it("writes one bump per ticket and one pass per expo ticket, shaped like the live app's, after the demo's seqs", async () => {
    const db = testDb();
    const events = await historyEvents();
    const items = await db.orderItem.findMany({
      where: { locationId, id: { startsWith: "h" } },
      include: { modifiers: true, station: true },
    });
    const lines = new Map<string, { stationId: string | null; bumpedAt: Date | null; showOnExpo: boolean }>();
    for (const i of items) {
      lines.set(i.id, { stationId: i.stationId, bumpedAt: i.bumpedAt, showOnExpo: i.station?.showOnExpo ?? false });
      for (const m of i.modifiers) lines.set(m.id, { stationId: m.stationId, bumpedAt: m.bumpedAt, showOnExpo: false });
    }
    // Every line made at a station (sides included) is in exactly one bump, at its station.
    const made = [...lines].filter(([, l]) => l.stationId && l.bumpedAt).map(([id]) => id);
    const bumps = events.filter((e) => e.type === "items.bumped");
    expect(bumps.flatMap((e) => e.payload.itemIds).sort()).toEqual(made.sort());
    for (const e of bumps) {
      expect(Object.keys(e.payload).sort()).toEqual(["fireBatch", "itemIds", "stationIds"]);
      expect(e.payload.fireBatch).toBe(1);
      expect(e.payload.stationIds).toHaveLength(1);
      expect(e.payload.itemIds.every((id) => lines.get(id)!.stationId === e.payload.stationIds[0])).toBe(true);
      // At the ticket's last bump, by the demo's chef.
      const last = Math.max(...e.payload.itemIds.map((id) => lines.get(id)!.bumpedAt!.getTime()));
      expect(e.createdAt.getTime()).toBe(last);
      expect(e.actorId).toBe(chefId);
    }
    // Tickets: order × station, one bump each.
    expect(new Set(bumps.map((e) => `${e.orderId}/${e.payload.stationIds[0]}`)).size).toBe(bumps.length);

    // One pass per order with dishes expo follows (not the bar's drinks), after their last bump.
    const ready = events.filter((e) => e.type === "ticket.ready");
    const passed = new Set(
      items.filter((i) => i.station?.showOnExpo && i.bumpedAt && i.status !== "VOIDED").map((i) => i.orderId),
    );
    expect(ready.map((e) => e.orderId).sort()).toEqual([...passed].sort());
    for (const e of ready) {
      expect(e.payload.fireBatch).toBe(1);
      const own = e.payload.itemIds.map((id) => items.find((i) => i.id === id)!);
      expect(own.every((i) => i.orderId === e.orderId && i.station!.showOnExpo)).toBe(true);
      expect([...new Set(own.map((i) => i.stationId))].sort()).toEqual([...e.payload.stationIds].sort());
      const last = Math.max(...own.map((i) => i.bumpedAt!.getTime()));
      expect(e.createdAt.getTime() - last).toBeGreaterThanOrEqual(20_000);
      expect(e.createdAt.getTime() - last).toBeLessThan(120_000);
    }

    // Seqs: gapless over the location, the history's a block after the demo's, the counter at the top.
    const all = await db.orderEvent.findMany({ where: { locationId }, select: { seq: true }, orderBy: { seq: "asc" } });
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    const { eventSeq } = await db.locationCounter.findUniqueOrThrow({ where: { locationId } });
    expect(eventSeq).toBe(all.length);
    expect(events.at(-1)!.seq).toBe(eventSeq);
    // Seq order is time order within the history.
    const times = events.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("gives the kitchen report its cooks and expo times, and staff performance its cooks", async () => {
    const manager = await ctxFor("manager@demo.kitchen");
    const period = { from: summary.from, to: summary.to };
    const report = await getKitchenPerformance(manager, { ...period, groupBy: "cook" });
    // Every line the history made has its cook (the demo's own few orders have no bump events).
    const db = testDb();
    const made =
      (await db.orderItem.count({
        where: { id: { startsWith: "h" }, stationId: { not: null }, status: { not: "VOIDED" } },
      })) +
      (await db.orderItemModifier.count({
        where: { orderItemId: { startsWith: "h" }, stationId: { not: null }, bumpedAt: { not: null } },
      }));
    expect(made).toBeGreaterThan(0);
    expect(report.rows.find((r) => r.label === "Priya Nair")?.bumped).toBe(made);
    expect(report.expo.tickets).toBeGreaterThan(0);
    expect(report.expo.medianSeconds).toBeGreaterThan(0);

    const staff = await getStaffPerformance(manager, period);
    expect(staff.cooks).toEqual([
      expect.objectContaining({ userId: (await ctxFor("chef@demo.kitchen")).userId, name: "Priya Nair" }),
    ]);
    expect(staff.cooks[0].tickets).toBeGreaterThan(0);
    expect(staff.cooks[0].averageTicketSeconds).toBeGreaterThan(0);
    expect(staff.stations.length).toBeGreaterThan(1);
  });

  it("backfills the same events for a history written without them, once", async () => {
    const db = testDb();
    const before = await historyEvents();
    // An older seed's history: no events. TRUNCATE skips the append-only table's row triggers.
    await db.$executeRaw`TRUNCATE "OrderEvent"`;
    const { eventSeq } = await db.locationCounter.findUniqueOrThrow({ where: { locationId } });
    const done = await backfillKitchenEvents(db, locationId);
    expect(done.events).toBe(before.length);
    const after = await historyEvents();
    const strip = (rows: typeof before) => rows.map(({ seq: _seq, ...e }) => e);
    expect(strip(after)).toEqual(strip(before));
    expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => eventSeq + i + 1));
    // A second run finds nothing to add.
    expect((await backfillKitchenEvents(db, locationId)).events).toBe(0);
    expect(await db.orderEvent.count({ where: { locationId } })).toBe(before.length);
  });
});
