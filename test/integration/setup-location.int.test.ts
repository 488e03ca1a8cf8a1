// Location settings, stations with their routing, and opening a location by copy, against the
// real database: field errors, roles, tenancy, archive rules, audit and copy completeness.
import { beforeAll, describe, expect, it } from "vitest";
import { archiveStation } from "@/lib/kitchen/archive-station";
import { getStationSetup } from "@/lib/kitchen/get-station-setup";
import { listStationSetup } from "@/lib/kitchen/list-station-setup";
import { listStations } from "@/lib/kitchen/list-stations";
import { saveStation } from "@/lib/kitchen/save-station";
import { setCategoryStation } from "@/lib/kitchen/set-category-station";
import { copyLocation } from "@/lib/locations/copy-location";
import { getLocationSettings } from "@/lib/locations/get-location-settings";
import { updateLocationSettings } from "@/lib/locations/update-location-settings";
import { saveCategory } from "@/lib/menu/save-category";
import { getOrderPadMenu } from "@/lib/menu/get-order-pad-menu";
import { buildStations } from "./builders/kitchen";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { buildAvailabilityWindow, buildCategory, buildMenuItem, buildModifierGroup } from "./builders/menu";
import { buildSentOrder } from "./builders/orders";
import { buildTables } from "./builders/tables";
import { tag } from "./builders/tag";
import { expectAppError, resetDb, testDb } from "./helpers";

let loc: BuiltLocation;
let other: BuiltLocation;

beforeAll(async () => {
  await resetDb();
  [loc, other] = await Promise.all([buildLocation(), buildLocation()]);
});

describe("location settings", () => {
  it("saves every setting, reads them back and audits the changed fields before/after", async () => {
    const saved = await updateLocationSettings(loc.ctx.MANAGER, {
      name: "Harbour Kitchen",
      address: "1 Quay Street",
      taxId: "GB123456789",
      timezone: "Europe/London",
      currency: "gbp",
      taxRateBps: 2000,
      kdsWarnMinutes: 6,
      kdsLateMinutes: 12,
      coursesUsed: ["MAINS", "DRINKS", "MAINS"],
      businessDayCutoffHour: 5,
      serviceChargeRules: [{ name: "Large party", minGuests: 8, rateBps: 1250 }],
    });
    expect(saved).toMatchObject({ currency: "GBP", coursesUsed: ["DRINKS", "MAINS"] });
    expect(await getLocationSettings(loc.ctx.ADMIN)).toMatchObject({
      name: "Harbour Kitchen",
      timezone: "Europe/London",
      serviceChargeRules: [{ name: "Large party", minGuests: 8, rateBps: 1250 }],
    });
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { locationId: loc.id, action: "location.settings.update" },
      orderBy: { createdAt: "desc" },
    });
    const details = audit.details as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(details.before.timezone).toBe("UTC");
    expect(details.after.timezone).toBe("Europe/London");
    expect(details.after.taxRateBps).toBe(2000);
    // The order pad offers only the courses kept.
    expect((await getOrderPadMenu(loc.ctx.SERVER)).location.coursesUsed).toEqual(["DRINKS", "MAINS"]);
  });

  it("turns guest-order approval on (audited) and refuses a value that is not yes or no", async () => {
    expect((await getLocationSettings(loc.ctx.MANAGER)).guestOrderApproval).toBe(false);
    await updateLocationSettings(loc.ctx.MANAGER, { guestOrderApproval: true });
    expect((await getLocationSettings(loc.ctx.MANAGER)).guestOrderApproval).toBe(true);
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { locationId: loc.id, action: "location.settings.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toMatchObject({ before: { guestOrderApproval: false }, after: { guestOrderApproval: true } });
    const e = await expectAppError(
      updateLocationSettings(loc.ctx.MANAGER, { guestOrderApproval: "yes" as never }),
      "VALIDATION",
    );
    expect(e.fieldErrors).toHaveProperty("guestOrderApproval");
    await updateLocationSettings(loc.ctx.MANAGER, { guestOrderApproval: false });
  });

  it("patches one field without touching the others and leaves no audit for a no-op", async () => {
    await updateLocationSettings(loc.ctx.MANAGER, { address: "2 Quay Street" });
    expect((await getLocationSettings(loc.ctx.MANAGER)).name).toBe("Harbour Kitchen");
    const before = await testDb().auditLog.count({ where: { locationId: loc.id } });
    await updateLocationSettings(loc.ctx.MANAGER, { address: "2 Quay Street" });
    expect(await testDb().auditLog.count({ where: { locationId: loc.id } })).toBe(before);
  });

  it("refuses bad input with field errors", async () => {
    const e = await expectAppError(
      updateLocationSettings(loc.ctx.MANAGER, {
        name: "",
        timezone: "Mars/Olympus",
        currency: "XYZ1",
        taxRateBps: -5,
        coursesUsed: [],
        businessDayCutoffHour: 24,
        serviceChargeRules: [{ name: "", rateBps: -1 }],
      }),
      "VALIDATION",
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual([
      "businessDayCutoffHour",
      "coursesUsed",
      "currency",
      "name",
      "serviceChargeRules.0.name",
      "serviceChargeRules.0.rateBps",
      "taxRateBps",
      "timezone",
    ]);
    const late = await expectAppError(updateLocationSettings(loc.ctx.MANAGER, { kdsLateMinutes: 6 }), "VALIDATION");
    expect(late.fieldErrors?.kdsLateMinutes).toEqual(["Late must be after the warning"]);
    // @ts-expect-error: not a setting
    await expectAppError(updateLocationSettings(loc.ctx.MANAGER, { slug: "stolen" }), "VALIDATION");
  });

  it("refuses staff without setup.manage", async () => {
    for (const role of ["SERVER", "CHEF", "CASHIER", "HOST"] as const) {
      await expectAppError(getLocationSettings(loc.ctx[role]), "FORBIDDEN");
      await expectAppError(updateLocationSettings(loc.ctx[role], { name: "Mine" }), "FORBIDDEN");
    }
  });
});

