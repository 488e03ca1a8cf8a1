// Kitchen side against the real PostgreSQL: routing to stations, snapshots without prices,
// bump → expo ready → order READY / table FOOD_READY, recall, voids on the line, replay of
// events, and a gapless unique seq under 20 concurrent sends.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Allergen } from "@/generated/prisma/client";
import type { Ctx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { voidOrderItem } from "@/lib/orders/void-order-item";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { getStationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { listKitchenEvents } from "@/lib/kitchen/list-kitchen-events";
import { TICKET_ITEM_SELECT, ticketItemRows } from "@/lib/kitchen/ticket-rows";
import { bumpItems } from "@/lib/kitchen/bump-items";
import { recallTicket } from "@/lib/kitchen/recall-ticket";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";
import { buildStations } from "./builders/kitchen";
import { buildLocation } from "./builders/location";
import { buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { buildSentOrder } from "./builders/orders";
import { buildTables } from "./builders/tables";
import { resetDb, testDb, expectAppError } from "./helpers";

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
  const location = await buildLocation({ names: { SERVER: "Sam Carter" } });
  ({ SERVER: server, CHEF: chef, MANAGER: manager } = location.ctx);
  const other = await buildLocation();
  otherChef = other.ctx.MANAGER;
  await buildStations(other.id, [{ slug: "expo", name: "Expo", isExpo: true }]);

  const station = await buildStations(location.id, [
    { slug: "grill", name: "Grill" },
    { slug: "fry", name: "Fryer" },
    { slug: "saute", name: "Sauté" },
    { slug: "cold", name: "Cold / Pantry" },
    // The bar hands drinks out itself: expo neither shows nor waits for them.
    { slug: "bar", name: "Bar", showOnExpo: false },
    { slug: "expo", name: "Expo", isExpo: true },
  ]);
  const categoryId = (await buildCategory(location.id)).id;
  const dish = async (name: string, stationId: string, extra: { allergens?: Allergen[]; prepMinutes?: number } = {}) =>
    (ids[name] = (await buildMenuItem(location.id, { categoryId, name, stationId, ...extra })).id);
  await dish("Classic Burger", station.grill, { allergens: ["SESAME"] });
  await dish("Soup of the Day", station.saute);
  await dish("Hand-cut Fries", station.fry);
  await dish("Iced Tea", station.bar);
  await dish("NY Strip Steak", station.grill, { prepMinutes: 18 });
  await dish("Key Lime Pie", station.cold);
  // A side of fries with a burger or a steak is made at the Fryer and counted as fries all day.
  const side = await buildModifierGroup(location.id, {
    name: "Side choice",
    minSelect: 1,
    maxSelect: 1,
    modifiers: [{ name: "Hand-cut fries", stationId: station.fry, recipeItemId: ids["Hand-cut Fries"] }],
    menuItemIds: [ids["Classic Burger"], ids["NY Strip Steak"]],
  });
  const temperature = await buildModifierGroup(location.id, {
    name: "Steak temperature",
    minSelect: 1,
    maxSelect: 1,
    modifiers: [{ name: "Medium rare" }],
    menuItemIds: [ids["NY Strip Steak"]],
  });
  ids["Hand-cut fries"] = side.modifiers["Hand-cut fries"];
  ids["Medium rare"] = temperature.modifiers["Medium rare"];
  // Tables 1–5 are used by name; the concurrency test takes 15 more.
  Object.assign(
    table,
    await buildTables(
      location.id,
      Array.from({ length: 20 }, (_, i) => String(i + 1)),
    ),
  );
});

async function sendTicket(label: string, notes = "") {
  return buildSentOrder(server, {
    tableId: table[label],
    guestCount: 2,
    items: [
      { menuItemId: ids["Classic Burger"], quantity: 2, modifierIds: [ids["Hand-cut fries"]], seat: 1, notes },
      { menuItemId: ids["Hand-cut Fries"], quantity: 1, seat: 2 },
      { menuItemId: ids["Iced Tea"], quantity: 2, course: "DRINKS" },
    ],
  });
}

describe("station screens", () => {
  it("route items to their stations; expo sees the whole ticket; no prices anywhere", async () => {
    const { orderId } = await sendTicket("1", "ALLERGY: sesame");
    const grill = await getStationSnapshot(chef, { station: "grill" });
    const fry = await getStationSnapshot(chef, { station: "fry" });
    const bar = await getStationSnapshot(chef, { station: "bar" });
    const expo = await getStationSnapshot(chef, { station: "expo" });

    const g = grill.tickets.find((t) => t.orderId === orderId)!;
    // The burger's side of fries is made at the Fryer: the grill sees where it comes from.
    expect(g.items.map((i) => [i.name, i.quantity, i.modifiers])).toEqual([
      ["Classic Burger", 2, [{ name: "Hand-cut fries", removal: false, stationName: "Fryer", done: false }]],
    ]);
    expect(g).toMatchObject({ tableLabel: "1", serverName: "Sam Carter", fireBatch: 1 });
    expect(g.allergyNotes).toEqual(["Classic Burger: ALLERGY: sesame"]);
    expect(g.allergens).toContain("SESAME");
    // The Fryer gets the side as a line of its own (with the dish's allergy note) and counts it all day.
    const f = fry.tickets.find((t) => t.orderId === orderId)!;
    expect(f.items.map((i) => [i.kind, i.name, i.forItem, i.quantity])).toEqual([
      ["component", "Hand-cut Fries", "Classic Burger", 2],
      ["item", "Hand-cut Fries", null, 1],
    ]);
    expect(f.allergyNotes).toEqual(["Classic Burger: ALLERGY: sesame"]);
    expect(fry.allDay).toEqual([{ name: "Hand-cut Fries", quantity: 3 }]);
    expect(bar.tickets.find((t) => t.orderId === orderId)!.items.map((i) => i.name)).toEqual(["Iced Tea"]);
    // Expo follows the food only: the bar hands its drinks out itself.
    expect(expo.tickets.find((t) => t.orderId === orderId)!.items.map((i) => i.name)).toEqual([
      "Classic Burger",
      "Hand-cut Fries",
    ]);
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
    expect(await code(bumpItems(chef, { station: "grill", orderItemIds: fry.items.map((i) => i.id) }))).toBe(
      "NOT_FOUND",
    );
    expect(await code(bumpItems(server, { station: "grill", orderItemIds: grill.items.map((i) => i.id) }))).toBe(
      "FORBIDDEN",
    );

    const bumped = await bumpItems(chef, { station: "grill", orderItemIds: grill.items.map((i) => i.id) });
    expect(bumped.bumpedItemIds).toHaveLength(1);
    expect(
      (await bumpItems(chef, { station: "grill", orderItemIds: grill.items.map((i) => i.id) })).bumpedItemIds,
    ).toEqual([]); // double press
    expect((await getStationSnapshot(chef, { station: "grill" })).tickets.some((t) => t.orderId === orderId)).toBe(
      false,
    );
    expect((await testDb().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("IN_PROGRESS");

    expect(await code(markTicketReady(chef, { orderId, fireBatch: 1 }))).toBe("INVALID_STATE"); // fries still cooking
    const [side, friesLine] = fry.items;
    await bumpItems(chef, { station: "fry", orderItemIds: [friesLine.id] });
    let expoTicket = (await getStationSnapshot(chef, { station: "expo" })).tickets.find((t) => t.orderId === orderId)!;
    expect(expoTicket.allBumped).toBe(false); // the burger's side is still in the fryer
    const stillCooking = await expectAppError(markTicketReady(chef, { orderId, fireBatch: 1 }), "INVALID_STATE");
    expect(stillCooking.message).toBe("Still cooking: Hand-cut fries (Fryer)");
    expect(await code(bumpItems(chef, { station: "grill", orderItemIds: [side.id] }))).toBe("NOT_FOUND"); // the grill does not make it
    await bumpItems(chef, { station: "fry", orderItemIds: [side.id] });
    expoTicket = (await getStationSnapshot(chef, { station: "expo" })).tickets.find((t) => t.orderId === orderId)!;
    expect(expoTicket.items[0].modifiers).toEqual([
      { name: "Hand-cut fries", removal: false, stationName: "Fryer", done: true },
    ]);
    expect(expoTicket.allBumped).toBe(true); // the iced tea at the bar does not hold the food
    const ready = await markTicketReady(chef, { orderId, fireBatch: 1 });
    expect(ready.status).toBe("SENT"); // the drinks are still at the bar, untouched
    expect((await testDb().diningTable.findUniqueOrThrow({ where: { id: table["2"] } })).status).toBe("FOOD_READY");
    expect((await getStationSnapshot(chef, { station: "expo" })).tickets.some((t) => t.orderId === orderId)).toBe(
      false,
    );
    // The bar's bump hands the drinks out: READY without expo.
    const bar = (await getStationSnapshot(chef, { station: "bar" })).tickets.find((t) => t.orderId === orderId)!;
    await bumpItems(chef, { station: "bar", orderItemIds: bar.items.map((i) => i.id) });
    expect((await testDb().orderItem.findUniqueOrThrow({ where: { id: bar.items[0].id } })).status).toBe("READY");
    expect((await testDb().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("READY");

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
    const tableStatus = async () =>
      (await testDb().diningTable.findUniqueOrThrow({ where: { id: table["5"] } })).status;
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
    expect((await getStationSnapshot(chef, { station: "grill" })).tickets.some((t) => t.orderId === orderId)).toBe(
      true,
    );
    expect((await testDb().order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("SENT");

    // Finish it, pass it at expo, then recall at expo: back on the pass, table back to ORDERED.
    await bumpItems(chef, { station: "grill", orderItemIds: grill.items.map((i) => i.id) });
    const fry = (await getStationSnapshot(chef, { station: "fry" })).tickets.find((t) => t.orderId === orderId)!;
    await bumpItems(chef, { station: "fry", orderItemIds: fry.items.map((i) => i.id) });
    // A side bumped at the Fryer comes back with R there, while its dish is on the line.
    await recallTicket(chef, { station: "fry" });
    expect(
      (await getStationSnapshot(chef, { station: "fry" })).tickets
        .find((t) => t.orderId === orderId)!
        .items.map((i) => i.kind)
        .sort(),
    ).toEqual(["component", "item"]);
    await bumpItems(chef, { station: "fry", orderItemIds: fry.items.map((i) => i.id) });
    await markTicketReady(chef, { orderId, fireBatch: 1 });
    await recallTicket(chef, { station: "expo" });
    expect(
      (await getStationSnapshot(chef, { station: "expo" })).tickets.find((t) => t.orderId === orderId)?.allBumped,
    ).toBe(true);
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
    expect((await getStationSnapshot(chef, { station: "grill" })).tickets.some((x) => x.orderId === orderId)).toBe(
      false,
    );
    const ev = (await listKitchenEvents(chef, { after: 0 })).events.find(
      (e) => e.type === "items.voided" && e.orderId === orderId,
    )!;
    expect(ev.stationIds).toEqual([t.items[0].stationId]);
    expect(sent.firedItemIds).toContain(grillItem.id);
    // Its side at the Fryer is struck through there too, until the fry cook acknowledges it.
    const fry = (await getStationSnapshot(chef, { station: "fry" })).tickets.find((x) => x.orderId === orderId)!;
    const side = fry.items.find((i) => i.kind === "component")!;
    expect(side).toMatchObject({ status: "VOIDED", voidReason: "guest left", forItem: "Classic Burger" });
    await bumpItems(chef, { station: "fry", orderItemIds: [side.id] });
    expect(
      (await getStationSnapshot(chef, { station: "fry" })).tickets
        .find((x) => x.orderId === orderId)!
        .items.map((i) => i.kind),
    ).toEqual(["item"]);
  });
});

describe("tickets: courses, expo's stations, each dish's own colours (issue 7 item 16)", () => {
  it("a line's colour target is its dish's prep time, else its station's, else the location's", async () => {
    const db = testDb();
    const saute = await db.kitchenStation.findFirstOrThrow({ where: { locationId: server.locationId, slug: "saute" } });
    const soup = await db.menuItem.findUniqueOrThrow({ where: { id: ids["Soup of the Day"] } });
    try {
      await db.menuItem.update({ where: { id: soup.id }, data: { prepMinutes: null } });
      const { orderId } = await openOrder(server, { tableId: null });
      const ticket = async () =>
        (await getStationSnapshot(chef, { station: "saute" })).tickets.find((t) => t.orderId === orderId)!.items[0];
      await sendOrder(server, {
        orderId,
        idempotencyKey: randomUUID(),
        items: [{ menuItemId: soup.id, quantity: 1, course: "STARTERS" }],
      });
      expect((await ticket()).target).toEqual({ warnMinutes: 5, lateMinutes: 8 }); // the location's
      await db.kitchenStation.update({ where: { id: saute.id }, data: { warnMinutes: 4, lateMinutes: 6 } });
      expect((await ticket()).target).toEqual({ warnMinutes: 4, lateMinutes: 6 }); // the station's
      await db.menuItem.update({ where: { id: soup.id }, data: { prepMinutes: 16 } });
      expect((await ticket()).target).toEqual({ warnMinutes: 11, lateMinutes: 16 }); // the dish's own
      // The database refuses a station pair that makes no sense.
      await expect(
        db.kitchenStation.update({ where: { id: saute.id }, data: { warnMinutes: 6, lateMinutes: 6 } }),
      ).rejects.toThrow();
      await expect(
        db.kitchenStation.update({ where: { id: saute.id }, data: { warnMinutes: 6, lateMinutes: null } }),
      ).rejects.toThrow();
    } finally {
      await db.kitchenStation.update({ where: { id: saute.id }, data: { warnMinutes: null, lateMinutes: null } });
      await db.menuItem.update({ where: { id: soup.id }, data: { prepMinutes: soup.prepMinutes } });
    }
    const grill = await getStationSnapshot(chef, { station: "grill" });
    const steakTicket = await sendOrder(server, {
      orderId: (await openOrder(server, { tableId: null })).orderId,
      idempotencyKey: randomUUID(),
      items: [
        { menuItemId: ids["NY Strip Steak"], quantity: 1, modifierIds: [ids["Medium rare"], ids["Hand-cut fries"]] },
      ],
    });
    const steak = (await getStationSnapshot(chef, { station: "grill" })).tickets.find(
      (t) => t.orderId === steakTicket.orderId,
    )!.items[0];
    expect(steak.target).toEqual({ warnMinutes: 11, lateMinutes: 18 }); // 18-minute steak, not the 5/8 of every dish
    expect(grill.thresholds).toEqual({ warnMinutes: 5, lateMinutes: 8 });
  });

  it("lines of several courses come in service order; a bar-only ticket never reaches expo", async () => {
    const { orderId } = await openOrder(server, { tableId: null });
    await sendOrder(server, {
      orderId,
      idempotencyKey: randomUUID(),
      items: [
        {
          menuItemId: ids["NY Strip Steak"],
          quantity: 1,
          modifierIds: [ids["Medium rare"], ids["Hand-cut fries"]],
          course: "MAINS",
        },
        { menuItemId: ids["Classic Burger"], quantity: 1, modifierIds: [ids["Hand-cut fries"]], course: "STARTERS" },
      ],
    });
    const grill = (await getStationSnapshot(chef, { station: "grill" })).tickets.find((t) => t.orderId === orderId)!;
    expect(grill.items.map((i) => [i.course, i.name])).toEqual([
      ["STARTERS", "Classic Burger"],
      ["MAINS", "NY Strip Steak"],
    ]);

    const drinks = await openOrder(server, { tableId: null });
    await sendOrder(server, {
      orderId: drinks.orderId,
      idempotencyKey: randomUUID(),
      items: [{ menuItemId: ids["Iced Tea"], quantity: 2, course: "DRINKS" }],
    });
    const expo = await getStationSnapshot(chef, { station: "expo" });
    expect(expo.tickets.some((t) => t.orderId === drinks.orderId)).toBe(false);
    expect(expo.allDay.some((a) => a.name === "Iced Tea")).toBe(false);
    expect(await code(markTicketReady(chef, { orderId: drinks.orderId, fireBatch: 1 }))).toBe("INVALID_STATE"); // nothing of it at the pass
    const bar = (await getStationSnapshot(chef, { station: "bar" })).tickets.find((t) => t.orderId === drinks.orderId)!;
    await bumpItems(chef, { station: "bar", orderItemIds: bar.items.map((i) => i.id) });
    expect((await testDb().order.findUniqueOrThrow({ where: { id: drinks.orderId } })).status).toBe("READY");
    // R at the bar brings the drinks back on its line.
    await recallTicket(chef, { station: "bar" });
    expect((await testDb().order.findUniqueOrThrow({ where: { id: drinks.orderId } })).status).toBe("SENT");
  });

  it("voiding a whole order tells every station making part of it, sides included", async () => {
    const { orderId } = await openOrder(server, { tableId: null });
    await sendOrder(server, {
      orderId,
      idempotencyKey: randomUUID(),
      items: [{ menuItemId: ids["Classic Burger"], quantity: 1, modifierIds: [ids["Hand-cut fries"]] }],
    });
    await updateOrderStatus(manager, { orderId, status: "VOIDED", reason: "walked out" });
    const stations = await testDb().kitchenStation.findMany({
      where: { locationId: server.locationId, slug: { in: ["grill", "fry"] } },
    });
    const ev = (await listKitchenEvents(chef, { after: 0, limit: 500 })).events.find(
      (e) => e.type === "order.voided" && e.orderId === orderId,
    )!;
    expect([...ev.stationIds].sort()).toEqual(stations.map((st) => st.id).sort());
    const side = (await getStationSnapshot(chef, { station: "fry" })).tickets.find((t) => t.orderId === orderId)!
      .items[0];
    expect(side).toMatchObject({ kind: "component", status: "VOIDED" });
  });
});

describe("bounded screens (issue 7 item 18)", () => {
  it("700 live tickets: one page of 30, oldest first, counts over all of them; the replay stays bounded", async () => {
    const db = testDb();
    const cold = await db.kitchenStation.findFirstOrThrow({ where: { locationId: server.locationId, slug: "cold" } });
    const pie = await db.menuItem.findFirstOrThrow({ where: { locationId: server.locationId, name: "Key Lime Pie" } });
    const start = Date.now() - 3600_000;
    const n = 700;
    await db.order.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        id: `bulk-order-${i}`,
        locationId: server.locationId,
        number: 90_000 + i,
        status: "SENT" as const,
        notes: "a note ".repeat(20),
      })),
    });
    await db.orderItem.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        id: `bulk-item-${i}`,
        orderId: `bulk-order-${i}`,
        locationId: server.locationId,
        menuItemId: pie.id,
        stationId: cold.id,
        name: pie.name,
        unitPriceCents: pie.priceCents,
        quantity: 2,
        status: "SENT" as const,
        fireBatch: 1,
        firedAt: new Date(start + (n - i) * 1000), // newest first in id order: the board must sort
        notes: "extra whipped cream on the side, please",
      })),
    });

    const page0 = await getStationSnapshot(chef, { station: "cold" });
    expect(page0.tickets).toHaveLength(30);
    expect(page0.page).toEqual({ offset: 0, limit: 30, ticketCount: expect.any(Number) });
    expect(page0.page.ticketCount).toBeGreaterThanOrEqual(n);
    expect(page0.tickets[0].orderId).toBe(`bulk-order-${n - 1}`); // the oldest
    const firedAt = page0.tickets.map((t) => t.firedAt);
    expect([...firedAt].sort()).toEqual(firedAt);
    expect(page0.allDay.find((a) => a.name === "Key Lime Pie")!.quantity).toBeGreaterThanOrEqual(2 * n);
    expect(page0.lastFiredAt).not.toBeNull();
    expect(JSON.stringify(page0).length).toBeLessThan(64_000);

    const page1 = await getStationSnapshot(chef, { station: "cold", offset: 30 });
    expect(page1.page.offset).toBe(30);
    expect(page1.tickets[0].firedAt >= page0.tickets[29].firedAt).toBe(true);
    expect(page1.tickets.some((t) => page0.tickets.some((u) => u.key === t.key))).toBe(false);
    const last = await getStationSnapshot(chef, { station: "cold", offset: page0.page.ticketCount - 5 });
    expect(last.tickets).toHaveLength(5);
    expect((await getStationSnapshot(chef, { station: "cold", offset: page0.page.ticketCount })).page.offset).toBe(0); // past the end: back to the start
    expect(await code(getStationSnapshot(chef, { station: "cold", limit: 61 }))).toBe("VALIDATION");
    expect(await code(getStationSnapshot(chef, { station: "cold", offset: -1 }))).toBe("VALIDATION");

    const expo = await getStationSnapshot(chef, { station: "expo" });
    expect(expo.tickets.length).toBeLessThanOrEqual(30);
    expect(expo.page.ticketCount).toBeGreaterThanOrEqual(n);
    expect(JSON.stringify(expo).length).toBeLessThan(64_000);
    expect(JSON.stringify(expo)).not.toMatch(PRICE);

    // The events feed: a burst of 700 events replays 200 at a time (then a snapshot), never all.
    const before = (await db.locationCounter.findUniqueOrThrow({ where: { locationId: server.locationId } })).eventSeq;
    const { appendOrderEvents } = await import("@/lib/orders/append-order-events");
    await db.$transaction((tx) =>
      appendOrderEvents(
        tx,
        chef,
        Array.from({ length: n }, (_, i) => ({
          orderId: `bulk-order-${i}`,
          type: "items.fired" as const,
          payload: { stationIds: [cold.id], itemIds: [`bulk-item-${i}`], fireBatch: 1 },
        })),
      ),
    );
    const replay = await listKitchenEvents(chef, { after: before });
    expect(replay.events).toHaveLength(200);
    expect(replay.truncated).toBe(true);
    expect(replay.seq).toBe(before + n);
    expect(JSON.stringify(replay).length).toBeLessThan(64_000);
    expect(await code(listKitchenEvents(chef, { after: before, limit: 501 }))).toBe("VALIDATION");
  });
});

