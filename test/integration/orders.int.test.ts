// Order use cases against the real PostgreSQL, on a small built restaurant: lifecycle, table
// status, totals, roles, tenancy, 86'd and unavailable items, modifiers, voids, stock rollback.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ingredient } from "@/generated/prisma/client";
import type { Ctx } from "@/lib/auth/context";
import { openOrder } from "@/lib/orders/open-order";
import { addOrderItems } from "@/lib/orders/add-order-items";
import { sendOrder } from "@/lib/orders/send-order";
import { fireCourse } from "@/lib/orders/fire-course";
import { voidOrderItem } from "@/lib/orders/void-order-item";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { getOrder } from "@/lib/orders/get-order";
import { listOrders } from "@/lib/orders/list-orders";
import { getOrderPadMenu } from "@/lib/menu/get-order-pad-menu";
import { localTime } from "@/lib/menu/availability";
import { setGuestCount } from "@/lib/orders/set-guest-count";
import { flagTable } from "@/lib/tables/flag-table";
import { bumpItems } from "@/lib/kitchen/bump-items";
import { buildIngredient, buildRecipe } from "./builders/inventory";
import { buildStations } from "./builders/kitchen";
import { addStaff, buildLocation } from "./builders/location";
import { buildAvailabilityWindow, buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { resetDb, testDb, expectAppError } from "./helpers";

const rejects = (p: Promise<unknown>) => expectAppError(p);

const key = () => randomUUID();
let server: Ctx, server2: Ctx, manager: Ctx, chef: Ctx, host: Ctx, otherManager: Ctx;
const item: Record<string, { id: string; groups: Record<string, Record<string, string>> }> = {};
const table: Record<string, string> = {};
let patties: Ingredient;
let categoryId: string;

async function menuItem(name: string) {
  const m = await testDb().menuItem.findFirstOrThrow({
    where: { name, locationId: server.locationId },
    include: { modifierGroups: { include: { group: { include: { modifiers: true } } } } },
  });
  const groups = Object.fromEntries(
    m.modifierGroups.map((g) => [g.group.name, Object.fromEntries(g.group.modifiers.map((x) => [x.name, x.id]))]),
  );
  return { id: m.id, groups };
}

/** The dishes these tests order, with what each test relies on: prices, stations, options, windows. */
async function buildMenu(locationId: string) {
  const station = await buildStations(locationId, [
    { slug: "grill", name: "Grill" },
    { slug: "saute", name: "Sauté" },
    { slug: "cold", name: "Cold / Pantry" },
    { slug: "bar", name: "Bar", showOnExpo: false },
  ]);
  categoryId = (await buildCategory(locationId, { name: "Mains", defaultStationId: station.saute })).id;
  const dish = (name: string, stationId: string, priceCents = 1000) =>
    buildMenuItem(locationId, { categoryId, name, stationId, priceCents });
  const burger = await dish("Classic Burger", station.grill, 1650);
  const steak = await dish("NY Strip Steak", station.grill, 3400);
  await dish("Soup of the Day", station.saute, 800);
  await dish("Iced Tea", station.bar, 395);
  await dish("Seasonal Sorbet", station.cold, 600);
  const ipa = await dish("Harbor IPA", station.bar, 750);
  const mimosa = await dish("Mimosa", station.bar, 1000);

  patties = await buildIngredient(locationId, { name: "Beef patties", baseUnit: "EACH", stock: "96" });
  await buildRecipe(locationId, { menuItemId: burger.id }, [[patties.id, "2"]]);
  await buildModifierGroup(locationId, {
    name: "Side choice",
    minSelect: 1,
    maxSelect: 1,
    modifiers: [{ name: "Hand-cut fries" }, { name: "Side salad" }],
    menuItemIds: [burger.id],
  });
  await buildModifierGroup(locationId, {
    name: "Burger add-ons",
    minSelect: 0,
    maxSelect: 4,
    modifiers: [{ name: "Applewood bacon", priceDeltaCents: 250 }],
    menuItemIds: [burger.id],
  });
  await buildModifierGroup(locationId, {
    name: "Steak temperature",
    minSelect: 1,
    maxSelect: 1,
    modifiers: [{ name: "Rare" }],
    menuItemIds: [steak.id],
  });
  // Days: 0 = Sunday … 6 = Saturday; minutes after local midnight.
  await buildAvailabilityWindow(locationId, {
    name: "Happy hour",
    daysOfWeek: [1, 2, 3, 4, 5],
    startMinute: 16 * 60,
    endMinute: 18 * 60,
    menuItemIds: [ipa.id],
  });
  await buildAvailabilityWindow(locationId, {
    name: "Brunch",
    daysOfWeek: [0, 6],
    startMinute: 10 * 60,
    endMinute: 15 * 60,
    menuItemIds: [mimosa.id],
  });
}

beforeAll(async () => {
  await resetDb();
  const location = await buildLocation({ timezone: "America/New_York", taxRateBps: 875 });
  ({ SERVER: server, MANAGER: manager, CHEF: chef, HOST: host } = location.ctx);
  server2 = (await addStaff(location, "SERVER")).ctx;
  otherManager = (await buildLocation()).ctx.MANAGER;
  await buildMenu(location.id);
  for (const name of ["Classic Burger", "NY Strip Steak", "Soup of the Day", "Iced Tea", "Seasonal Sorbet"])
    item[name] = await menuItem(name);
  Object.assign(
    table,
    await buildTables(
      location.id,
      Array.from({ length: 14 }, (_, i) => String(i + 1)),
    ),
  );
  Object.assign(table, await buildTables(location.id, ["P1", "P2", "P3"], { area: "Patio" }));
});

const burger = (over: Record<string, unknown> = {}) => ({
  menuItemId: item["Classic Burger"].id,
  quantity: 1,
  modifierIds: [
    item["Classic Burger"].groups["Side choice"]["Hand-cut fries"],
    item["Classic Burger"].groups["Burger add-ons"]["Applewood bacon"],
  ],
  seat: 1,
  course: "MAINS" as const,
  notes: "no pickles",
  ...over,
});
const soup = (over: Record<string, unknown> = {}) => ({
  menuItemId: item["Soup of the Day"].id,
  quantity: 1,
  course: "STARTERS" as const,
  ...over,
});

describe("opening a table", () => {
  it("creates an order, numbers it, seats the table; a second tap continues the same order", async () => {
    const first = await openOrder(server, { tableId: table["1"], guestCount: 2 });
    expect(first.created).toBe(true);
    expect(first.number).toBeGreaterThan(0);
    const again = await openOrder(server2, { tableId: table["1"], guestCount: 3 });
    expect(again).toMatchObject({ orderId: first.orderId, created: false });
    const t = await testDb().diningTable.findUniqueOrThrow({ where: { id: table["1"] } });
    expect(t.status).toBe("SEATED");
    const events = await testDb().orderEvent.findMany({ where: { orderId: first.orderId } });
    expect(events.map((e) => e.type)).toEqual(["order.opened"]);
  });

  it("concurrent opens of one table still give one order", async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => openOrder(server, { tableId: table["2"], guestCount: 2 })),
    );
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it("refuses another location's table (404) and roles that do not take orders (403)", async () => {
    expect((await rejects(openOrder(otherManager, { tableId: table["3"] }))).code).toBe("NOT_FOUND");
    expect((await rejects(openOrder(chef, { tableId: table["3"] }))).code).toBe("FORBIDDEN");
  });
});

