import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { idSchema, parseInput } from "../validation";
import { assertCan } from "../auth/permissions";

export const deleteCategorySchema = z.object({ id: idSchema });

/** Delete an empty category. With items (even archived ones, which past orders need) it is refused. */
export async function deleteCategory(ctx: Ctx, raw: z.infer<typeof deleteCategorySchema>) {
  assertCan(ctx, "menu.edit");
  const { id } = parseInput(deleteCategorySchema, raw);
  return db.$transaction(async (tx) => {
    const c = await tx.menuCategory.findFirst({
      where: { id, locationId: ctx.locationId },
      include: { _count: { select: { items: true } } },
    });
    if (!c) throw notFound("Category");
    if (c._count.items > 0) {
      const live = await tx.menuItem.count({ where: { categoryId: id, archivedAt: null } });
      throw new AppError(
        "CONFLICT",
        live > 0
          ? `${c.name} still has ${live} item${live === 1 ? "" : "s"}; move or archive them first`
          : `${c.name} holds archived items that past orders refer to; hide it (inactive) instead`,
      );
    }
    await tx.menuCategory.delete({ where: { id } });
    await auditAs(
      ctx,
      { action: "menu.category.delete", entityType: "MenuCategory", entityId: id, details: { name: c.name } },
      tx,
    );
    return { id };
  });
}
