import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { publishMenuChanged } from "./publish-menu-changed";
import { idSchema, parseInput } from "../validation";
import { assertCan } from "../auth/permissions";

export const deleteAvailabilityWindowSchema = z.object({ id: idSchema });

/** Items that used only this window become available all day (no window = always). */
export async function deleteAvailabilityWindow(ctx: Ctx, raw: z.infer<typeof deleteAvailabilityWindowSchema>) {
  assertCan(ctx, "menu.edit");
  const { id } = parseInput(deleteAvailabilityWindowSchema, raw);
  const itemIds = await db.$transaction(async (tx) => {
    const w = await tx.availabilityWindow.findFirst({
      where: { id, locationId: ctx.locationId },
      include: { items: { select: { menuItemId: true } } },
    });
    if (!w) throw notFound("Availability window");
    await tx.availabilityWindow.delete({ where: { id } });
    await auditAs(
      ctx,
      {
        action: "menu.window.delete",
        entityType: "AvailabilityWindow",
        entityId: id,
        details: { name: w.name, items: w.items.length },
      },
      tx,
    );
    return w.items.map((i) => i.menuItemId);
  });
  await publishMenuChanged(ctx, itemIds);
  return { id };
}