describe("sending to the kitchen", () => {
  it("saves and fires the lines, snapshots prices, computes tax, moves the table to ORDERED", async () => {
    const { orderId } = await openOrder(server, { tableId: table["4"], guestCount: 2 });
    const sent = await sendOrder(server, { orderId, idempotencyKey: key(), items: [burger({ quantity: 2 }), soup()] });
    expect(sent).toMatchObject({ orderId, fireBatch: 1, status: "SENT", replayed: false, heldItemIds: [] });
    expect(sent.firedItemIds).toHaveLength(2);
    // Burger 1650 + fries 0 + bacon 250 = 1900 × 2 = 3800; soup 800 → 4600; tax 8.75 % = 402.5 → 403.
    expect(sent).toMatchObject({ subtotalCents: 4600, taxCents: 403, totalCents: 5003 });

    const order = await getOrder(server, { orderId });
    expect(order.items.every((i) => i.status === "SENT" && i.fireBatch === 1 && i.firedAt)).toBe(true);
    const b = order.items.find((i) => i.name === "Classic Burger")!;
    expect(b).toMatchObject({
      unitPriceCents: 1650,
      modifiersCents: 250,
      taxRateBps: 875,
      quantity: 2,
      seat: 1,
      notes: "no pickles",
      course: "MAINS",
    });
    expect(b.station?.name).toBe("Grill");
    expect(b.modifiers.map((m) => m.name).sort()).toEqual(["Applewood bacon", "Hand-cut fries"]);
    expect((await testDb().diningTable.findUniqueOrThrow({ where: { id: table["4"] } })).status).toBe("ORDERED");
    const events = await testDb().orderEvent.findMany({ where: { orderId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["order.opened", "items.fired"]);
    expect(events[1].actorId).toBe(server.userId);
    expect(JSON.stringify(events[1].payload)).not.toMatch(/cents|price/i);
  });

  it("holds courses and fires them later ('fire mains') as a new ticket", async () => {
    const { orderId } = await openOrder(server, { tableId: table["5"], guestCount: 2 });
    const sent = await sendOrder(server, {
      orderId,
      idempotencyKey: key(),
      items: [soup(), burger()],
      holdCourses: ["MAINS"],
    });
    expect(sent.firedItemIds).toHaveLength(1);
    expect(sent.heldItemIds).toHaveLength(1);
    let order = await getOrder(server, { orderId });
    expect(order.items.map((i) => [i.name, i.status]).sort()).toEqual([
      ["Classic Burger", "HELD"],
      ["Soup of the Day", "SENT"],
    ]);

    const fired = await fireCourse(server, { orderId, course: "MAINS" });
    expect(fired.fireBatch).toBe(2);
    order = await getOrder(server, { orderId });
    expect(order.items.find((i) => i.name === "Classic Burger")).toMatchObject({ status: "SENT", fireBatch: 2 });
    expect((await rejects(fireCourse(server, { orderId, course: "MAINS" }))).code).toBe("INVALID_STATE");
  });

  it("can save lines without sending, then send them", async () => {
    const { orderId } = await openOrder(server, { tableId: table["6"] });
    const added = await addOrderItems(server, { orderId, items: [soup({ quantity: 2 })] });
    expect(added.itemIds).toHaveLength(1);
    expect(added.subtotalCents).toBe(1600);
    expect((await getOrder(server, { orderId })).items[0].status).toBe("PENDING");
    const sent = await sendOrder(server, { orderId, idempotencyKey: key() });
    expect(sent.firedItemIds).toEqual(added.itemIds);
    expect((await rejects(sendOrder(server, { orderId, idempotencyKey: key() }))).code).toBe("INVALID_STATE"); // nothing new
  });

  it("enforces modifier min/max on the server", async () => {
    const { orderId } = await openOrder(server, { tableId: table["7"] });
    const noSide = await rejects(
      sendOrder(server, { orderId, idempotencyKey: key(), items: [burger({ modifierIds: [] })] }),
    );
    expect(noSide.code).toBe("VALIDATION");
    expect(noSide.fieldErrors?.["items.0.modifierIds"]).toEqual(["Choose Side choice"]);
    const sides = item["Classic Burger"].groups["Side choice"];
    const twoSides = await rejects(
      sendOrder(server, {
        orderId,
        idempotencyKey: key(),
        items: [burger({ modifierIds: [sides["Hand-cut fries"], sides["Side salad"]] })],
      }),
    );
    expect(twoSides.fieldErrors?.["items.0.modifierIds"]?.[0]).toMatch(/at most 1/);
    const steakTemp = item["NY Strip Steak"].groups["Steak temperature"]["Rare"];
    const foreign = await rejects(
      sendOrder(server, {
        orderId,
        idempotencyKey: key(),
        items: [burger({ modifierIds: [sides["Hand-cut fries"], steakTemp] })],
      }),
    );
    expect(foreign.fieldErrors?.["items.0.modifierIds"]?.[0]).toMatch(/does not belong/);
    expect(await testDb().orderItem.count({ where: { orderId } })).toBe(0);
  });

  it("validates input with field messages", async () => {
    const { orderId } = await openOrder(server, { tableId: table["8"] });
    const bad = await rejects(
      sendOrder(server, { orderId, idempotencyKey: "x", items: [{ menuItemId: item["Iced Tea"].id, quantity: 0 }] }),
    );
    expect(bad.code).toBe("VALIDATION");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["idempotencyKey", "items.0.quantity"]);
  });

  it("refuses 86'd items: when adding, when sending, and when firing something 86'd since", async () => {
    const db = testDb();
    const { orderId } = await openOrder(server, { tableId: table["9"] });
    await db.menuItem.update({ where: { id: item["Iced Tea"].id }, data: { is86d: true } });
    try {
      const add = await rejects(
        addOrderItems(server, { orderId, items: [{ menuItemId: item["Iced Tea"].id, quantity: 1 }] }),
      );
      expect(add.code).toBe("UNAVAILABLE_ITEM");
      expect(add.fieldErrors?.["items.0.menuItemId"]?.[0]).toMatch(/86'd/);
      expect(
        (
          await rejects(
            sendOrder(server, {
              orderId,
              idempotencyKey: key(),
              items: [{ menuItemId: item["Iced Tea"].id, quantity: 1 }],
            }),
          )
        ).code,
      ).toBe("UNAVAILABLE_ITEM");

      const menu = await getOrderPadMenu(server);
      const tea = menu.categories.flatMap((c) => c.items).find((i) => i.id === item["Iced Tea"].id);
      expect(tea?.is86d).toBe(true); // shown as unavailable, not hidden
    } finally {
      await db.menuItem.update({ where: { id: item["Iced Tea"].id }, data: { is86d: false } });
    }
    await addOrderItems(server, {
      orderId,
      items: [{ menuItemId: item["Iced Tea"].id, quantity: 1, course: "DRINKS" }],
    });
    await db.menuItem.update({ where: { id: item["Iced Tea"].id }, data: { is86d: true } });
    try {
      const late = await rejects(sendOrder(server, { orderId, idempotencyKey: key() }));
      expect(late.code).toBe("UNAVAILABLE_ITEM");
      expect((await getOrder(server, { orderId })).items[0].status).toBe("PENDING");
    } finally {
      await db.menuItem.update({ where: { id: item["Iced Tea"].id }, data: { is86d: false } });
    }
  });

  it("hides items outside their availability window and refuses them on the server", async () => {
    const db = testDb();
    const never = await db.availabilityWindow.create({
      data: { locationId: server.locationId, name: "Never (test)", daysOfWeek: [], startMinute: 0, endMinute: 60 },
    });
    await db.menuItemAvailability.create({ data: { menuItemId: item["Seasonal Sorbet"].id, windowId: never.id } });
    const menu = await getOrderPadMenu(server);
    expect(menu.categories.flatMap((c) => c.items).some((i) => i.id === item["Seasonal Sorbet"].id)).toBe(false);
    const { orderId } = await openOrder(server, { tableId: table["10"] });
    const e = await rejects(
      sendOrder(server, {
        orderId,
        idempotencyKey: key(),
        items: [{ menuItemId: item["Seasonal Sorbet"].id, quantity: 1 }],
      }),
    );
    expect(e.code).toBe("UNAVAILABLE_ITEM");
    await db.menuItemAvailability.deleteMany({ where: { windowId: never.id } });
    await db.availabilityWindow.delete({ where: { id: never.id } });
  });

  it("shows items back later today greyed with the local time they come back (from HH:MM); the server still refuses them", async () => {
    const db = testDb();
    // A window opening three hours from now (location time), every day: closed right now.
    const now = localTime(new Date(), "America/New_York");
    const start = (now.minute + 180) % 1440;
    const later = await db.availabilityWindow.create({
      data: {
        locationId: server.locationId,
        name: "Later (test)",
        daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
        startMinute: start,
        endMinute: (start + 60) % 1440,
      },
    });
    await db.menuItemAvailability.create({ data: { menuItemId: item["Seasonal Sorbet"].id, windowId: later.id } });
    try {
      const menu = await getOrderPadMenu(server);
      const sorbet = menu.categories.flatMap((c) => c.items).find((i) => i.id === item["Seasonal Sorbet"].id);
      const hhmm = `${String(Math.floor(start / 60)).padStart(2, "0")}:${String(start % 60).padStart(2, "0")}`;
      expect(sorbet?.availableFrom).toBe(hhmm);
      expect(
        menu.categories.flatMap((c) => c.items).find((i) => i.id === item["Iced Tea"].id)?.availableFrom,
      ).toBeNull();
      const { orderId } = await openOrder(server, { tableId: table["10"] });
      const e = await rejects(
        sendOrder(server, {
          orderId,
          idempotencyKey: key(),
          items: [{ menuItemId: item["Seasonal Sorbet"].id, quantity: 1 }],
        }),
      );
      expect(e.code).toBe("UNAVAILABLE_ITEM");
      expect(e.fieldErrors?.["items.0.menuItemId"]?.[0]).toMatch(/not available at this time/);
    } finally {
      await db.menuItemAvailability.deleteMany({ where: { windowId: later.id } });
      await db.availabilityWindow.delete({ where: { id: later.id } });
    }
  });

  it("refuses a dish out of season or in a hidden category, naming the line", async () => {
    const db = testDb();
    const sorbet = item["Seasonal Sorbet"];
    const before = await db.menuItem.findUniqueOrThrow({ where: { id: sorbet.id } });
    const category = await db.menuCategory.findUniqueOrThrow({ where: { id: before.categoryId } });
    try {
      await db.menuItem.update({
        where: { id: sorbet.id },
        data: { seasonalFrom: new Date("2001-06-01"), seasonalTo: new Date("2001-08-31") },
      });
      const { orderId } = await openOrder(server, { tableId: table["10"] });
      const send = () =>
        rejects(sendOrder(server, { orderId, idempotencyKey: key(), items: [{ menuItemId: sorbet.id, quantity: 1 }] }));
      const out = await send();
      expect(out.code).toBe("UNAVAILABLE_ITEM");
      expect(out.fieldErrors?.["items.0.menuItemId"]?.[0]).toMatch(/not available at this time/);

      await db.menuItem.update({ where: { id: sorbet.id }, data: { seasonalFrom: null, seasonalTo: null } });
      await db.menuCategory.update({ where: { id: category.id }, data: { active: false } });
      const hidden = await send();
      expect(hidden.code).toBe("VALIDATION");
      expect(hidden.fieldErrors?.["items.0.menuItemId"]).toEqual(["This item is not on the menu"]);
    } finally {
      await db.menuItem.update({
        where: { id: sorbet.id },
        data: { seasonalFrom: before.seasonalFrom, seasonalTo: before.seasonalTo },
      });
      await db.menuCategory.update({ where: { id: category.id }, data: { active: category.active } });
    }
  });

  it("a fixed instant: happy-hour beer at 04:00 on a Wednesday is 'from 16:00', Saturday brunch 'Sat 10:00'", async () => {
    const wed0400 = new Date("2026-11-25T09:00:00Z"); // 04:00 in New York
    const items = (await getOrderPadMenu(server, { at: wed0400 })).categories.flatMap((c) => c.items);
    expect(items.find((i) => i.name === "Harbor IPA")?.availableFrom).toBe("16:00");
    expect(items.find((i) => i.name === "Mimosa")?.availableFrom).toBe("Sat 10:00");
  });

  it("rolls the whole send back when stock runs out (nothing fired, key released)", async () => {
    const db = testDb();
    const level = await db.stockLevel.findUniqueOrThrow({ where: { ingredientId: patties.id } });
    await db.stockLevel.update({ where: { ingredientId: patties.id }, data: { quantity: 1 } });
    try {
      const { orderId } = await openOrder(server, { tableId: table["11"] });
      const k = key();
      const e = await rejects(sendOrder(server, { orderId, idempotencyKey: k, items: [burger(), soup()] }));
      expect(e.code).toBe("OUT_OF_STOCK");
      expect(await db.orderItem.count({ where: { orderId } })).toBe(0);
      expect(await db.orderEvent.count({ where: { orderId, type: "items.fired" } })).toBe(0);
      expect(await db.idempotencyKey.count({ where: { key: k } })).toBe(0);
      // The same key works once the problem is fixed (the failed attempt released it).
      const ok = await sendOrder(server, { orderId, idempotencyKey: k, items: [soup()] });
      expect(ok.firedItemIds).toHaveLength(1);
    } finally {
      await db.stockLevel.update({ where: { ingredientId: patties.id }, data: { quantity: level.quantity } });
    }
  });
});

describe("guest count after seating", () => {
  it("changes, persists and is audited; validated 1..99; the seat rule holds", async () => {
    const { orderId } = await openOrder(server, { tableId: table["13"], guestCount: 2 });
    expect(await setGuestCount(server, { orderId, guestCount: 5 })).toEqual({ orderId, guestCount: 5 });
    expect((await getOrder(server, { orderId })).guestCount).toBe(5);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "order.guests", entityId: orderId } });
    expect(audit.actorId).toBe(server.userId);
    expect(audit.details).toMatchObject({ before: 2, after: 5 });

    for (const bad of [0, 100, 2.5]) {
      const e = await rejects(setGuestCount(server, { orderId, guestCount: bad }));
      expect(e.code).toBe("VALIDATION");
      expect(e.fieldErrors?.guestCount).toBeDefined();
    }
    // A line on seat 4: the party cannot shrink below 4 until it moves.
    await sendOrder(server, { orderId, idempotencyKey: key(), items: [soup({ seat: 4 })] });
    const shrink = await rejects(setGuestCount(server, { orderId, guestCount: 3 }));
    expect(shrink.fieldErrors?.guestCount?.[0]).toMatch(/Seat 4/);
    await setGuestCount(host, { orderId, guestCount: 4 }); // hosts seat guests too
    expect((await getOrder(server, { orderId })).guestCount).toBe(4);
    await updateOrderStatus(manager, { orderId, status: "VOIDED", reason: "test done" }); // free the table for later tests
  });

  it("refuses the kitchen, another location's order (404) and closed orders", async () => {
    const { orderId } = await openOrder(server, { tableId: table["14"] });
    expect((await rejects(setGuestCount(chef, { orderId, guestCount: 3 }))).code).toBe("FORBIDDEN");
    expect((await rejects(setGuestCount(otherManager, { orderId, guestCount: 3 }))).code).toBe("NOT_FOUND");
    await updateOrderStatus(server, { orderId, status: "CLOSED" });
    expect((await rejects(setGuestCount(server, { orderId, guestCount: 3 }))).code).toBe("INVALID_STATE");
  });
});

