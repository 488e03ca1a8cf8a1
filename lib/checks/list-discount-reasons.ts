import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { discountLimitFor, readDiscountLimits } from "./discount-limits";

/** The reasons the check panel offers, and how much the acting role may take off without approval. */
export async function listDiscountReasons(ctx: Ctx) {
  assertCan(ctx, "checks.discount");
  const [reasons, location] = await Promise.all([
    db.discountReason.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, comp: true },
    }),
    db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { discountLimits: true } }),
  ]);
  const limit = discountLimitFor(ctx.role, readDiscountLimits(location.discountLimits));
  return { reasons, limitCents: Number.isFinite(limit) ? limit : null };
}
