import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { publishMenuChanged } from "./publish-menu-changed";
import { idSchema, parseInput } from "../validation";
import { assertCan } from "../auth/permissions";

export const deleteModifierGroupSchema = z.object({ id: idSchema });

export async function deleteModifierGroup(ctx: Ctx, raw: z.infer<typeof deleteModifierGroupSchema>) {
  assertCan(ctx, "menu.edit");
  const { id } = parseInput(deleteModifierGroupSchema, raw);
  const itemIds = await db.$transaction(async (tx) => {
    const g = await tx.modifierGroup.findFirst({
      where: { id, locationId: ctx.locationId },
      include: { items: { select: { menuItemId: true } } },
    });
    if (!g) throw notFound("Modifier group");
    const used = await tx.orderItemModifier.count({ where: { modifier: { groupId: id } } });
    if (used)
      throw new AppError("CONFLICT", `Options of ${g.name} appear on past orders; detach the group from items instead`);
    await tx.modifierGroup.delete({ where: { id } });
    await auditAs(
      ctx,
      { action: "menu.modifier_group.delete", entityType: "ModifierGroup", entityId: id, details: { name: g.name } },
      tx,
    );
    return g.items.map((i) => i.menuItemId);
  });
  await publishMenuChanged(ctx, itemIds);
  return { id };
}
