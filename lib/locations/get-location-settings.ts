import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { readServiceChargeRules } from "./service-charge-rules";

export const SETTINGS_SELECT = {
  id: true,
  slug: true,
  name: true,
  address: true,
  taxId: true,
  timezone: true,
  currency: true,
  taxRateBps: true,
  deliveryFeeTaxRateBps: true,
  kdsWarnMinutes: true,
  kdsLateMinutes: true,
  coursesUsed: true,
  businessDayCutoffHour: true,
  serviceChargeRules: true,
  guestOrderApproval: true,
} as const;

/** Everything the settings page edits, for the acting location. */
export async function getLocationSettings(ctx: Ctx) {
  assertCan(ctx, "setup.manage");
  const row = await db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: SETTINGS_SELECT });
  return { ...row, serviceChargeRules: readServiceChargeRules(row.serviceChargeRules) };
}

export type LocationSettings = Awaited<ReturnType<typeof getLocationSettings>>;
