// Menu use cases against the real database: prices (bulk, audited, atomic), 86, CSV, roles, tenancy.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { bulkChangePrices } from "@/lib/menu/bulk-change-prices";
import { createMenuItem } from "@/lib/menu/create-menu-item";
import { deleteCategory } from "@/lib/menu/delete-category";
import { exportMenuCsv } from "@/lib/menu/export-menu-csv";
import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { getMenuItem } from "@/lib/menu/get-menu-item";
import { importMenuCsv } from "@/lib/menu/import-menu-csv";
import { moveCategory } from "@/lib/menu/move-category";
import { saveAvailabilityWindow } from "@/lib/menu/save-availability-window";
import { saveCategory } from "@/lib/menu/save-category";
import { saveModifierGroup } from "@/lib/menu/save-modifier-group";
import { setMenuItem86 } from "@/lib/menu/set-menu-item-86";
import { updateMenuItem } from "@/lib/menu/update-menu-item";
import { DEMO_SECOND_LOCATION_SLUG } from "@/prisma/demo-seed";
import { resetDb, seedFixture, ctxFor, expectAppError } from "./helpers";

let manager: Ctx;
let chef: Ctx;
let server: Ctx;
let uptownAdmin: Ctx;

const tag = () => randomUUID().slice(0, 8);

async function newItem(ctx: Ctx, priceCents: number, extra: Record<string, unknown> = {}) {
  const category = await db.menuCategory.findFirstOrThrow({ where: { locationId: ctx.locationId } });
  return createMenuItem(ctx, { name: `Dish ${tag()}`, categoryId: category.id, priceCents, ...extra });
}

beforeAll(async () => {
  await resetDb();
  await seedFixture();
  manager = await ctxFor("manager@demo.kitchen");
  chef = await ctxFor("chef@demo.kitchen");
  server = await ctxFor("server@demo.kitchen");
  uptownAdmin = await ctxFor("admin@demo.kitchen", DEMO_SECOND_LOCATION_SLUG);
});

describe("menu items", () => {
  it("creates an item with every field and reads it back", async () => {
    const station = await db.kitchenStation.findFirstOrThrow({
      where: { locationId: manager.locationId, isExpo: false },
    });
    const { id: windowId } = await saveAvailabilityWindow(manager, {
      name: `Lunch ${tag()}`,
      daysOfWeek: [1, 2, 3, 4, 5],
      startMinute: 690,
      endMinute: 900,
    });
    const { id: groupId } = await saveModifierGroup(manager, {
      name: `Sauce ${tag()}`,
      minSelect: 0,
      maxSelect: 2,
      modifiers: [
        { name: "Aioli", priceDeltaCents: 75 },
        { name: "Ketchup", priceDeltaCents: 0 },
      ],
    });
    const { id } = await newItem(manager, 1850, {
      description: "Beer-battered cod",
      taxRateBps: 825,
      stationId: station.id,
      imageUrl: "https://img.example/fish.jpg",
      allergens: ["FISH", "GLUTEN", "FISH"],
      dietaryTags: ["Dairy Free"],
      kcal: 820,
      proteinG: 31.5,
      carbsG: 70,
      fatG: 40.2,
      prepMinutes: 12,
      seasonalFrom: "2026-06-01",
      seasonalTo: "2026-08-31",
      modifierGroupIds: [groupId],
      availabilityWindowIds: [windowId],
    });
    expect(await getMenuItem(manager, id)).toMatchObject({
      priceCents: 1850,
      taxRateBps: 825,
      allergens: ["FISH", "GLUTEN"],
      dietaryTags: ["dairy-free"],
      proteinG: 31.5,
      fatG: 40.2,
      seasonalFrom: "2026-06-01",
      seasonalTo: "2026-08-31",
      modifierGroupIds: [groupId],
      availabilityWindowIds: [windowId],
    });
  });

  it("validates on the server with field-level messages", async () => {
    const category = await db.menuCategory.findFirstOrThrow({ where: { locationId: manager.locationId } });
    const e = await expectAppError(
      createMenuItem(manager, {
        name: "",
        categoryId: category.id,
        priceCents: -5,
        seasonalFrom: "2026-09-01",
        seasonalTo: "2026-01-01",
        allergens: ["SHELLFISH" as never],
      }),
      "VALIDATION",
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["allergens.0", "name", "priceCents", "seasonalTo"]);
    const dup = await newItem(manager, 100);
    const name = (await db.menuItem.findUniqueOrThrow({ where: { id: dup.id } })).name;
    const conflict = await expectAppError(
      createMenuItem(manager, { name, categoryId: category.id, priceCents: 100 }),
      "CONFLICT",
    );
    expect(conflict.fieldErrors).toEqual({ name: ["Already on the menu"] });
  });

  it("a price edit is audited with before/after and who did it", async () => {
    const { id } = await newItem(manager, 1200);
    const current = await getMenuItem(manager, id);
    await updateMenuItem(manager, { id, fields: { ...current, priceCents: 1350, description: "Now with herbs" } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "menu.item.price" } });
    expect(audit.actorId).toBe(manager.userId);
    expect(audit.details).toMatchObject({ before: { priceCents: 1200 }, after: { priceCents: 1350 } });
    const upd = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "menu.item.update" } });
    expect(Object.keys((upd.details as { after: object }).after).sort()).toEqual(["description", "priceCents"]);
  });
});

