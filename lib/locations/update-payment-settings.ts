import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { paymentSettingsSchema, readDiscountLimits, type PaymentSettingsInput } from "./payment-settings";

/** Change some of the money settings; the audit keeps the changed fields before and after. */
export async function updatePaymentSettings(ctx: Ctx, raw: PaymentSettingsInput) {
  assertCan(ctx, "payments.setup");
  const input = parseInput(paymentSettingsSchema, raw);
  const select = { discountLimits: true, tenders: true, tipSuggestionsBps: true, bussingStep: true } as const;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Location" WHERE id = ${ctx.locationId} FOR UPDATE`;
    const before = await tx.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select });
    const after = await tx.location.update({ where: { id: ctx.locationId }, data: input, select });
    const changed = (Object.keys(input) as (keyof typeof input)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length) {
      const pick = (row: typeof before) => Object.fromEntries(changed.map((k) => [k, row[k]]));
      await auditAs(
        ctx,
        {
          action: "location.payments.update",
          entityType: "Location",
          entityId: ctx.locationId,
          details: JSON.parse(JSON.stringify({ before: pick(before), after: pick(after) })),
        },
        tx,
      );
    }
    return { ...after, discountLimits: readDiscountLimits(after.discountLimits) };
  });
}
