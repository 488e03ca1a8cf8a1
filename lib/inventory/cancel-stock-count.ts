import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema } from "../validation";
import { auditAs } from "../audit/record-audit";
import { assertCan } from "../auth/permissions";

export const cancelStockCountSchema = z.object({ id: idSchema });

export async function cancelStockCount(ctx: Ctx, input: z.infer<typeof cancelStockCountSchema>) {
  assertCan(ctx, "inventory.manage");
  return db.$transaction(async (tx) => {
    const count = await tx.stockCount.findFirst({ where: { id: input.id, locationId: ctx.locationId } });
    if (!count) throw notFound("Stock count");
    const r = await tx.stockCount.updateMany({
      where: { id: count.id, status: "OPEN" },
      data: { status: "CANCELLED" },
    });
    if (r.count === 0) throw new AppError("INVALID_STATE", `This count is already ${count.status.toLowerCase()}`);
    await auditAs(ctx, { action: "inventory.count.cancel", entityType: "StockCount", entityId: count.id }, tx);
    return { id: count.id };
  });
}
