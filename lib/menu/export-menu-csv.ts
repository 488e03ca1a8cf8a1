import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { toCsv } from "../csv/stringify";

import { bpsToPercent, MENU_CSV_COLUMNS } from "./menu-csv";
import { assertCan } from "../auth/permissions";

/** The menu in the import format (same columns), so a spreadsheet round trip is lossless. */
export async function exportMenuCsv(ctx: Ctx): Promise<string> {
  assertCan(ctx, "menu.edit");
  const items = await db.menuItem.findMany({
    where: { locationId: ctx.locationId, archivedAt: null },
    orderBy: [{ category: { sortOrder: "asc" } }, { sortOrder: "asc" }, { name: "asc" }],
    include: {
      category: { select: { name: true } },
      station: { select: { slug: true } },
      modifierGroups: { orderBy: { sortOrder: "asc" }, select: { group: { select: { name: true } } } },
      availability: { select: { window: { select: { name: true } } } },
    },
  });
  const date = (d: Date | null) => d?.toISOString().slice(0, 10) ?? "";
  const dec = (d: { toString(): string } | null) => (d === null ? "" : d.toString());
  return toCsv(
    MENU_CSV_COLUMNS,
    items.map((i) => [
      i.name,
      i.category.name,
      (i.priceCents / 100).toFixed(2),
      i.description,
      bpsToPercent(i.taxRateBps),
      i.station?.slug ?? "",
      i.imageUrl ?? "",
      i.allergens.join("; "),
      i.dietaryTags.join("; "),
      i.kcal ?? "",
      dec(i.proteinG),
      dec(i.carbsG),
      dec(i.fatG),
      i.prepMinutes ?? "",
      date(i.seasonalFrom),
      date(i.seasonalTo),
      i.modifierGroups.map((g) => g.group.name).join("; "),
      i.availability.map((a) => a.window.name).join("; "),
    ]),
  );
}
