import "server-only";
import type { Ctx } from "../auth/context";
import { reportLocation } from "../reports/report-context";
import { reportPeriodSchema, resolvePeriod, type ReportPeriodInput } from "../reports/report-period";
import { businessDateOf } from "../time/business-day";
import { addDays, isoDate } from "../time/zoned";

/** Inventory reports take the shared report period (presets, custom dates, comparison). */
export const inventoryPeriodSchema = reportPeriodSchema;
export type InventoryPeriodInput = ReportPeriodInput;

/** With no preset and no dates, inventory reports cover the 30 business days ending today. */
export const INVENTORY_DEFAULT_DAYS = 30;

/** The location and the period of an inventory report, in the shared business-day rules. */
export async function inventoryScope(
  ctx: Ctx,
  input: { preset?: ReportPeriodInput["preset"]; from?: string; to?: string; compare?: "previous" | "none" },
  now = new Date(),
) {
  const location = await reportLocation(ctx);
  const today = businessDateOf(now, location.rules);
  const asked =
    input.preset || input.from || input.to
      ? input
      : { ...input, from: isoDate(addDays(today, 1 - INVENTORY_DEFAULT_DAYS)), to: isoDate(today) };
  return { location, period: resolvePeriod(asked, location.rules, now) };
}