describe("stations", () => {
  it("creates, edits and lists stations; a duplicate slug is a field error", async () => {
    const { id } = await saveStation(loc.ctx.MANAGER, {
      fields: { name: "Grill", slug: "Grill", warnMinutes: 4, lateMinutes: 9 },
    });
    expect(await getStationSetup(loc.ctx.MANAGER, id)).toMatchObject({ slug: "grill", warnMinutes: 4 });
    await saveStation(loc.ctx.MANAGER, { id, fields: { name: "Char grill", slug: "grill", showOnExpo: false } });
    expect(await getStationSetup(loc.ctx.MANAGER, id)).toMatchObject({ name: "Char grill", warnMinutes: null });
    const e = await expectAppError(
      saveStation(loc.ctx.MANAGER, { fields: { name: "Other", slug: "grill" } }),
      "CONFLICT",
    );
    expect(e.fieldErrors?.slug).toBeDefined();
  });

  it("refuses bad input with field errors", async () => {
    const e = await expectAppError(
      saveStation(loc.ctx.MANAGER, { fields: { name: "", slug: "No Spaces!", warnMinutes: 9, lateMinutes: 5 } }),
      "VALIDATION",
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["fields.lateMinutes", "fields.name", "fields.slug"]);
    const half = await expectAppError(
      saveStation(loc.ctx.MANAGER, { fields: { name: "Half", slug: "half", warnMinutes: 3 } }),
      "VALIDATION",
    );
    expect(half.fieldErrors?.["fields.lateMinutes"]).toEqual(["Set both minutes or neither"]);
  });

  it("archives a station only once nothing routes to it and no ticket is live; then it leaves the pickers", async () => {
    const ids = await buildStations(loc.id, [{ slug: `fry-${tag()}` }, { slug: `pass-${tag()}`, isExpo: true }]);
    const [fry] = Object.values(ids);
    const category = await buildCategory(loc.id, { defaultStationId: fry });
    const dish = await buildMenuItem(loc.id, { categoryId: category.id, stationId: fry });
    const routed = await expectAppError(archiveStation(loc.ctx.MANAGER, { id: fry }), "INVALID_STATE");
    expect(routed.message).toMatch(/1 dish, 1 category/);

    // Route the category elsewhere (the stations page's routing table) and move the dish off it.
    const { id: grill } = await saveStation(loc.ctx.MANAGER, { fields: { name: "Grill 2", slug: `g-${tag()}` } });
    await setCategoryStation(loc.ctx.MANAGER, { categoryId: category.id, stationId: grill });
    const { O: tableId } = await buildTables(loc.id, [`O${tag()}`.slice(0, 8)]).then((t) => ({
      O: Object.values(t)[0],
    }));
    await buildSentOrder(loc.ctx.SERVER, { tableId, items: [{ menuItemId: dish.id, quantity: 1 }] });
    await testDb().menuItem.update({ where: { id: dish.id }, data: { stationId: null } });
    const live = await expectAppError(archiveStation(loc.ctx.MANAGER, { id: fry }), "INVALID_STATE");
    expect(live.message).toMatch(/live ticket/);
    await testDb().orderItem.updateMany({ where: { stationId: fry }, data: { bumpedAt: new Date() } });

    await archiveStation(loc.ctx.MANAGER, { id: fry });
    expect((await listStations(loc.ctx.CHEF)).map((s) => s.id)).not.toContain(fry);
    expect((await listStationSetup(loc.ctx.MANAGER)).stations.find((s) => s.id === fry)?.archivedAt).not.toBeNull();
    // Not offered for routing any more.
    const e1 = await expectAppError(
      setCategoryStation(loc.ctx.MANAGER, { categoryId: category.id, stationId: fry }),
      "VALIDATION",
    );
    expect(e1.fieldErrors?.stationId).toBeDefined();
    await expectAppError(saveCategory(loc.ctx.MANAGER, { name: `C ${tag()}`, defaultStationId: fry }), "VALIDATION");
    await archiveStation(loc.ctx.MANAGER, { id: fry, archived: false });
    expect((await listStations(loc.ctx.CHEF)).map((s) => s.id)).toContain(fry);
  });

  it("refuses to route a category to expo, and a routed station cannot become expo", async () => {
    const ids = await buildStations(loc.id, [{ slug: `cold-${tag()}` }, { slug: `expo-${tag()}`, isExpo: true }]);
    const [cold, expo] = Object.values(ids);
    const category = await buildCategory(loc.id);
    await expectAppError(
      setCategoryStation(loc.ctx.MANAGER, { categoryId: category.id, stationId: expo }),
      "VALIDATION",
    );
    await setCategoryStation(loc.ctx.MANAGER, { categoryId: category.id, stationId: cold });
    const station = await getStationSetup(loc.ctx.MANAGER, cold);
    await expectAppError(
      saveStation(loc.ctx.MANAGER, { id: cold, fields: { name: station.name, slug: station.slug, isExpo: true } }),
      "INVALID_STATE",
    );
    await setCategoryStation(loc.ctx.MANAGER, { categoryId: category.id, stationId: null });
  });

  it("answers another location's station or category as not found and refuses non-managers", async () => {
    const theirs = Object.values(await buildStations(other.id, [{ slug: `t-${tag()}` }]))[0];
    const theirCategory = await buildCategory(other.id);
    await expectAppError(getStationSetup(loc.ctx.MANAGER, theirs), "NOT_FOUND");
    await expectAppError(archiveStation(loc.ctx.MANAGER, { id: theirs }), "NOT_FOUND");
    await expectAppError(saveStation(loc.ctx.MANAGER, { id: theirs, fields: { name: "x", slug: "x" } }), "NOT_FOUND");
    await expectAppError(
      setCategoryStation(loc.ctx.MANAGER, { categoryId: theirCategory.id, stationId: null }),
      "NOT_FOUND",
    );
    const mine = await buildCategory(loc.id);
    await expectAppError(setCategoryStation(loc.ctx.MANAGER, { categoryId: mine.id, stationId: theirs }), "VALIDATION");
    await expectAppError(saveStation(loc.ctx.CHEF, { fields: { name: "x", slug: "x" } }), "FORBIDDEN");
    await expectAppError(listStationSetup(loc.ctx.SERVER), "FORBIDDEN");
  });
});

