import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";

/** One station as /api/v1/stations/:id shows it (another location's id → 404). */
export async function getStationSetup(ctx: Ctx, id: string) {
  assertCan(ctx, "setup.manage");
  const station = await db.kitchenStation.findFirst({
    where: { id, locationId: ctx.locationId },
    select: {
      id: true,
      slug: true,
      name: true,
      isExpo: true,
      showOnExpo: true,
      warnMinutes: true,
      lateMinutes: true,
      sortOrder: true,
      archivedAt: true,
    },
  });
  if (!station) throw notFound("Station");
  return station;
}
