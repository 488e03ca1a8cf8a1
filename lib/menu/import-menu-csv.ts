import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { auditAs } from "../audit/record-audit";
import type { RowError } from "../csv/validate-rows";

import { publishMenuChanged } from "./publish-menu-changed";
import { checkMenuCsv, menuReferenceErrors } from "./menu-csv";
import { assertCan } from "../auth/permissions";

export type MenuImportReport = {
  rows: number;
  created: number;
  updated: number;
  priceChanges: number;
  dryRun: boolean;
};

/**
 * Import menu items (matched by name, case-insensitive). Categories, stations, modifier groups
 * and windows must already exist (a typo must not silently create a new category). All or
 * nothing: any bad row → nothing written and a report of every bad row; price changes audited.
 */
export async function importMenuCsv(ctx: Ctx, input: { csv: string; dryRun?: boolean }): Promise<MenuImportReport> {
  assertCan(ctx, "menu.edit");
  const check = checkMenuCsv(input.csv);
  const where = { locationId: ctx.locationId };
  const [items, categories, stations, groups, windows] = await Promise.all([
    db.menuItem.findMany({ where: { ...where, archivedAt: null }, select: { id: true, name: true, priceCents: true } }),
    db.menuCategory.findMany({ where, select: { id: true, name: true } }),
    db.kitchenStation.findMany({ where: { ...where, archivedAt: null }, select: { id: true, name: true, slug: true } }),
    db.modifierGroup.findMany({ where, select: { id: true, name: true } }),
    db.availabilityWindow.findMany({ where, select: { id: true, name: true } }),
  ]);
  const lower = <T extends { name: string }>(rows: T[]) => new Map(rows.map((r) => [r.name.toLowerCase(), r]));
  const itemByName = lower(items);
  const categoryByName = lower(categories);
  const groupByName = lower(groups);
  const windowByName = lower(windows);
  const stationByKey = new Map([
    ...stations.map((s) => [s.slug.toLowerCase(), s] as const),
    ...stations.map((s) => [s.name.toLowerCase(), s] as const),
  ]);

  const names = (rows: { name: string }[]) => new Set(rows.map((r) => r.name.toLowerCase()));
  const errors: RowError[] = [
    ...check.errors,
    ...menuReferenceErrors(check.raw, {
      categories: names(categories),
      stations: new Set(stationByKey.keys()),
      modifierGroups: names(groups),
      windows: names(windows),
    }),
  ];
  if (errors.length) {
    errors.sort((a, b) => a.line - b.line);
    const lines = new Set(errors.map((e) => e.line)).size;
    throw new AppError(
      "VALIDATION",
      `${lines} row${lines === 1 ? "" : "s"} need${lines === 1 ? "s" : ""} fixing; nothing was imported`,
      undefined,
      { rowErrors: errors },
    );
  }
  // No errors: every name below resolves.
  const resolved = check.rows.map(({ line, data }) => ({
    line,
    row: data,
    categoryId: categoryByName.get(data.category.toLowerCase())?.id ?? "",
    stationId: data.station ? (stationByKey.get(data.station.toLowerCase())?.id ?? null) : null,
    groupIds: data.modifier_groups.map((g) => groupByName.get(g.toLowerCase())?.id ?? ""),
    windowIds: data.availability.map((w) => windowByName.get(w.toLowerCase())?.id ?? ""),
  }));
  const report: MenuImportReport = {
    rows: resolved.length,
    created: 0,
    updated: 0,
    priceChanges: 0,
    dryRun: !!input.dryRun,
  };
  for (const r of resolved) {
    const found = itemByName.get(r.row.name.toLowerCase());
    if (!found) report.created++;
    else {
      report.updated++;
      if (found.priceCents !== r.row.price) report.priceChanges++;
    }
  }
  if (input.dryRun) return report;

  const touched = await db.$transaction(
    async (tx) => {
      const ids: string[] = [];
      const nextSort = new Map<string, number>();
      for (const r of resolved) {
        const d = r.row;
        const data = {
          name: d.name,
          categoryId: r.categoryId,
          description: d.description,
          priceCents: d.price,
          taxRateBps: d.tax_rate,
          stationId: r.stationId,
          imageUrl: d.image_url,
          allergens: d.allergens,
          dietaryTags: d.dietary_tags,
          kcal: d.kcal,
          proteinG: d.protein_g,
          carbsG: d.carbs_g,
          fatG: d.fat_g,
          prepMinutes: d.prep_minutes,
          seasonalFrom: d.seasonal_from ? new Date(`${d.seasonal_from}T00:00:00Z`) : null,
          seasonalTo: d.seasonal_to ? new Date(`${d.seasonal_to}T00:00:00Z`) : null,
        };
        const found = itemByName.get(d.name.toLowerCase());
        let id: string;
        if (found) {
          id = found.id;
          await tx.menuItem.update({ where: { id }, data });
          if (found.priceCents !== d.price) {
            await auditAs(
              ctx,
              {
                action: "menu.item.price",
                entityType: "MenuItem",
                entityId: id,
                details: {
                  name: d.name,
                  before: { priceCents: found.priceCents },
                  after: { priceCents: d.price },
                  source: "csv",
                },
              },
              tx,
            );
          }
        } else {
          if (!nextSort.has(r.categoryId)) {
            const last = await tx.menuItem.aggregate({
              where: { locationId: ctx.locationId, categoryId: r.categoryId },
              _max: { sortOrder: true },
            });
            nextSort.set(r.categoryId, (last._max.sortOrder ?? -1) + 1);
          }
          const sortOrder = nextSort.get(r.categoryId)!;
          nextSort.set(r.categoryId, sortOrder + 1);
          id = (await tx.menuItem.create({ data: { ...data, locationId: ctx.locationId, sortOrder } })).id;
        }
        await tx.menuItemModifierGroup.deleteMany({ where: { menuItemId: id } });
        if (r.groupIds.length)
          await tx.menuItemModifierGroup.createMany({
            data: [...new Set(r.groupIds)].map((groupId, i) => ({ menuItemId: id, groupId, sortOrder: i })),
          });
        await tx.menuItemAvailability.deleteMany({ where: { menuItemId: id } });
        if (r.windowIds.length)
          await tx.menuItemAvailability.createMany({
            data: [...new Set(r.windowIds)].map((windowId) => ({ menuItemId: id, windowId })),
          });
        ids.push(id);
      }
      await auditAs(ctx, { action: "menu.csv.import", entityType: "MenuItem", details: { ...report } }, tx);
      return ids;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await publishMenuChanged(ctx, touched);
  return report;
}
