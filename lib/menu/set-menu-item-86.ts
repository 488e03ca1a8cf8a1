import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { publishMenuChanged } from "./publish-menu-changed";
import { idSchema, parseInput } from "../validation";
import { assertCan } from "../auth/permissions";

export const setMenuItem86Schema = z.object({
  id: idSchema,
  eightySixed: z.boolean({ error: "Say whether the item is 86'd" }),
});
export type SetMenuItem86Input = z.infer<typeof setMenuItem86Schema>;

/**
 * One tap: 86 an item (MANUAL) or bring it back. Chefs may do it too (they run out first).
 * Published after commit so every order pad refetches at once; the send path also re-checks
 * is86d, so a tablet that missed the event still cannot send the item.
 */
export async function setMenuItem86(ctx: Ctx, raw: SetMenuItem86Input) {
  assertCan(ctx, "menu.86");
  const input = parseInput(setMenuItem86Schema, raw);
  const item = await db.$transaction(async (tx) => {
    const found = await tx.menuItem.findFirst({
      where: { id: input.id, locationId: ctx.locationId, archivedAt: null },
      select: { id: true, name: true, is86d: true, eightySixedBy: true },
    });
    if (!found) throw notFound("Menu item");
    if (found.is86d === input.eightySixed) return { ...found, changed: false };
    const updated = await tx.menuItem.update({
      where: { id: found.id },
      data: input.eightySixed
        ? { is86d: true, eightySixedAt: new Date(), eightySixedBy: "MANUAL" }
        : { is86d: false, eightySixedAt: null, eightySixedBy: null },
      select: { id: true, name: true, is86d: true, eightySixedBy: true },
    });
    await auditAs(
      ctx,
      {
        action: input.eightySixed ? "menu.item.86" : "menu.item.un86",
        entityType: "MenuItem",
        entityId: found.id,
        details: {
          name: found.name,
          before: { is86d: found.is86d, by: found.eightySixedBy },
          after: { is86d: updated.is86d, by: updated.eightySixedBy },
        },
      },
      tx,
    );
    return { ...updated, changed: true };
  });
  if (item.changed) await publishMenuChanged(ctx, [item.id]);
  return { id: item.id, is86d: item.is86d, eightySixedBy: item.eightySixedBy };
}
