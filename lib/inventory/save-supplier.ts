import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { idSchema } from "../validation";
import { auditAs } from "../audit/record-audit";
import { supplierFieldsSchema } from "./supplier-fields";
import { assertCan } from "../auth/permissions";

export const saveSupplierSchema = z.object({ id: idSchema.optional(), fields: supplierFieldsSchema });
export type SaveSupplierInput = z.infer<typeof saveSupplierSchema>;

/** Create (no id) or update a supplier. */
export async function saveSupplier(ctx: Ctx, input: SaveSupplierInput) {
  assertCan(ctx, "inventory.manage");
  return db.$transaction(async (tx) => {
    try {
      if (input.id) {
        const found = await tx.supplier.findFirst({ where: { id: input.id, locationId: ctx.locationId } });
        if (!found) throw notFound("Supplier");
        await tx.supplier.update({ where: { id: found.id }, data: input.fields });
        await auditAs(
          ctx,
          {
            action: "inventory.supplier.update",
            entityType: "Supplier",
            entityId: found.id,
            details: { after: input.fields },
          },
          tx,
        );
        return { id: found.id };
      }
      const created = await tx.supplier.create({ data: { ...input.fields, locationId: ctx.locationId } });
      await auditAs(
        ctx,
        {
          action: "inventory.supplier.create",
          entityType: "Supplier",
          entityId: created.id,
          details: { after: input.fields },
        },
        tx,
      );
      return { id: created.id };
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", "A supplier with this name exists", {
          name: ["Already used by another supplier"],
        });
      throw error;
    }
  });
}