describe("events: gapless per-location seq", () => {
  it("20 concurrent sends get unique, contiguous seqs in commit order, and replay returns them all", async () => {
    const db = testDb();
    const labels = Object.keys(table)
      .filter((l) => !["1", "2", "3", "4", "5"].includes(l))
      .slice(0, 15);
    // 15 tables + 5 counter orders = 20 orders, opened first, then all sent at once.
    const orders = [
      ...(await Promise.all(labels.map((l) => openOrder(server, { tableId: table[l] })))),
      ...(await Promise.all([1, 2, 3, 4, 5].map(() => openOrder(server, { tableId: null })))),
    ].map((o) => o.orderId);
    expect(new Set(orders).size).toBe(20);
    const before = (await db.locationCounter.findUniqueOrThrow({ where: { locationId: server.locationId } })).eventSeq;

    const results = await Promise.all(
      orders.map((orderId) =>
        sendOrder(server, {
          orderId,
          idempotencyKey: randomUUID(),
          items: [{ menuItemId: ids["Soup of the Day"], quantity: 1 }],
        }),
      ),
    );
    expect(results.every((r) => r.fireBatch === 1)).toBe(true);

    const events = await db.orderEvent.findMany({
      where: { locationId: server.locationId, seq: { gt: before } },
      orderBy: { seq: "asc" },
    });
    expect(events).toHaveLength(20);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    expect(new Set(events.map((e) => e.orderId))).toEqual(new Set(orders));
    // Commit order = seq order: each event's row was inserted no later than the next one's.
    const all = await db.orderEvent.findMany({
      where: { locationId: server.locationId },
      orderBy: { seq: "asc" },
      select: { seq: true },
    });
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect((await db.locationCounter.findUniqueOrThrow({ where: { locationId: server.locationId } })).eventSeq).toBe(
      all.length,
    );

    const replay = await listKitchenEvents(chef, { after: before, limit: 10 });
    expect(replay.events.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => before + 1 + i));
    expect(replay.truncated).toBe(true);
    const rest = await listKitchenEvents(chef, { after: before + 10 });
    expect(rest.truncated).toBe(false);
    expect(rest.events).toHaveLength(10);
    expect(rest.seq).toBe(all.length);
    expect(rest.events.every((e) => e.type === "items.fired" && e.fireBatch === 1 && e.stationIds.length === 1)).toBe(
      true,
    );
  });

  it("validates the cursor", async () => {
    expect(await code(listKitchenEvents(chef, { after: -1 }))).toBe("VALIDATION");
    expect(await code(listKitchenEvents(chef, { after: "abc" }))).toBe("VALIDATION");
    expect((await listKitchenEvents(chef, { after: "999999" })).events).toEqual([]);
  });
});

describe("ticket rows", () => {
  it("the hand-written read answers what the ORM's TICKET_ITEM_SELECT answers, row for row", async () => {
    const { orderId } = await sendTicket("20", "ALLERGY: sesame");
    await testDb().order.update({ where: { id: orderId }, data: { notes: "Birthday" } });
    // A dish created without allergens has NULL in the column: the ORM answers [], so must the SQL.
    await testDb().$executeRaw`UPDATE "MenuItem" SET allergens = NULL WHERE id = ${ids["Hand-cut Fries"]}`;
    const itemIds = (await testDb().orderItem.findMany({ where: { orderId }, select: { id: true } })).map((i) => i.id);
    const viaOrm = await testDb().orderItem.findMany({
      where: { id: { in: itemIds } },
      select: TICKET_ITEM_SELECT,
      orderBy: [{ firedAt: "asc" }, { id: "asc" }],
    });
    const viaSql = await ticketItemRows(itemIds);
    expect(viaSql).toEqual(viaOrm);
    expect(viaSql.some((r) => r.modifiers.length > 0 && r.menuItem.allergens.length > 0)).toBe(true);
    expect(await ticketItemRows([])).toEqual([]);
  });
});