describe("voids", () => {
  it("need a reason; an item the kitchen has seen needs a manager", async () => {
    const { orderId } = await openOrder(server, { tableId: table["12"] });
    const sent = await sendOrder(server, { orderId, idempotencyKey: key(), items: [burger(), soup()] });
    const [burgerId] = sent.firedItemIds;
    const noReason = await rejects(voidOrderItem(manager, { orderId, orderItemId: burgerId, reason: "" }));
    expect(noReason.code).toBe("VALIDATION");
    expect(noReason.fieldErrors?.reason).toBeDefined();
    expect(
      (await rejects(voidOrderItem(server, { orderId, orderItemId: burgerId, reason: "guest changed mind" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await rejects(voidOrderItem(chef, { orderId, orderItemId: burgerId, reason: "guest changed mind" }))).code,
    ).toBe("FORBIDDEN");

    const before = await getOrder(server, { orderId });
    await voidOrderItem(manager, { orderId, orderItemId: burgerId, reason: "guest changed mind" });
    const after = await getOrder(server, { orderId });
    const voided = after.items.find((i) => i.id === burgerId)!;
    expect(voided).toMatchObject({ status: "VOIDED", voidReason: "guest changed mind" });
    expect(after.subtotalCents).toBeLessThan(before.subtotalCents);
    const audit = await testDb().auditLog.findFirst({ where: { action: "order.item.void", entityId: burgerId } });
    expect(audit?.actorId).toBe(manager.userId);
    const ev = await testDb().orderEvent.findFirstOrThrow({ where: { orderId, type: "items.voided" } });
    expect(ev.payload).toMatchObject({ itemIds: [burgerId], reason: "guest changed mind" });
    expect((await rejects(voidOrderItem(manager, { orderId, orderItemId: burgerId, reason: "again" }))).code).toBe(
      "INVALID_STATE",
    );
  });

  it("a fired line voided before the kitchen bumps it goes back in stock; a made one does not", async () => {
    const stockOf = async (orderItemId: string) =>
      testDb().stockMovement.findMany({
        where: { orderItemId },
        select: { type: true, quantityDelta: true, ingredientId: true },
      });
    const levels = async (ids: string[]) =>
      Object.fromEntries(
        (await testDb().stockLevel.findMany({ where: { ingredientId: { in: ids } } })).map((l) => [
          l.ingredientId,
          Number(l.quantity),
        ]),
      );

    const { orderId } = await openOrder(server, { tableId: table["11"] });
    const sent = await sendOrder(server, { orderId, idempotencyKey: key(), items: [burger(), burger()] });
    const [first, second] = sent.firedItemIds;
    const sales = await stockOf(first);
    expect(sales.length).toBeGreaterThan(0);
    const ingredientIds = sales.map((m) => m.ingredientId);
    const beforeVoid = await levels(ingredientIds);

    await voidOrderItem(manager, { orderId, orderItemId: first, reason: "guest left before it was cooked" });
    const afterVoid = await levels(ingredientIds);
    for (const m of sales)
      expect(afterVoid[m.ingredientId]).toBeCloseTo(beforeVoid[m.ingredientId] - Number(m.quantityDelta), 3);
    expect((await stockOf(first)).filter((m) => m.type === "SALE_REVERSAL")).toHaveLength(sales.length);

    await voidOrderItem(manager, { orderId, orderItemId: second, reason: "dropped on the pass", returnToStock: false });
    expect((await stockOf(second)).some((m) => m.type === "SALE_REVERSAL")).toBe(false);
    expect(await levels(ingredientIds)).toEqual(afterVoid);

    // Bumped = cooked: by default its ingredients are used up, not returned.
    const third = (await sendOrder(server, { orderId, idempotencyKey: key(), items: [burger()] })).firedItemIds[0];
    await bumpItems(chef, { station: "grill", orderItemIds: [third] });
    await voidOrderItem(manager, { orderId, orderItemId: third, reason: "sent back after cooking" });
    expect((await stockOf(third)).some((m) => m.type === "SALE_REVERSAL")).toBe(false);
  });

  it("an unsent line can be voided by the server", async () => {
    const { orderId } = await openOrder(server, { tableId: table["13"] });
    const { itemIds } = await addOrderItems(server, { orderId, items: [soup()] });
    await voidOrderItem(server, { orderId, orderItemId: itemIds[0], reason: "wrong table" });
    expect((await getOrder(server, { orderId })).items[0].status).toBe("VOIDED");
  });

  it("another location's order or item is not found", async () => {
    const { orderId } = await openOrder(server, { tableId: table["14"] });
    const { itemIds } = await addOrderItems(server, { orderId, items: [soup()] });
    expect(
      (await rejects(voidOrderItem(otherManager, { orderId, orderItemId: itemIds[0], reason: "nope nope" }))).code,
    ).toBe("NOT_FOUND");
    expect((await rejects(getOrder(otherManager, { orderId }))).code).toBe("NOT_FOUND");
    expect((await rejects(sendOrder(otherManager, { orderId, idempotencyKey: key() }))).code).toBe("NOT_FOUND");
    expect((await rejects(updateOrderStatus(otherManager, { orderId, status: "CLOSED" }))).code).toBe("NOT_FOUND");
    expect((await listOrders(otherManager, {})).some((o) => o.id === orderId)).toBe(false);
    expect((await rejects(getOrder(chef, { orderId }))).code).toBe("FORBIDDEN");
  });
});

describe("closing and voiding orders", () => {
  it("close frees the table and drops unsent lines; it is refused while food is in the kitchen", async () => {
    const { orderId } = await openOrder(server, { tableId: table["P1"] });
    await sendOrder(server, { orderId, idempotencyKey: key(), items: [soup()] });
    expect((await rejects(updateOrderStatus(server, { orderId, status: "CLOSED" }))).code).toBe("INVALID_STATE");
    expect((await rejects(updateOrderStatus(host, { orderId, status: "CLOSED" }))).code).toBe("FORBIDDEN");
    const voidNoReason = await rejects(updateOrderStatus(manager, { orderId, status: "VOIDED" }));
    expect(voidNoReason.fieldErrors?.reason).toBeDefined();
    expect((await rejects(updateOrderStatus(server, { orderId, status: "VOIDED", reason: "walked out" }))).code).toBe(
      "FORBIDDEN",
    );
    await updateOrderStatus(manager, { orderId, status: "VOIDED", reason: "walked out" });
    const order = await getOrder(server, { orderId });
    expect(order.status).toBe("VOIDED");
    expect(order.items.every((i) => i.status === "VOIDED")).toBe(true);
    expect(order.totalCents).toBe(0);
    expect((await testDb().diningTable.findUniqueOrThrow({ where: { id: table["P1"] } })).status).toBe("FREE");

    const next = await openOrder(server, { tableId: table["P1"] });
    expect(next.created).toBe(true);
    await addOrderItems(server, { orderId: next.orderId, items: [soup()] });
    await updateOrderStatus(server, { orderId: next.orderId, status: "CLOSED" });
    const closed = await getOrder(server, { orderId: next.orderId });
    expect(closed.status).toBe("CLOSED");
    expect(closed.closedAt).not.toBeNull();
    expect(closed.items[0]).toMatchObject({ status: "VOIDED", voidReason: "Not sent before the check closed" });
    expect(
      (await rejects(sendOrder(server, { orderId: next.orderId, idempotencyKey: key(), items: [soup()] }))).code,
    ).toBe("INVALID_STATE");
  });

  it("voiding a whole order returns the stock of every fired, unbumped line (as a line void does) and un-86s", async () => {
    const db = testDb();
    const dish = async (name: string, stock: string, perPortion: string) => {
      const ingredient = await db.ingredient.create({
        data: {
          locationId: manager.locationId,
          name: `${name} base`,
          baseUnit: "G",
          stockLevel: { create: { locationId: manager.locationId, quantity: stock } },
        },
      });
      const menuItem = await db.menuItem.create({
        data: {
          locationId: manager.locationId,
          categoryId,
          name,
          priceCents: 900,
          recipeLines: {
            create: [{ locationId: manager.locationId, ingredientId: ingredient.id, quantity: perPortion }],
          },
        },
      });
      return { menuItem, ingredient };
    };
    const level = async (ingredientId: string) =>
      Number((await db.stockLevel.findUniqueOrThrow({ where: { ingredientId } })).quantity);
    const a = await dish("Void test stew", "200", "100"); // two portions empty it: AUTO-86
    const b = await dish("Void test pie", "500", "50"); // made (bumped) before the void: stays used
    const c = await dish("Void test tart", "500", "50"); // already voided alone: not credited twice

    const { orderId } = await openOrder(server, { tableId: table["P3"] });
    const sent = await sendOrder(server, {
      orderId,
      idempotencyKey: key(),
      items: [
        { menuItemId: a.menuItem.id, quantity: 2 },
        { menuItemId: b.menuItem.id, quantity: 1 },
        { menuItemId: c.menuItem.id, quantity: 1 },
      ],
    });
    const [aLine, bLine, cLine] = sent.firedItemIds;
    expect(await level(a.ingredient.id)).toBe(0);
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: a.menuItem.id } })).eightySixedBy).toBe("AUTO");
    await db.orderItem.update({ where: { id: bLine }, data: { bumpedAt: new Date() } });
    await voidOrderItem(manager, { orderId, orderItemId: cLine, reason: "guest changed mind" });
    expect(await level(c.ingredient.id)).toBe(500);

    expect((await rejects(updateOrderStatus(server, { orderId, status: "VOIDED", reason: "walked out" }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await level(a.ingredient.id)).toBe(0); // a refused void changes nothing
    await updateOrderStatus(manager, { orderId, status: "VOIDED", reason: "walked out" });

    expect(await level(a.ingredient.id)).toBe(200);
    expect(await level(b.ingredient.id)).toBe(450);
    expect(await level(c.ingredient.id)).toBe(500);
    const reversals = await db.stockMovement.findMany({
      where: { orderItemId: { in: [aLine, bLine, cLine] }, type: "SALE_REVERSAL" },
      select: { orderItemId: true, quantityDelta: true },
    });
    expect(reversals.map((r) => [r.orderItemId, Number(r.quantityDelta)]).sort()).toEqual(
      [
        [aLine, 200],
        [cLine, 50],
      ].sort(),
    );
    const stew = await db.menuItem.findUniqueOrThrow({ where: { id: a.menuItem.id } });
    expect(stew).toMatchObject({ is86d: false, eightySixedBy: null });
    expect((await rejects(updateOrderStatus(manager, { orderId, status: "VOIDED", reason: "again" }))).code).toBe(
      "INVALID_STATE",
    );
    expect(await level(a.ingredient.id)).toBe(200);
  });

  it("flags a table for attention and clears it back to its order's status", async () => {
    const { orderId } = await openOrder(server, { tableId: table["P2"] });
    await sendOrder(server, { orderId, idempotencyKey: key(), items: [soup()] });
    expect((await flagTable(server, { tableId: table["P2"], attention: true })).status).toBe("NEEDS_ATTENTION");
    expect((await flagTable(server, { tableId: table["P2"], attention: false })).status).toBe("ORDERED");
    expect((await rejects(flagTable(otherManager, { tableId: table["P2"], attention: true }))).code).toBe("NOT_FOUND");
  });

  it("lists active orders of the location only", async () => {
    const active = await listOrders(server, {});
    expect(active.length).toBeGreaterThan(5);
    expect(active.every((o) => o.status !== "CLOSED" && o.status !== "VOIDED")).toBe(true);
    expect(await listOrders(otherManager, {})).toEqual([]);
  });
});
