import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { auditAs } from "../audit/record-audit";

import { publishMenuChanged } from "./publish-menu-changed";
import { idSchema, parseInput } from "../validation";
import { previewPriceChange, ROUND_STEPS, type PriceChange } from "./price-math";
import { assertCan } from "../auth/permissions";

const roundTo = z
  .number()
  .int()
  .refine((v) => (ROUND_STEPS as readonly number[]).includes(v), "Round to 1, 5, 10, 25, 50 or 100 cents")
  .default(1);

export const bulkChangePricesSchema = z.object({
  itemIds: z.array(idSchema).min(1, "Select at least one item").max(500, "At most 500 items at once"),
  change: z.discriminatedUnion("mode", [
    z.object({
      mode: z.literal("PERCENT"),
      bps: z
        .number({ error: "Enter a percentage" })
        .int()
        .min(-9_000, "At most −90 %")
        .max(100_000, "At most +1000 %")
        .refine((v) => v !== 0, "Enter a change other than 0"),
      roundTo,
    }),
    z.object({
      mode: z.literal("AMOUNT"),
      deltaCents: z
        .number({ error: "Enter an amount" })
        .int()
        .min(-100_000_00)
        .max(100_000_00)
        .refine((v) => v !== 0, "Enter a change other than 0"),
      roundTo,
    }),
  ]),
});
export type BulkChangePricesInput = z.input<typeof bulkChangePricesSchema>;

/**
 * Change the price of many items at once, all or nothing: rows are locked, every new price is
 * checked (no negative, none over the maximum) before any is written, and each change gets an
 * audit row with before/after. See price-math.ts for the rounding rule.
 */
export async function bulkChangePrices(ctx: Ctx, raw: BulkChangePricesInput) {
  assertCan(ctx, "menu.edit");
  const input = parseInput(bulkChangePricesSchema, raw);
  const ids = [...new Set(input.itemIds)].sort();
  const changed = await db.$transaction(async (tx) => {
    // FOR UPDATE: a concurrent edit of one of these prices waits instead of being overwritten.
    const rows = await tx.$queryRaw<{ id: string; name: string; priceCents: number }[]>`
      SELECT id, name, "priceCents" FROM "MenuItem"
      WHERE "locationId" = ${ctx.locationId} AND "archivedAt" IS NULL AND id = ANY(${ids}::text[])
      ORDER BY id FOR UPDATE`;
    if (rows.length !== ids.length) throw notFound("Menu item");
    const preview = previewPriceChange(rows, input.change as PriceChange);
    const bad = preview.filter((p) => p.error);
    if (bad.length) {
      throw new AppError(
        "VALIDATION",
        `Nothing changed: ${bad.map((b) => `${b.name} (${b.error?.toLowerCase()})`).join(", ")}`,
        { change: bad.map((b) => `${b.name}: ${b.error}`) },
      );
    }
    const real = preview.filter((p) => p.toCents !== p.fromCents);
    for (const p of real) {
      await tx.menuItem.update({ where: { id: p.id }, data: { priceCents: p.toCents } });
      await auditAs(
        ctx,
        {
          action: "menu.item.price",
          entityType: "MenuItem",
          entityId: p.id,
          details: {
            name: p.name,
            before: { priceCents: p.fromCents },
            after: { priceCents: p.toCents },
            bulk: input.change,
          },
        },
        tx,
      );
    }
    return real;
  });
  if (changed.length)
    await publishMenuChanged(
      ctx,
      changed.map((c) => c.id),
    );
  return { changed: changed.map((c) => ({ id: c.id, name: c.name, fromCents: c.fromCents, toCents: c.toCents })) };
}
