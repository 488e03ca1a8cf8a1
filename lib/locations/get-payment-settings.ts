import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { readServiceChargeRules } from "./service-charge-rules";
import { readDiscountLimits } from "./payment-settings";

/** The money settings page: limits, tenders, tips, bussing, service-charge rules (read-only here) and every discount reason. */
export async function getPaymentSettings(ctx: Ctx) {
  assertCan(ctx, "payments.setup");
  const [location, reasons] = await Promise.all([
    db.location.findUniqueOrThrow({
      where: { id: ctx.locationId },
      select: {
        currency: true,
        discountLimits: true,
        tenders: true,
        tipSuggestionsBps: true,
        bussingStep: true,
        serviceChargeRules: true,
      },
    }),
    listDiscountReasonRows(ctx.locationId, true),
  ]);
  return {
    currency: location.currency,
    discountLimits: readDiscountLimits(location.discountLimits),
    tenders: location.tenders,
    tipSuggestionsBps: location.tipSuggestionsBps,
    bussingStep: location.bussingStep,
    serviceChargeRules: readServiceChargeRules(location.serviceChargeRules),
    reasons,
  };
}
export type PaymentSettings = Awaited<ReturnType<typeof getPaymentSettings>>;

export function listDiscountReasonRows(locationId: string, includeArchived: boolean) {
  return db.discountReason.findMany({
    where: { locationId, ...(includeArchived ? {} : { archivedAt: null }) },
    select: { id: true, name: true, comp: true, sortOrder: true, archivedAt: true },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { sortOrder: "asc" }, { name: "asc" }],
  });
}

/** The reasons a discount dialog offers (active ones, in order); archived too for the setup screen. */
export async function listDiscountReasons(ctx: Ctx, opts: { includeArchived?: boolean } = {}) {
  assertCan(ctx, opts.includeArchived ? "payments.setup" : "checks.discount");
  return listDiscountReasonRows(ctx.locationId, !!opts.includeArchived);
}
