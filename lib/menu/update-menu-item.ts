import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { publishMenuChanged } from "./publish-menu-changed";
import { idSchema, parseInput } from "../validation";
import { assertItemRefsHere, itemData } from "./item-tenancy";
import { menuItemFieldsSchema } from "./menu-item-fields";
import { assertCan } from "../auth/permissions";

export const updateMenuItemSchema = z.object({ id: idSchema, fields: menuItemFieldsSchema });
export type UpdateMenuItemInput = z.input<typeof updateMenuItemSchema>;

/**
 * Save an item's fields, groups and windows in one transaction. The audit row keeps the changed
 * fields before/after, so "who changed the price of X, and when" has an answer.
 */
export async function updateMenuItem(ctx: Ctx, raw: UpdateMenuItemInput) {
  assertCan(ctx, "menu.edit");
  const { id, fields: f } = parseInput(updateMenuItemSchema, raw);
  await db.$transaction(async (tx) => {
    const before = await tx.menuItem.findFirst({
      where: { id, locationId: ctx.locationId, archivedAt: null },
      include: { modifierGroups: { select: { groupId: true } }, availability: { select: { windowId: true } } },
    });
    if (!before) throw notFound("Menu item");
    await assertItemRefsHere(tx, ctx, f);
    const data = itemData(f);
    try {
      await tx.menuItem.update({ where: { id }, data });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", "A menu item with this name exists", { name: ["Already on the menu"] });
      throw error;
    }
    await tx.menuItemModifierGroup.deleteMany({ where: { menuItemId: id } });
    if (f.modifierGroupIds.length)
      await tx.menuItemModifierGroup.createMany({
        data: f.modifierGroupIds.map((groupId, i) => ({ menuItemId: id, groupId, sortOrder: i })),
      });
    await tx.menuItemAvailability.deleteMany({ where: { menuItemId: id } });
    if (f.availabilityWindowIds.length)
      await tx.menuItemAvailability.createMany({
        data: f.availabilityWindowIds.map((windowId) => ({ menuItemId: id, windowId })),
      });

    const changes = diff(
      {
        ...snapshot(before),
        modifierGroupIds: before.modifierGroups.map((g) => g.groupId),
        availabilityWindowIds: before.availability.map((a) => a.windowId),
      },
      { ...snapshot(data), modifierGroupIds: f.modifierGroupIds, availabilityWindowIds: f.availabilityWindowIds },
    );
    if (Object.keys(changes.before).length) {
      await auditAs(
        ctx,
        {
          action: "menu.item.update",
          entityType: "MenuItem",
          entityId: id,
          details: { name: f.name, ...changes } as Prisma.InputJsonValue,
        },
        tx,
      );
    }
    if (before.priceCents !== f.priceCents) {
      await auditAs(
        ctx,
        {
          action: "menu.item.price",
          entityType: "MenuItem",
          entityId: id,
          details: { name: f.name, before: { priceCents: before.priceCents }, after: { priceCents: f.priceCents } },
        },
        tx,
      );
    }
  });
  await publishMenuChanged(ctx, [id]);
  return { id };
}

type Snap = Record<string, unknown>;

function snapshot(x: ReturnType<typeof itemData> | Record<string, unknown>): Snap {
  const out: Snap = {};
  for (const [k, v] of Object.entries(x)) {
    if (!(k in EDITABLE)) continue;
    out[k] =
      v instanceof Date
        ? v.toISOString().slice(0, 10)
        : v !== null && typeof v === "object" && !Array.isArray(v)
          ? String(v)
          : v;
  }
  return out;
}

const EDITABLE = Object.fromEntries(
  [
    "name",
    "categoryId",
    "description",
    "priceCents",
    "taxRateBps",
    "stationId",
    "imageUrl",
    "allergens",
    "dietaryTags",
    "kcal",
    "proteinG",
    "carbsG",
    "fatG",
    "prepMinutes",
    "seasonalFrom",
    "seasonalTo",
  ].map((k) => [k, true]),
);

/** Only the fields that changed, as before/after objects (numbers vs Decimal strings compared as text). */
function diff(a: Snap, b: Snap): { before: Snap; after: Snap } {
  const before: Snap = {};
  const after: Snap = {};
  for (const k of Object.keys(b)) {
    const x = JSON.stringify(norm(a[k]));
    const y = JSON.stringify(norm(b[k]));
    if (x !== y) {
      before[k] = a[k] ?? null;
      after[k] = b[k] ?? null;
    }
  }
  return { before, after };
}

function norm(v: unknown): unknown {
  if (Array.isArray(v)) return [...v].map(String).sort();
  if (typeof v === "number") return String(v);
  return v ?? null;
}