describe("bulk price change", () => {
  it("changes every selected price in one transaction, each audited", async () => {
    const items = await Promise.all([newItem(manager, 1000), newItem(manager, 1099), newItem(manager, 450)]);
    const r = await bulkChangePrices(manager, {
      itemIds: items.map((i) => i.id),
      change: { mode: "PERCENT", bps: 500, roundTo: 5 },
    });
    expect(r.changed.map((c) => c.toCents).sort((a, b) => a - b)).toEqual([475, 1050, 1155]);
    const audits = await db.auditLog.findMany({
      where: { action: "menu.item.price", entityId: { in: items.map((i) => i.id) } },
    });
    expect(audits).toHaveLength(3);
    expect(audits.every((a) => a.actorId === manager.userId && a.requestId === manager.requestId)).toBe(true);
  });

  it("is all or nothing: one price that would go negative leaves every price unchanged", async () => {
    const items = await Promise.all([newItem(manager, 1000), newItem(manager, 300)]);
    const e = await expectAppError(
      bulkChangePrices(manager, { itemIds: items.map((i) => i.id), change: { mode: "AMOUNT", deltaCents: -500 } }),
      "VALIDATION",
    );
    expect(e.message).toMatch(/would become negative/);
    const prices = await db.menuItem.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      select: { priceCents: true },
    });
    expect(prices.map((p) => p.priceCents).sort((a, b) => a - b)).toEqual([300, 1000]);
    expect(
      await db.auditLog.count({ where: { action: "menu.item.price", entityId: { in: items.map((i) => i.id) } } }),
    ).toBe(0);
  });

  it("refuses another location's items as NOT_FOUND and other roles as FORBIDDEN", async () => {
    const mine = await newItem(manager, 1000);
    await expectAppError(
      bulkChangePrices(uptownAdmin, { itemIds: [mine.id], change: { mode: "AMOUNT", deltaCents: 100 } }),
      "NOT_FOUND",
    );
    await expectAppError(
      bulkChangePrices(server, { itemIds: [mine.id], change: { mode: "AMOUNT", deltaCents: 100 } }),
      "FORBIDDEN",
    );
    await expectAppError(
      bulkChangePrices(chef, { itemIds: [mine.id], change: { mode: "AMOUNT", deltaCents: 100 } }),
      "FORBIDDEN",
    );
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: mine.id } })).priceCents).toBe(1000);
  });
});

describe("86", () => {
  it("one call 86s (MANUAL) and another restores; chefs may, servers may not", async () => {
    const { id } = await newItem(manager, 900);
    expect(await setMenuItem86(chef, { id, eightySixed: true })).toMatchObject({
      is86d: true,
      eightySixedBy: "MANUAL",
    });
    expect((await getMenuAdmin(manager)).items.find((i) => i.id === id)).toMatchObject({
      is86d: true,
      eightySixedBy: "MANUAL",
    });
    expect(await setMenuItem86(manager, { id, eightySixed: false })).toMatchObject({
      is86d: false,
      eightySixedBy: null,
    });
    expect(
      await db.auditLog.count({ where: { entityId: id, action: { in: ["menu.item.86", "menu.item.un86"] } } }),
    ).toBe(2);
    await expectAppError(setMenuItem86(server, { id, eightySixed: true }), "FORBIDDEN");
    await expectAppError(setMenuItem86(uptownAdmin, { id, eightySixed: true }), "NOT_FOUND");
  });
});

