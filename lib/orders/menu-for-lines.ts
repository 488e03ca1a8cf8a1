import "server-only";
import type { Tx } from "../db";
import type { WindowRule } from "../menu/availability";
import type { ModifierGroupRule } from "./modifier-rules";

export type MenuModifier = ModifierGroupRule["modifiers"][number] & {
  stationId: string | null;
  removesIngredientId: string | null;
  recipeItem: { stationId: string | null; category: { defaultStationId: string | null } } | null;
};
export type MenuGroup = Omit<ModifierGroupRule, "modifiers"> & { modifiers: MenuModifier[] };
export type MenuForLine = {
  id: string;
  name: string;
  priceCents: number;
  taxRateBps: number | null;
  stationId: string | null;
  archived: boolean;
  is86d: boolean;
  seasonalFrom: string | null;
  seasonalTo: string | null;
  category: { defaultStationId: string | null; active: boolean };
  windows: WindowRule[];
  groups: MenuGroup[];
};

/**
 * Everything a send checks and snapshots about the dishes it orders — category, availability
 * windows, modifier groups in order with their options and where each option is made — in one
 * statement. Hand-written SQL on purpose: it runs on every send, and the nested ORM read cost
 * ~3.5 ms of CPU per send in the query compiler (docs/adr/0018).
 */
export async function menuForLines(tx: Tx, locationId: string, menuItemIds: string[]): Promise<MenuForLine[]> {
  const rows = await tx.$queryRaw<
    (Omit<MenuForLine, "category"> & { categoryStationId: string | null; categoryActive: boolean })[]
  >`
    SELECT mi.id, mi.name, mi."priceCents", mi."taxRateBps", mi."stationId",
           mi."archivedAt" IS NOT NULL AS archived, mi."is86d",
           to_char(mi."seasonalFrom", 'YYYY-MM-DD') AS "seasonalFrom",
           to_char(mi."seasonalTo", 'YYYY-MM-DD') AS "seasonalTo",
           c."defaultStationId" AS "categoryStationId", c.active AS "categoryActive",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'daysOfWeek', w."daysOfWeek", 'startMinute', w."startMinute", 'endMinute', w."endMinute"))
             FROM "MenuItemAvailability" a JOIN "AvailabilityWindow" w ON w.id = a."windowId"
             WHERE a."menuItemId" = mi.id
           ), '[]') AS windows,
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', g.id, 'name', g.name, 'minSelect', g."minSelect", 'maxSelect', g."maxSelect",
                      'modifiers', COALESCE((
                        SELECT json_agg(json_build_object(
                                 'id', m.id, 'name', m.name, 'priceDeltaCents', m."priceDeltaCents",
                                 'is86d', m."is86d", 'stationId', m."stationId",
                                 'removesIngredientId', m."removesIngredientId",
                                 'recipeItem', CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object(
                                   'stationId', r."stationId",
                                   'category', json_build_object('defaultStationId', rc."defaultStationId")) END
                               ) ORDER BY m."sortOrder", m.id)
                        FROM "Modifier" m
                        LEFT JOIN "MenuItem" r ON r.id = m."recipeItemId"
                        LEFT JOIN "MenuCategory" rc ON rc.id = r."categoryId"
                        WHERE m."groupId" = g.id
                      ), '[]')
                    ) ORDER BY mg."sortOrder", g.id)
             FROM "MenuItemModifierGroup" mg JOIN "ModifierGroup" g ON g.id = mg."groupId"
             WHERE mg."menuItemId" = mi.id
           ), '[]') AS groups
    FROM "MenuItem" mi JOIN "MenuCategory" c ON c.id = mi."categoryId"
    WHERE mi.id = ANY(${menuItemIds}::text[]) AND mi."locationId" = ${locationId}`;
  return rows.map(({ categoryStationId, categoryActive, ...m }) => ({
    ...m,
    category: { defaultStationId: categoryStationId, active: categoryActive },
  }));
}
