// Kitchen side against the real PostgreSQL: routing to stations, snapshots without prices,
// bump → expo ready → order READY / table FOOD_READY, recall, voids on the line, replay of
// events, and a gapless unique seq under 20 concurrent sends.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { DEMO_SECOND_LOCATION_SLUG } from "@/lib/demo/seed-demo";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { voidOrderItem } from "@/lib/orders/void-order-item";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { getStationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { listKitchenEvents } from "@/lib/kitchen/list-kitchen-events";
import { bumpItems } from "@/lib/kitchen/bump-items";
import { recallTicket } from "@/lib/kitchen/recall-ticket";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";
import { resetDb, seedFixture, testDb, ctxFor } from "./helpers";


async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).code;
}

const PRICE = /cents|price|tax|total|subtotal/i;
let server: Ctx, chef: Ctx, manager: Ctx, otherChef: Ctx;
const ids: Record<string, string> = {};
const table: Record<string, string> = {};

beforeAll(async () => {
  await resetDb();
  await seedFixture();
  [server, chef, manager] = await Promise.all(["server", "chef", "manager"].map((u) => ctxFor(`${u}@demo.kitchen`)));
  otherChef = await ctxFor("manager@demo.kitchen", DEMO_SECOND_LOCATION_SLUG);
  const db = testDb();
  for (const name of ["Classic Burger", "Soup of the Day", "Hand-cut Fries", "Iced Tea", "NY Strip Steak"]) {
    ids[name] = (await db.menuItem.findFirstOrThrow({ where: { name, locationId: server.locationId } })).id;
  }
  for (const [group, option] of [["Side choice", "Hand-cut fries"], ["Steak temperature", "Medium rare"]]) {
    ids[option] = (await db.modifier.findFirstOrThrow({ where: { name: option, group: { name: group, locationId: server.locationId } } })).id;
  }
  for (const t of await db.diningTable.findMany({ where: { locationId: server.locationId } })) table[t.label] = t.id;
});

async function sendTicket(label: string, notes = "") {
  const { orderId } = await openOrder(server, { tableId: table[label], guestCount: 2 });
  const sent = await sendOrder(server, {
    orderId,
    idempotencyKey: randomUUID(),
    items: [
      { menuItemId: ids["Classic Burger"], quantity: 2, modifierIds: [ids["Hand-cut fries"]], seat: 1, notes },
      { menuItemId: ids["Hand-cut Fries"], quantity: 1, seat: 2 },
      { menuItemId: ids["Iced Tea"], quantity: 2, course: "DRINKS" },
    ],
  });
  return { orderId, sent };
}

