import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan, can } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { idSchema, parseInput, text } from "../validation";

export const copyLocationSchema = z.object({
  name: text("Enter a name").trim().min(1, "Enter a name").max(80, "At most 80 characters"),
  slug: text("Enter a short name for the URL")
    .trim()
    .toLowerCase()
    .min(2, "At least 2 characters")
    .max(40, "At most 40 characters")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lower-case letters, digits and single dashes"),
  sourceLocationId: idSchema,
  /** Also copy the floor: areas and tables (free, at the same places). */
  includeFloor: z.boolean().default(false),
});
export type CopyLocationInput = z.input<typeof copyLocationSchema>;

/**
 * Open a new location as a copy of one the user administers: settings, stations, categories with
 * their routing, menu items, modifier groups and options, availability windows and, when asked,
 * areas and tables. Orders, stock and staff stay behind; the creator becomes its ADMIN. One
 * transaction: a failure leaves nothing half-copied.
 */
export async function copyLocation(ctx: Ctx, raw: CopyLocationInput) {
  assertCan(ctx, "locations.create");
  const input = parseInput(copyLocationSchema, raw);
  const membership = await db.membership.findUnique({
    where: { userId_locationId: { userId: ctx.userId, locationId: input.sourceLocationId } },
    select: { role: true },
  });
  // Where the user may not open locations, the source "does not exist" for them.
  if (!membership || !can(membership.role, "locations.create")) throw notFound("Location");
  try {
    return await db.$transaction(
      async (tx) => {
        const { id, counts } = await copyInto(tx, input);
        await tx.membership.create({ data: { userId: ctx.userId, locationId: id, role: "ADMIN" } });
        const details = {
          sourceLocationId: input.sourceLocationId,
          slug: input.slug,
          includeFloor: input.includeFloor,
          counts,
        };
        await auditAs(
          { ...ctx, locationId: id },
          { action: "location.create", entityType: "Location", entityId: id, details },
          tx,
        );
        await auditAs(ctx, { action: "location.copy", entityType: "Location", entityId: id, details }, tx);
        return { id, slug: input.slug, counts };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "This short name is taken", { slug: ["Already used by another location"] });
    }
    throw error;
  }
}

