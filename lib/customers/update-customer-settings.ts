import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { customerSettingsSchema, type CustomerSettingsInput } from "./schemas";

/** What a block does (pickup prepaid only, or no orders) and after how many COD failures a block is suggested. */
export async function updateCustomerSettings(ctx: Ctx, raw: CustomerSettingsInput) {
  assertCan(ctx, "customers.manage");
  const input = parseInput(customerSettingsSchema, raw);
  return db.$transaction(async (tx) => {
    const saved = await tx.location.update({
      where: { id: ctx.locationId },
      data: input,
      select: { blockPolicy: true, codFailuresBeforeBlockSuggestion: true },
    });
    await auditAs(
      ctx,
      { action: "customer.settings", entityType: "Location", entityId: ctx.locationId, details: input },
      tx,
    );
    return saved;
  });
}