describe("copy a location", () => {
  it("copies settings, stations, menu with routing, options, windows and the floor; not orders or staff", async () => {
    const src = await buildLocation();
    await updateLocationSettings(src.ctx.ADMIN, {
      currency: "EUR",
      taxRateBps: 1000,
      coursesUsed: ["STARTERS", "MAINS"],
      serviceChargeRules: [{ name: "House", rateBps: 500 }],
    });
    const st = await buildStations(src.id, [
      { slug: "grill", warnMinutes: 3, lateMinutes: 6 },
      { slug: "bar", showOnExpo: false },
      { slug: "old" },
      { slug: "pass", isExpo: true },
    ]);
    await testDb().kitchenStation.update({ where: { id: st.old }, data: { archivedAt: new Date() } });
    const mains = await buildCategory(src.id, { name: "Mains", defaultStationId: st.grill });
    const drinks = await buildCategory(src.id, { name: "Drinks", defaultStationId: st.bar });
    const steak = await buildMenuItem(src.id, { categoryId: mains.id, name: "Steak", priceCents: 2900 });
    const beer = await buildMenuItem(src.id, { categoryId: drinks.id, name: "Beer", stationId: st.bar });
    const gone = await buildMenuItem(src.id, { categoryId: mains.id, name: "Old dish" });
    await testDb().menuItem.update({ where: { id: gone.id }, data: { archivedAt: new Date() } });
    await buildModifierGroup(src.id, {
      name: "Sides",
      modifiers: [
        { name: "Fries", priceDeltaCents: 300, stationId: st.grill },
        { name: "Extra steak", recipeItemId: steak.id },
      ],
      menuItemIds: [steak.id],
    });
    await buildAvailabilityWindow(src.id, {
      name: "Evening",
      daysOfWeek: [5, 6],
      startMinute: 1020,
      endMinute: 1380,
      menuItemIds: [beer.id],
    });
    const tables = await buildTables(src.id, ["1", "2"], { area: "Hall" });
    await buildSentOrder(src.ctx.SERVER, { tableId: tables["1"], items: [{ menuItemId: steak.id, quantity: 1 }] });

    const result = await copyLocation(src.ctx.ADMIN, {
      name: "Second site",
      slug: `second-${tag()}`,
      sourceLocationId: src.id,
      includeFloor: true,
    });
    expect(result.counts).toEqual({
      stations: 3,
      categories: 2,
      availabilityWindows: 1,
      menuItems: 2,
      modifierGroups: 1,
      modifiers: 2,
      areas: 1,
      tables: 2,
    });
    const db = testDb();
    const copy = await db.location.findUniqueOrThrow({
      where: { id: result.id },
      include: {
        stations: true,
        categories: { include: { defaultStation: true } },
        items: { include: { station: true, modifierGroups: true, availability: { include: { window: true } } } },
        modifierGroups: { include: { modifiers: { include: { station: true, recipeItem: true } } } },
        tables: true,
        orders: true,
        memberships: true,
        counter: true,
      },
    });
    expect(copy).toMatchObject({ currency: "EUR", taxRateBps: 1000, coursesUsed: ["STARTERS", "MAINS"] });
    expect(copy.serviceChargeRules).toEqual([{ name: "House", minGuests: null, rateBps: 500, taxable: false }]);
    expect(copy.stations.map((s) => s.slug).sort()).toEqual(["bar", "grill", "pass"]);
    expect(copy.stations.find((s) => s.slug === "grill")).toMatchObject({ warnMinutes: 3, lateMinutes: 6 });
    expect(copy.stations.find((s) => s.slug === "bar")?.showOnExpo).toBe(false);
    expect(Object.fromEntries(copy.categories.map((c) => [c.name, c.defaultStation?.slug]))).toEqual({
      Mains: "grill",
      Drinks: "bar",
    });
    const beerCopy = copy.items.find((i) => i.name === "Beer")!;
    expect(beerCopy.station?.slug).toBe("bar");
    expect(beerCopy.station?.locationId).toBe(result.id);
    expect(beerCopy.availability.map((a) => a.window.name)).toEqual(["Evening"]);
    expect(copy.items.find((i) => i.name === "Steak")?.modifierGroups).toHaveLength(1);
    const sides = copy.modifierGroups[0].modifiers;
    expect(sides.find((m) => m.name === "Fries")?.station?.locationId).toBe(result.id);
    expect(sides.find((m) => m.name === "Extra steak")?.recipeItem?.locationId).toBe(result.id);
    expect(copy.tables.map((t) => t.label).sort()).toEqual(["1", "2"]);
    expect(copy.tables.every((t) => t.status === "FREE")).toBe(true);
    expect(copy.orders).toEqual([]);
    expect(copy.memberships).toEqual([expect.objectContaining({ userId: src.staff.ADMIN.userId, role: "ADMIN" })]);
    expect(copy.counter).not.toBeNull();
    expect(await db.auditLog.count({ where: { locationId: result.id, action: "location.create" } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { locationId: src.id, action: "location.copy", entityId: result.id } }),
    ).toBe(1);
  });

  it("leaves the floor behind unless asked", async () => {
    const src = await buildLocation();
    await buildTables(src.id, ["1"]);
    const r = await copyLocation(src.ctx.ADMIN, { name: "No floor", slug: `nf-${tag()}`, sourceLocationId: src.id });
    expect(r.counts).toMatchObject({ areas: 0, tables: 0 });
  });

  it("copies only from a location the user administers, refuses managers and taken slugs", async () => {
    await expectAppError(
      copyLocation(loc.ctx.ADMIN, { name: "Theirs", slug: `t-${tag()}`, sourceLocationId: other.id }),
      "NOT_FOUND",
    );
    // A manager elsewhere who is ADMIN here still may not copy the other place.
    const both = await addStaff(loc, "ADMIN");
    await testDb().membership.create({ data: { userId: both.userId, locationId: other.id, role: "MANAGER" } });
    await expectAppError(
      copyLocation(both.ctx, { name: "Theirs", slug: `t-${tag()}`, sourceLocationId: other.id }),
      "NOT_FOUND",
    );
    await expectAppError(
      copyLocation(loc.ctx.MANAGER, { name: "Mine", slug: `m-${tag()}`, sourceLocationId: loc.id }),
      "FORBIDDEN",
    );
    const taken = await expectAppError(
      copyLocation(loc.ctx.ADMIN, { name: "Dup", slug: other.slug, sourceLocationId: loc.id }),
      "CONFLICT",
    );
    expect(taken.fieldErrors?.slug).toBeDefined();
    const bad = await expectAppError(
      copyLocation(loc.ctx.ADMIN, { name: "", slug: "Not a slug!", sourceLocationId: loc.id }),
      "VALIDATION",
    );
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["name", "slug"]);
  });
});