describe("station screens", () => {
  it("route items to their stations; expo sees the whole ticket; no prices anywhere", async () => {
    const { orderId } = await sendTicket("1", "ALLERGY: sesame");
    const grill = await getStationSnapshot(chef, { station: "grill" });
    const fry = await getStationSnapshot(chef, { station: "fry" });
    const bar = await getStationSnapshot(chef, { station: "bar" });
    const expo = await getStationSnapshot(chef, { station: "expo" });

    const g = grill.tickets.find((t) => t.orderId === orderId)!;
    expect(g.items.map((i) => [i.name, i.quantity, i.modifiers])).toEqual([["Classic Burger", 2, ["Hand-cut fries"]]]);
    expect(g).toMatchObject({ tableLabel: "1", serverName: "Sam Carter", fireBatch: 1 });
    expect(g.allergyNotes).toEqual(["Classic Burger: ALLERGY: sesame"]);
    expect(g.allergens).toContain("SESAME");
    expect(fry.tickets.find((t) => t.orderId === orderId)!.items.map((i) => i.name)).toEqual(["Hand-cut Fries"]);
    expect(bar.tickets.find((t) => t.orderId === orderId)!.items.map((i) => i.name)).toEqual(["Iced Tea"]);
    expect(expo.tickets.find((t) => t.orderId === orderId)!.items).toHaveLength(3);
    expect(grill.allDay).toEqual([{ name: "Classic Burger", quantity: 2 }]);
    expect(grill.thresholds).toEqual({ warnMinutes: 5, lateMinutes: 8 });
    expect(grill.seq).toBeGreaterThan(0);

    for (const snap of [grill, fry, bar, expo]) expect(JSON.stringify(snap)).not.toMatch(PRICE);
    const replay = await listKitchenEvents(chef, { after: 0 });
    expect(JSON.stringify(replay)).not.toMatch(PRICE);
  });

  it("are for kitchen roles of this location only", async () => {
    expect(await code(getStationSnapshot(server, { station: "grill" }))).toBe("FORBIDDEN");
    expect(await code(listKitchenEvents(server, { after: 0 }))).toBe("FORBIDDEN");
    expect(await code(getStationSnapshot(chef, { station: "nope" }))).toBe("NOT_FOUND");
    expect(await code(getStationSnapshot(chef, { station: "Bad Slug!" }))).toBe("VALIDATION");
    // The second location has an "expo" too, but none of this location's tickets.
    const other = await getStationSnapshot(otherChef, { station: "expo" });
    expect(other.tickets).toEqual([]);
    expect((await listKitchenEvents(otherChef, { after: 0 })).events).toEqual([]);
  });
});

