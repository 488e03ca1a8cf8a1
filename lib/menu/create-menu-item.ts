import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { auditAs } from "../audit/record-audit";

import { publishMenuChanged } from "./publish-menu-changed";
import { parseInput } from "../validation";
import { assertItemRefsHere, itemData } from "./item-tenancy";
import { menuItemFieldsSchema, type MenuItemFieldsInput } from "./menu-item-fields";
import { assertCan } from "../auth/permissions";

export const createMenuItemSchema = menuItemFieldsSchema;
export type CreateMenuItemInput = MenuItemFieldsInput;

export async function createMenuItem(ctx: Ctx, raw: CreateMenuItemInput) {
  assertCan(ctx, "menu.edit");
  const f = parseInput(createMenuItemSchema, raw);
  const item = await db.$transaction(async (tx) => {
    await assertItemRefsHere(tx, ctx, f);
    const last = await tx.menuItem.aggregate({
      where: { locationId: ctx.locationId, categoryId: f.categoryId },
      _max: { sortOrder: true },
    });
    try {
      const created = await tx.menuItem.create({
        data: {
          ...itemData(f),
          locationId: ctx.locationId,
          sortOrder: (last._max.sortOrder ?? -1) + 1,
          modifierGroups: { create: f.modifierGroupIds.map((groupId, i) => ({ groupId, sortOrder: i })) },
          availability: { create: f.availabilityWindowIds.map((windowId) => ({ windowId })) },
        },
      });
      await auditAs(
        ctx,
        {
          action: "menu.item.create",
          entityType: "MenuItem",
          entityId: created.id,
          details: { after: { name: f.name, priceCents: f.priceCents } },
        },
        tx,
      );
      return created;
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", "A menu item with this name exists", { name: ["Already on the menu"] });
      throw error;
    }
  });
  await publishMenuChanged(ctx, [item.id]);
  return { id: item.id };
}
