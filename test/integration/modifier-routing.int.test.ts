// The menu console's modifier editor: where an option is made and which ingredient a removal
// takes out (issue 7 item 15), saved with tenancy and consistency checks.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { saveModifierGroup } from "@/lib/menu/save-modifier-group";
import { getModifierRouting } from "@/lib/menu/get-modifier-routing";
import { buildIngredient } from "./builders/inventory";
import { buildStations } from "./builders/kitchen";
import { buildLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { expectAppError, resetDb, testDb } from "./helpers";

let manager: Ctx, server: Ctx, otherManager: Ctx;
const ref: Record<string, string> = {};

beforeAll(async () => {
  await resetDb();
  const here = await buildLocation();
  const other = await buildLocation();
  [manager, server, otherManager] = [here.ctx.MANAGER, here.ctx.SERVER, other.ctx.MANAGER];
  const stations = await buildStations(here.id, [
    { slug: "grill", name: "Grill" },
    { slug: "fry", name: "Fryer" },
    { slug: "expo", name: "Expo", isExpo: true },
  ]);
  ref.fry = stations.fry;
  ref.expo = stations.expo;
  ref.otherKitchen = (await buildStations(other.id, [{ slug: "kitchen", name: "Kitchen" }])).kitchen;
  ref.tomatoes = (await buildIngredient(here.id, { name: "Tomatoes" })).id;
  const sides = await buildCategory(here.id, { name: "Sides", defaultStationId: stations.fry });
  ref.sweetFries = (await buildMenuItem(here.id, { categoryId: sides.id, name: "Sweet Potato Fries" })).id;
});

describe("modifier routing in the menu console", () => {
  it("saves an option's station, its dish and a removal, and shows them back", async () => {
    const name = `Sides ${randomUUID().slice(0, 6)}`;
    const { id } = await saveModifierGroup(manager, {
      name,
      minSelect: 0,
      maxSelect: 2,
      modifiers: [
        { name: "Fries on the side", priceDeltaCents: 0, stationId: ref.fry },
        { name: "Sweet fries", priceDeltaCents: 100, recipeItemId: ref.sweetFries },
        { name: "No tomato", priceDeltaCents: 0, removesIngredientId: ref.tomatoes },
      ],
    });
    const saved = await testDb().modifier.findMany({ where: { groupId: id }, orderBy: { sortOrder: "asc" } });
    expect(saved.map((m) => [m.name, m.stationId, m.recipeItemId, m.removesIngredientId])).toEqual([
      ["Fries on the side", ref.fry, null, null],
      ["Sweet fries", null, ref.sweetFries, null],
      ["No tomato", null, null, ref.tomatoes],
    ]);
    const routing = await getModifierRouting(manager);
    expect(routing.byModifier[saved[2].id]).toEqual({
      stationId: null,
      recipeItemId: null,
      removesIngredientId: ref.tomatoes,
    });
    expect(routing.stations.some((s) => s.id === ref.expo)).toBe(false);

    // Clearing on update.
    await saveModifierGroup(manager, {
      id,
      name,
      minSelect: 0,
      maxSelect: 2,
      modifiers: saved.map((m) => ({ id: m.id, name: m.name, priceDeltaCents: m.priceDeltaCents })),
    });
    const cleared = await testDb().modifier.findMany({ where: { groupId: id } });
    expect(cleared.every((m) => !m.stationId && !m.recipeItemId && !m.removesIngredientId)).toBe(true);
  });

  it("refuses another location's station, expo, a removal that is also routed, and non-managers", async () => {
    const base = { name: `Bad ${randomUUID().slice(0, 6)}`, minSelect: 0, maxSelect: 1 };
    const foreign = await expectAppError(
      saveModifierGroup(manager, {
        ...base,
        modifiers: [{ name: "X", priceDeltaCents: 0, stationId: ref.otherKitchen }],
      }),
      "VALIDATION",
    );
    expect(foreign.fieldErrors?.["modifiers.0.stationId"]).toEqual(["Not a station of this restaurant"]);
    const expo = await expectAppError(
      saveModifierGroup(manager, { ...base, modifiers: [{ name: "X", priceDeltaCents: 0, stationId: ref.expo }] }),
      "VALIDATION",
    );
    expect(expo.fieldErrors?.["modifiers.0.stationId"]).toBeDefined();
    const both = await expectAppError(
      saveModifierGroup(manager, {
        ...base,
        modifiers: [{ name: "No tomato", priceDeltaCents: 0, stationId: ref.fry, removesIngredientId: ref.tomatoes }],
      }),
      "VALIDATION",
    );
    expect(both.fieldErrors?.["modifiers.0.removesIngredientId"]).toEqual([
      "A removal is made by nobody: no station or dish",
    ]);
    const otherIngredient = await expectAppError(
      saveModifierGroup(otherManager, {
        ...base,
        modifiers: [{ name: "No tomato", priceDeltaCents: 0, removesIngredientId: ref.tomatoes }],
      }),
      "VALIDATION",
    );
    expect(otherIngredient.fieldErrors?.["modifiers.0.removesIngredientId"]).toEqual([
      "Not an ingredient of this restaurant",
    ]);
    await expectAppError(
      saveModifierGroup(server, { ...base, modifiers: [{ name: "X", priceDeltaCents: 0 }] }),
      "FORBIDDEN",
    );
    expect(await testDb().modifierGroup.count({ where: { name: base.name } })).toBe(0);
  });
});