describe("bump → expo ready → served", () => {
  it("walks an order to READY (table FOOD_READY) and the tablet can mark it served", async () => {
    const { orderId } = await sendTicket("2");
    const grill = (await getStationSnapshot(chef, { station: "grill" })).tickets.find((t) => t.orderId === orderId)!;
    const fry = (await getStationSnapshot(chef, { station: "fry" })).tickets.find((t) => t.orderId === orderId)!;

    // Another station's item cannot be bumped from the grill.
    expect(await code(bumpItems(chef, { station: "grill", orderItemIds: fry.items.map((i) => i.id) }))).toBe("NOT_FOUND");
    expect(await code(bumpItems(server, { station: "grill", orderItemIds: grill.items.map((i) => i.id) }))).toBe("FORBIDDEN");

    const bumped = await bumpItems(chef, { station: "grill", orderItemIds: grill.items.map((i) => i.id) });
    expect(bumped.bumpedItemIds).toHaveLength(1);
    expect((await bumpItems(chef, { station: "grill", orderItemIds: grill.items.map((i) => i.id) })).bumpedItemIds).toEqual([]); // double press
    expect((await getStationSnapshot(chef, { station: "grill" })).tickets.some((t) => t.orderId === orderId)).toBe(false);
    expect((await testDb().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("IN_PROGRESS");

    expect(await code(markTicketReady(chef, { orderId, fireBatch: 1 }))).toBe("INVALID_STATE"); // fries still cooking
    await bumpItems(chef, { station: "fry", orderItemIds: fry.items.map((i) => i.id) });
    let expoTicket = (await getStationSnapshot(chef, { station: "expo" })).tickets.find((t) => t.orderId === orderId)!;
    expect(expoTicket.allBumped).toBe(false); // the iced tea is still at the bar
    const tea = expoTicket.items.find((i) => i.name === "Iced Tea")!;
    await bumpItems(chef, { station: "expo", orderItemIds: [tea.id] }); // expo may bump any station's item
    expoTicket = (await getStationSnapshot(chef, { station: "expo" })).tickets.find((t) => t.orderId === orderId)!;
    expect(expoTicket.allBumped).toBe(true);
    const ready = await markTicketReady(chef, { orderId, fireBatch: 1 });
    expect(ready.status).toBe("READY");
    expect((await testDb().diningTable.findUniqueOrThrow({ where: { id: table["2"] } })).status).toBe("FOOD_READY");
    expect((await getStationSnapshot(chef, { station: "expo" })).tickets.some((t) => t.orderId === orderId)).toBe(false);

    await updateOrderStatus(server, { orderId, status: "SERVED" });
    const order = await testDb().order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
    expect(order.status).toBe("SERVED");
    expect(order.items.every((i) => i.status === "SERVED")).toBe(true);
    expect((await testDb().diningTable.findUniqueOrThrow({ where: { id: table["2"] } })).status).toBe("SEATED");
  });

  it("starters ready while mains cook: the table shows food ready, then back to ordered once served", async () => {
    const { orderId } = await openOrder(server, { tableId: table["5"], guestCount: 2 });
    await sendOrder(server, {
      orderId,
      idempotencyKey: randomUUID(),
      items: [
        { menuItemId: ids["Soup of the Day"], quantity: 1, course: "STARTERS" },
        { menuItemId: ids["Classic Burger"], quantity: 1, modifierIds: [ids["Hand-cut fries"]], course: "MAINS" },
      ],
      holdCourses: ["MAINS"],
    });
    const { fireCourse } = await import("@/lib/orders/fire-course");
    await fireCourse(server, { orderId, course: "MAINS" });
    const soup = (await getStationSnapshot(chef, { station: "saute" })).tickets.find((t) => t.orderId === orderId)!;
    await bumpItems(chef, { station: "saute", orderItemIds: soup.items.map((i) => i.id) });
    await markTicketReady(chef, { orderId, fireBatch: soup.fireBatch });
    const tableStatus = async () => (await testDb().diningTable.findUniqueOrThrow({ where: { id: table["5"] } })).status;
    expect((await testDb().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("SENT"); // the burger is still on the line
    expect(await tableStatus()).toBe("FOOD_READY");
    await updateOrderStatus(server, { orderId, status: "SERVED" });
    expect(await tableStatus()).toBe("ORDERED");
  });

  it("recall brings back the last bumped ticket at a station, and the last ready one at expo", async () => {
    const { orderId } = await sendTicket("3");
    const grill = (await getStationSnapshot(chef, { station: "grill" })).tickets.find((t) => t.orderId === orderId)!;
    await bumpItems(chef, { station: "grill", orderItemIds: grill.items.map((i) => i.id) });
    const snap = await getStationSnapshot(chef, { station: "grill" });
    expect(snap.recentlyBumped[0]).toMatchObject({ orderId, fireBatch: 1, tableLabel: "3" });
    await recallTicket(chef, { station: "grill" });
    expect((await getStationSnapshot(chef, { station: "grill" })).tickets.some((t) => t.orderId === orderId)).toBe(true);
    expect((await testDb().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("SENT");

    // Finish it, pass it at expo, then recall at expo: back on the pass, table back to ORDERED.
    await bumpItems(chef, { station: "grill", orderItemIds: grill.items.map((i) => i.id) });
    const fry = (await getStationSnapshot(chef, { station: "fry" })).tickets.find((t) => t.orderId === orderId)!;
    await bumpItems(chef, { station: "fry", orderItemIds: fry.items.map((i) => i.id) });
    const bar = (await getStationSnapshot(chef, { station: "bar" })).tickets.find((t) => t.orderId === orderId)!;
    await bumpItems(chef, { station: "bar", orderItemIds: bar.items.map((i) => i.id) });
    await markTicketReady(chef, { orderId, fireBatch: 1 });
    await recallTicket(chef, { station: "expo" });
    expect((await getStationSnapshot(chef, { station: "expo" })).tickets.find((t) => t.orderId === orderId)?.allBumped).toBe(true);
    expect((await testDb().diningTable.findUniqueOrThrow({ where: { id: table["3"] } })).status).toBe("ORDERED");
    expect(await code(recallTicket(otherChef, { station: "grill" }))).toBe("NOT_FOUND");
  });

  it("a void shows on the station (struck) until the cook acknowledges it", async () => {
    const { orderId, sent } = await sendTicket("4");
    const before = await getStationSnapshot(chef, { station: "grill" });
    const grillItem = before.tickets.find((t) => t.orderId === orderId)!.items[0];
    const burgers = (snap: typeof before) => snap.allDay.find((a) => a.name === "Classic Burger")?.quantity ?? 0;
    await voidOrderItem(manager, { orderId, orderItemId: grillItem.id, reason: "guest left" });
    const t = (await getStationSnapshot(chef, { station: "grill" })).tickets.find((x) => x.orderId === orderId)!;
    expect(t.items[0]).toMatchObject({ id: grillItem.id, status: "VOIDED", voidReason: "guest left" });
    expect(t.allVoided).toBe(true);
    expect(burgers(await getStationSnapshot(chef, { station: "grill" }))).toBe(burgers(before) - 2); // voids are not "all day"
    await bumpItems(chef, { station: "grill", orderItemIds: [grillItem.id] }); // acknowledge
    expect((await getStationSnapshot(chef, { station: "grill" })).tickets.some((x) => x.orderId === orderId)).toBe(false);
    const ev = (await listKitchenEvents(chef, { after: 0 })).events.find((e) => e.type === "items.voided" && e.orderId === orderId)!;
    expect(ev.stationIds).toEqual([t.items[0].stationId]);
    expect(sent.firedItemIds).toContain(grillItem.id);
  });
});

describe("events: gapless per-location seq", () => {
  it("20 concurrent sends get unique, contiguous seqs in commit order, and replay returns them all", async () => {
    const db = testDb();
    const labels = Object.keys(table).filter((l) => !["1", "2", "3", "4", "5"].includes(l)).slice(0, 15);
    // 15 tables + 5 counter orders = 20 orders, opened first, then all sent at once.
    const orders = [
      ...(await Promise.all(labels.map((l) => openOrder(server, { tableId: table[l] })))),
      ...(await Promise.all([1, 2, 3, 4, 5].map(() => openOrder(server, { tableId: null })))),
    ].map((o) => o.orderId);
    expect(new Set(orders).size).toBe(20);
    const before = (await db.locationCounter.findUniqueOrThrow({ where: { locationId: server.locationId } })).eventSeq;

    const results = await Promise.all(
      orders.map((orderId) => sendOrder(server, { orderId, idempotencyKey: randomUUID(), items: [{ menuItemId: ids["Soup of the Day"], quantity: 1 }] })),
    );
    expect(results.every((r) => r.fireBatch === 1)).toBe(true);

    const events = await db.orderEvent.findMany({ where: { locationId: server.locationId, seq: { gt: before } }, orderBy: { seq: "asc" } });
    expect(events).toHaveLength(20);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    expect(new Set(events.map((e) => e.orderId))).toEqual(new Set(orders));
    // Commit order = seq order: each event's row was inserted no later than the next one's.
    const all = await db.orderEvent.findMany({ where: { locationId: server.locationId }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect((await db.locationCounter.findUniqueOrThrow({ where: { locationId: server.locationId } })).eventSeq).toBe(all.length);

    const replay = await listKitchenEvents(chef, { after: before, limit: 10 });
    expect(replay.events.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => before + 1 + i));
    expect(replay.truncated).toBe(true);
    const rest = await listKitchenEvents(chef, { after: before + 10 });
    expect(rest.truncated).toBe(false);
    expect(rest.events).toHaveLength(10);
    expect(rest.seq).toBe(all.length);
    expect(rest.events.every((e) => e.type === "items.fired" && e.fireBatch === 1 && e.stationIds.length === 1)).toBe(true);
  });

  it("validates the cursor", async () => {
    expect(await code(listKitchenEvents(chef, { after: -1 }))).toBe("VALIDATION");
    expect(await code(listKitchenEvents(chef, { after: "abc" }))).toBe("VALIDATION");
    expect((await listKitchenEvents(chef, { after: "999999" })).events).toEqual([]);
  });
});
