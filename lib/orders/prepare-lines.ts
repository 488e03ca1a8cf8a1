import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError, type FieldErrors } from "../errors";
import { isAvailable } from "../menu/availability";
import { modifierStationFor, stationFor } from "../menu/station-for";
import { menuForLines } from "./menu-for-lines";
import { checkModifierSelection, modifiersCents } from "./modifier-rules";
import type { NewItem } from "./schemas";
import { effectiveTaxRate } from "../menu/tax-rate";

export type PreparedLine = {
  id: string;
  menuItemId: string;
  stationId: string | null;
  name: string;
  unitPriceCents: number;
  modifiersCents: number;
  taxRateBps: number;
  quantity: number;
  seat: number | null;
  course: NewItem["course"];
  notes: string;
  /** The guest's nickname on lines ordered by QR (the ticket shows it). */
  guestLabel?: string | null;
  /** stationId: where the option is made when not at the line's station (see modifierStationFor). */
  modifiers: { modifierId: string; name: string; priceDeltaCents: number; stationId: string | null }[];
};

/**
 * Check new lines against the live menu — in this location, not archived, not 86'd, on the
 * menu right now, modifiers within each group's min/max — and snapshot names, prices, tax rate
 * and station, so the ticket and the bill keep what was ordered even if the menu changes.
 */
export async function prepareLines(
  tx: Tx,
  ctx: Pick<Ctx, "locationId">,
  /** The locked order's location facts (lockOrder reads them with the lock). */
  location: { taxRateBps: number; timezone: string },
  items: NewItem[],
  now = new Date(),
): Promise<PreparedLine[]> {
  if (items.length === 0) return [];
  const menuItems = await menuForLines(tx, ctx.locationId, [...new Set(items.map((i) => i.menuItemId))]);
  const byId = new Map(menuItems.map((m) => [m.id, m]));

  const fieldErrors: FieldErrors = {};
  const unavailable: string[] = [];
  const lines: PreparedLine[] = [];
  items.forEach((line, i) => {
    const m = byId.get(line.menuItemId);
    if (!m || m.archived || !m.category.active) {
      (fieldErrors[`items.${i}.menuItemId`] ??= []).push("This item is not on the menu");
      return;
    }
    if (m.is86d) {
      unavailable.push(m.name);
      (fieldErrors[`items.${i}.menuItemId`] ??= []).push(`${m.name} is 86'd (sold out)`);
      return;
    }
    const rule = {
      seasonalFrom: m.seasonalFrom,
      seasonalTo: m.seasonalTo,
      windows: m.windows,
    };
    if (!isAvailable(rule, now, location.timezone)) {
      unavailable.push(m.name);
      (fieldErrors[`items.${i}.menuItemId`] ??= []).push(`${m.name} is not available at this time`);
      return;
    }
    const groups = m.groups;
    const problems = checkModifierSelection(groups, line.modifierIds);
    if (problems.length > 0) {
      fieldErrors[`items.${i}.modifierIds`] = problems.map((p) => p.message);
      return;
    }
    const chosen = new Set(line.modifierIds);
    const stationId = stationFor(m, m.category);
    lines.push({
      id: randomUUID(),
      menuItemId: m.id,
      stationId,
      name: m.name,
      unitPriceCents: m.priceCents,
      modifiersCents: modifiersCents(groups, line.modifierIds),
      taxRateBps: effectiveTaxRate(m.taxRateBps, location.taxRateBps),
      quantity: line.quantity,
      seat: line.seat,
      course: line.course,
      notes: line.notes,
      modifiers: groups.flatMap((g) =>
        g.modifiers
          .filter((mod) => chosen.has(mod.id))
          .map((mod) => ({
            modifierId: mod.id,
            name: mod.name,
            priceDeltaCents: mod.priceDeltaCents,
            stationId: modifierStationFor(mod, stationId),
          })),
      ),
    });
  });

  if (unavailable.length > 0) {
    throw new AppError("UNAVAILABLE_ITEM", `Not available: ${[...new Set(unavailable)].join(", ")}`, fieldErrors);
  }
  if (Object.keys(fieldErrors).length > 0)
    throw new AppError("VALIDATION", "Some items cannot be ordered", fieldErrors);
  return lines;
}

/**
 * Insert prepared lines: two statements whatever the count, hand-written because they run on
 * every send (a createMany compiles per call and per row count; docs/adr/0048).
 */
export async function insertLines(
  tx: Tx,
  ctx: Pick<Ctx, "locationId">,
  orderId: string,
  lines: PreparedLine[],
  status: "PENDING" | "HELD" = "PENDING",
): Promise<void> {
  if (lines.length === 0) return;
  const now = new Date();
  const rows = lines.map(({ modifiers: _m, guestLabel, ...l }) => ({ ...l, guestLabel: guestLabel ?? null }));
  await tx.$executeRaw`
    INSERT INTO "OrderItem" (id, "orderId", "locationId", "menuItemId", "stationId", name, "unitPriceCents",
                             "modifiersCents", "taxRateBps", quantity, seat, "guestLabel", course, notes, status,
                             "createdAt", "updatedAt")
    SELECT x.id, ${orderId}, ${ctx.locationId}, x."menuItemId", x."stationId", x.name, x."unitPriceCents",
           x."modifiersCents", x."taxRateBps", x.quantity, x.seat, x."guestLabel", x.course::"Course", x.notes,
           ${status}::"OrderItemStatus", ${now}, ${now}
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(
      id text, "menuItemId" text, "stationId" text, name text, "unitPriceCents" int, "modifiersCents" int,
      "taxRateBps" int, quantity int, seat int, "guestLabel" text, course text, notes text)`;
  const mods = lines.flatMap((l) => l.modifiers.map((m) => ({ ...m, id: randomUUID(), orderItemId: l.id })));
  if (mods.length > 0)
    await tx.$executeRaw`
      INSERT INTO "OrderItemModifier" (id, "orderItemId", "modifierId", name, "priceDeltaCents", "stationId")
      SELECT x.id, x."orderItemId", x."modifierId", x.name, x."priceDeltaCents", x."stationId"
      FROM json_to_recordset(${JSON.stringify(mods)}::json) AS x(
        id text, "orderItemId" text, "modifierId" text, name text, "priceDeltaCents" int, "stationId" text)`;
}