async function copyInto(tx: Tx, input: z.output<typeof copyLocationSchema>) {
  const src = input.sourceLocationId;
  const from = await tx.location.findUniqueOrThrow({ where: { id: src } });
  const location = await tx.location.create({
    data: {
      slug: input.slug,
      name: input.name,
      timezone: from.timezone,
      currency: from.currency,
      taxRateBps: from.taxRateBps,
      deliveryFeeTaxRateBps: from.deliveryFeeTaxRateBps,
      taxId: from.taxId,
      kdsWarnMinutes: from.kdsWarnMinutes,
      kdsLateMinutes: from.kdsLateMinutes,
      businessDayCutoffHour: from.businessDayCutoffHour,
      coursesUsed: from.coursesUsed,
      guestOrderApproval: from.guestOrderApproval,
      serviceChargeRules: from.serviceChargeRules ?? [],
      maxWeeklyShiftMinutes: from.maxWeeklyShiftMinutes,
      overtimeWeeklyMinutes: from.overtimeWeeklyMinutes,
      counter: { create: {} },
    },
  });
  const locationId = location.id;
  const byKey = <T extends { id: string }>(rows: T[], key: (r: T) => string) =>
    new Map(rows.map((r) => [key(r), r.id]));
  const mapId = (m: Map<string, string>, id: string | null) => (id ? (m.get(id) ?? null) : null);

  // Stations (active ones; archived ones belong to the old place's history).
  const stations = await tx.kitchenStation.findMany({ where: { locationId: src, archivedAt: null } });
  const newStations = await tx.kitchenStation.createManyAndReturn({
    data: stations.map(({ id: _id, locationId: _l, archivedAt: _a, ...s }) => ({ ...s, locationId })),
    select: { id: true, slug: true },
  });
  const stationSlug = byKey(newStations, (s) => s.slug);
  const stationMap = new Map(stations.map((s) => [s.id, stationSlug.get(s.slug)!]));

  const categories = await tx.menuCategory.findMany({ where: { locationId: src } });
  const newCategories = await tx.menuCategory.createManyAndReturn({
    data: categories.map((c) => ({
      locationId,
      name: c.name,
      sortOrder: c.sortOrder,
      active: c.active,
      defaultStationId: mapId(stationMap, c.defaultStationId),
    })),
    select: { id: true, name: true },
  });
  const categoryName = byKey(newCategories, (c) => c.name);
  const categoryMap = new Map(categories.map((c) => [c.id, categoryName.get(c.name)!]));

  const windows = await tx.availabilityWindow.findMany({ where: { locationId: src } });
  const newWindows = await tx.availabilityWindow.createManyAndReturn({
    data: windows.map(({ id: _id, locationId: _l, ...w }) => ({ ...w, locationId })),
    select: { id: true, name: true },
  });
  const windowName = byKey(newWindows, (w) => w.name);
  const windowMap = new Map(windows.map((w) => [w.id, windowName.get(w.name)!]));

  const items = await tx.menuItem.findMany({
    where: { locationId: src, archivedAt: null },
    include: { availability: true, modifierGroups: true },
  });
  const newItems = await tx.menuItem.createManyAndReturn({
    data: items.map((i) => ({
      locationId,
      categoryId: categoryMap.get(i.categoryId)!,
      stationId: mapId(stationMap, i.stationId),
      name: i.name,
      description: i.description,
      priceCents: i.priceCents,
      taxRateBps: i.taxRateBps,
      imageUrl: i.imageUrl,
      allergens: i.allergens,
      dietaryTags: i.dietaryTags,
      kcal: i.kcal,
      proteinG: i.proteinG,
      carbsG: i.carbsG,
      fatG: i.fatG,
      prepMinutes: i.prepMinutes,
      sortOrder: i.sortOrder,
      seasonalFrom: i.seasonalFrom,
      seasonalTo: i.seasonalTo,
    })),
    select: { id: true, name: true },
  });
  const itemName = byKey(newItems, (i) => i.name);
  const itemMap = new Map(items.map((i) => [i.id, itemName.get(i.name)!]));

  const groups = await tx.modifierGroup.findMany({ where: { locationId: src }, include: { modifiers: true } });
  const newGroups = await tx.modifierGroup.createManyAndReturn({
    data: groups.map((g) => ({
      locationId,
      name: g.name,
      minSelect: g.minSelect,
      maxSelect: g.maxSelect,
      sortOrder: g.sortOrder,
    })),
    select: { id: true, name: true },
  });
  const groupName = byKey(newGroups, (g) => g.name);
  const groupMap = new Map(groups.map((g) => [g.id, groupName.get(g.name)!]));
  const modifiers = groups.flatMap((g) =>
    g.modifiers.map((m) => ({
      groupId: groupMap.get(g.id)!,
      name: m.name,
      priceDeltaCents: m.priceDeltaCents,
      sortOrder: m.sortOrder,
      stationId: mapId(stationMap, m.stationId),
      recipeItemId: mapId(itemMap, m.recipeItemId),
      // Ingredients (stock) are not copied, so a removal has nothing to point at yet.
      removesIngredientId: null,
    })),
  );
  if (modifiers.length) await tx.modifier.createMany({ data: modifiers });
  const links = items.flatMap((i) =>
    i.modifierGroups.map((l) => ({
      menuItemId: itemMap.get(i.id)!,
      groupId: groupMap.get(l.groupId)!,
      sortOrder: l.sortOrder,
    })),
  );
  if (links.length) await tx.menuItemModifierGroup.createMany({ data: links });
  const availability = items.flatMap((i) =>
    i.availability.map((a) => ({ menuItemId: itemMap.get(i.id)!, windowId: windowMap.get(a.windowId)! })),
  );
  if (availability.length) await tx.menuItemAvailability.createMany({ data: availability });

  let areas = 0;
  let tables = 0;
  if (input.includeFloor) {
    const srcAreas = await tx.floorArea.findMany({
      where: { locationId: src, archivedAt: null },
      include: { tables: { where: { archivedAt: null } } },
    });
    for (const a of srcAreas) {
      const area = await tx.floorArea.create({ data: { locationId, name: a.name, sortOrder: a.sortOrder } });
      await tx.diningTable.createMany({
        data: a.tables.map((t) => ({
          locationId,
          areaId: area.id,
          label: t.label,
          seats: t.seats,
          shape: t.shape,
          posX: t.posX,
          posY: t.posY,
          width: t.width,
          height: t.height,
          rotation: t.rotation,
        })),
      });
      areas += 1;
      tables += a.tables.length;
    }
  }
  return {
    id: locationId,
    counts: {
      stations: newStations.length,
      categories: newCategories.length,
      availabilityWindows: newWindows.length,
      menuItems: newItems.length,
      modifierGroups: newGroups.length,
      modifiers: modifiers.length,
      areas,
      tables,
    },
  };
}
