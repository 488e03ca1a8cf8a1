import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { publishMenuChanged } from "./publish-menu-changed";
import { idSchema, parseInput } from "../validation";
import { assertCan } from "../auth/permissions";

export const archiveMenuItemSchema = z.object({ id: idSchema });

/**
 * Take an item off the menu for good. Archived, not deleted: past orders point at it. The name is
 * suffixed so a new item may reuse it (names are unique per location).
 */
export async function archiveMenuItem(ctx: Ctx, raw: z.infer<typeof archiveMenuItemSchema>) {
  assertCan(ctx, "menu.edit");
  const { id } = parseInput(archiveMenuItemSchema, raw);
  await db.$transaction(async (tx) => {
    const item = await tx.menuItem.findFirst({
      where: { id, locationId: ctx.locationId, archivedAt: null },
      select: { id: true, name: true },
    });
    if (!item) throw notFound("Menu item");
    const now = new Date();
    await tx.menuItem.update({
      where: { id },
      data: { archivedAt: now, name: `${item.name} (archived ${now.toISOString().slice(0, 16)})`.slice(0, 120) },
    });
    await auditAs(
      ctx,
      { action: "menu.item.archive", entityType: "MenuItem", entityId: id, details: { name: item.name } },
      tx,
    );
  });
  await publishMenuChanged(ctx, [id]);
  return { id };
}
