import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { deliveryAreaIdSchema } from "./area-schemas";

/**
 * Archive a delivery area: new orders no longer land in it; orders already placed keep their
 * area (fee and travel time were copied at order time). Archiving twice is a 404 like any
 * unknown id, so the answer never says whether an id exists elsewhere.
 */
export async function archiveDeliveryArea(ctx: Ctx, raw: { id: string }) {
  assertCan(ctx, "delivery.setup");
  const { id } = parseInput(deliveryAreaIdSchema, raw);
  return db.$transaction(async (tx) => {
    const found = await tx.deliveryArea.findFirst({
      where: { id, locationId: ctx.locationId, archivedAt: null },
      select: { id: true, name: true },
    });
    if (!found) throw notFound("Delivery area");
    await tx.deliveryArea.update({ where: { id }, data: { archivedAt: new Date() } });
    await auditAs(
      ctx,
      { action: "delivery.area.archive", entityType: "DeliveryArea", entityId: id, details: { name: found.name } },
      tx,
    );
    return { id, archived: true };
  });
}
