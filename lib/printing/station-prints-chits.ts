import "server-only";
import type { Ctx } from "../auth/context";
import { can } from "../auth/permissions";
import { db } from "../db";

/** Whether a kitchen screen offers "Print" on its tickets: its station has an active kitchen printer. */
export async function stationPrintsChits(ctx: Ctx, stationId: string): Promise<boolean> {
  if (!can(ctx, "printing.use")) return false;
  const n = await db.printer.count({
    where: { locationId: ctx.locationId, kind: "KITCHEN", stationId, archivedAt: null },
  });
  return n > 0;
}
