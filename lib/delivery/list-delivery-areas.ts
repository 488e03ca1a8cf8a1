import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";

export const AREA_SELECT = {
  id: true,
  name: true,
  kind: true,
  polygon: true,
  minMeters: true,
  maxMeters: true,
  feeCents: true,
  minimumCents: true,
  travelMinutes: true,
  sortOrder: true,
  archivedAt: true,
} as const;

/** The location's delivery areas (active first, by sortOrder: the order containment uses) and the kitchen's position. */
export async function listDeliveryAreas(ctx: Ctx, opts: { includeArchived?: boolean } = {}) {
  assertCan(ctx, "delivery.setup");
  const [location, areas] = await Promise.all([
    db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { latitude: true, longitude: true } }),
    db.deliveryArea.findMany({
      where: { locationId: ctx.locationId, ...(opts.includeArchived ? {} : { archivedAt: null }) },
      orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { sortOrder: "asc" }, { id: "asc" }],
      select: AREA_SELECT,
    }),
  ]);
  const kitchen =
    location.latitude != null && location.longitude != null
      ? { lat: location.latitude, lng: location.longitude }
      : null;
  return { kitchen, areas };
}
