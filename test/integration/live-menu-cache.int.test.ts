// The live menu's rows are cached per menu version (lib/menu/live-menu-cache.ts): every change to
// the menu tables or the location must show on the next read — from any instance, which is why
// the version lives in the database (statement triggers) and not in this process.
import { beforeAll, describe, expect, it } from "vitest";
import { loadLiveMenu } from "@/lib/menu/get-order-pad-menu";
import { menuVersion } from "@/lib/menu/live-menu-cache";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildAvailabilityWindow, buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { resetDb, testDb } from "./helpers";

let loc: BuiltLocation;
let itemId: string;
let groupId: string;
let optionId: string;

const dish = async () => {
  const menu = await loadLiveMenu(loc.id);
  return menu.categories.flatMap((c) => c.items).find((i) => i.id === itemId);
};

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
  const category = await buildCategory(loc.id, { name: "Mains" });
  const item = await buildMenuItem(loc.id, { categoryId: category.id, name: "Risotto", priceCents: 1800 });
  itemId = item.id;
  const group = await buildModifierGroup(loc.id, {
    name: "Cheese",
    modifiers: [{ name: "Parmesan", priceDeltaCents: 150 }],
    menuItemIds: [itemId],
  });
  groupId = group.id;
  optionId = group.modifiers.Parmesan;
});

describe("the live menu cache", () => {
  it("reads the rows once per version and answers the same rows while nothing changes", async () => {
    const before = await menuVersion();
    const a = await loadLiveMenu(loc.id);
    const b = await loadLiveMenu(loc.id);
    expect(await menuVersion()).toBe(before);
    expect(b.location).toBe(a.location); // the cached row object, not a second read
    expect((await dish())?.priceCents).toBe(1800);
  });

  it("shows a price change, an 86 and an option's 86 at once", async () => {
    await testDb().menuItem.update({ where: { id: itemId }, data: { priceCents: 1950 } });
    expect((await dish())?.priceCents).toBe(1950);
    await testDb().menuItem.update({ where: { id: itemId }, data: { is86d: true } });
    expect((await dish())?.is86d).toBe(true);
    await testDb().modifier.update({ where: { id: optionId }, data: { is86d: true } });
    expect((await dish())?.modifierGroups[0].modifiers[0].is86d).toBe(true);
  });

  it("shows a link removed, a window added and a location's tax change", async () => {
    await testDb().menuItemModifierGroup.deleteMany({ where: { menuItemId: itemId, groupId } });
    expect((await dish())?.modifierGroups).toEqual([]);
    // A window that never includes now hides the dish (or shows when it is back).
    await buildAvailabilityWindow(loc.id, {
      daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
      startMinute: 0,
      endMinute: 1,
      menuItemIds: [itemId],
    });
    const withWindow = await dish();
    expect(withWindow === undefined || withWindow.availableFrom !== null).toBe(true);
    await testDb().menuItemAvailability.deleteMany({ where: { menuItemId: itemId } });
    expect((await dish())?.availableFrom).toBeNull();
    await testDb().location.update({ where: { id: loc.id }, data: { taxRateBps: 1000 } });
    expect((await loadLiveMenu(loc.id)).location.taxRateBps).toBe(1000);
  });

  it("does not see a change before its commit, and sees it after", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let updated!: () => void;
    const didUpdate = new Promise<void>((r) => (updated = r));
    const tx = testDb().$transaction(async (t) => {
      await t.menuItem.update({ where: { id: itemId }, data: { priceCents: 2100 } });
      updated();
      await held;
    });
    await didUpdate;
    expect((await dish())?.priceCents).toBe(1950);
    release();
    await tx;
    expect((await dish())?.priceCents).toBe(2100);
  });

  it("keeps the version moving across a reset (the sequence never repeats)", async () => {
    const before = await menuVersion();
    await testDb().menuCategory.updateMany({ where: { locationId: loc.id }, data: { sortOrder: 1 } });
    expect(await menuVersion()).toBeGreaterThan(before);
  });
});