describe("categories and modifier groups", () => {
  it("reorders categories and refuses deleting one with items", async () => {
    const a = await saveCategory(manager, { name: `Cat A ${tag()}` });
    const b = await saveCategory(manager, { name: `Cat B ${tag()}` });
    await moveCategory(manager, { id: b.id, direction: "up" });
    const order = (await getMenuAdmin(manager)).categories.map((c) => c.id);
    expect(order.indexOf(b.id)).toBeLessThan(order.indexOf(a.id));
    const withItem = await db.menuCategory.findFirstOrThrow({
      where: { locationId: manager.locationId, items: { some: {} } },
    });
    await expectAppError(deleteCategory(manager, { id: withItem.id }), "CONFLICT");
    await deleteCategory(manager, { id: a.id });
    await expectAppError(moveCategory(uptownAdmin, { id: b.id, direction: "down" }), "NOT_FOUND");
  });

  it("validates min/max and edits options in place", async () => {
    const e = await expectAppError(
      saveModifierGroup(manager, {
        name: "Bad",
        minSelect: 3,
        maxSelect: 2,
        modifiers: [{ name: "A", priceDeltaCents: 0 }],
      }),
      "VALIDATION",
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["maxSelect", "minSelect"]);
    const { id } = await saveModifierGroup(manager, {
      name: `Temp ${tag()}`,
      minSelect: 1,
      maxSelect: 1,
      modifiers: [
        { name: "Rare", priceDeltaCents: 0 },
        { name: "Well", priceDeltaCents: 0 },
      ],
    });
    const mods = await db.modifier.findMany({ where: { groupId: id }, orderBy: { sortOrder: "asc" } });
    // Swap names and change a delta: ids are kept, the delta change is audited.
    await saveModifierGroup(manager, {
      id,
      name: "Doneness " + tag(),
      minSelect: 1,
      maxSelect: 1,
      modifiers: [
        { id: mods[0].id, name: "Well", priceDeltaCents: 50 },
        { id: mods[1].id, name: "Rare", priceDeltaCents: 0 },
      ],
    });
    const after = await db.modifier.findMany({ where: { groupId: id }, orderBy: { sortOrder: "asc" } });
    expect(after.map((m) => [m.id, m.name, m.priceDeltaCents])).toEqual([
      [mods[0].id, "Well", 50],
      [mods[1].id, "Rare", 0],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "menu.modifier_group.update" } });
    expect((audit.details as { priceChanges: unknown[] }).priceChanges).toEqual([
      { modifierId: mods[0].id, name: "Well", before: 0, after: 50 },
    ]);
  });
});

describe("menu CSV", () => {
  it("a file with any bad row writes nothing and lists each bad row", async () => {
    const category = await db.menuCategory.findFirstOrThrow({ where: { locationId: manager.locationId } });
    const good = `Csv dish ${tag()}`;
    const csv = [
      "name,category,price,allergens,station",
      `${good},${category.name},12.00,milk,`,
      `Csv bad ${tag()},No Such Category,9.00,,`,
      `Csv bad2 ${tag()},${category.name},nine,shellfish,nowhere`,
    ].join("\n");
    const e = await expectAppError(importMenuCsv(manager, { csv }), "VALIDATION");
    const rows = (e.details as { rowErrors: { line: number; column?: string }[] }).rowErrors.map(
      (r) => `${r.line}:${r.column}`,
    );
    // Format and reference errors in one pass: row 4's bad price does not hide its unknown station.
    expect(rows).toEqual(expect.arrayContaining(["3:category", "4:price", "4:allergens", "4:station"]));
    expect(await db.menuItem.findFirst({ where: { name: good } })).toBeNull();
  });

  it("imports, audits price changes and round-trips its own export", async () => {
    const { id } = await newItem(manager, 1000);
    const item = await db.menuItem.findUniqueOrThrow({ where: { id }, include: { category: true } });
    const fresh = `Csv new ${tag()}`;
    const csv = [
      "name,category,price,tax_rate,allergens",
      `${item.name},${item.category.name},11.50,,`,
      `${fresh},${item.category.name},7.25,8.25,eggs;milk`,
    ].join("\n");
    expect(await importMenuCsv(manager, { csv })).toMatchObject({ created: 1, updated: 1, priceChanges: 1 });
    expect((await db.menuItem.findUniqueOrThrow({ where: { id } })).priceCents).toBe(1150);
    expect(await db.menuItem.findFirstOrThrow({ where: { name: fresh } })).toMatchObject({
      priceCents: 725,
      taxRateBps: 825,
      allergens: ["EGGS", "MILK"],
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "menu.item.price" } })).toMatchObject({
      details: { before: { priceCents: 1000 }, after: { priceCents: 1150 }, source: "csv" },
    });

    const exported = await exportMenuCsv(manager);
    const dry = await importMenuCsv(manager, { csv: exported, dryRun: true });
    expect(dry.created).toBe(0);
    expect(dry.priceChanges).toBe(0);
  });

  it("wrong role → FORBIDDEN", async () => {
    await expectAppError(importMenuCsv(chef, { csv: "" }), "FORBIDDEN");
    await expectAppError(getMenuAdmin(server), "FORBIDDEN");
  });
});
