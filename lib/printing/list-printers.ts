import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";

/** The location's printers (archived last) and the stations a kitchen printer may serve. */
export async function listPrinters(ctx: Ctx) {
  assertCan(ctx, "printing.use");
  const [printers, stations] = await Promise.all([
    db.printer.findMany({
      where: { locationId: ctx.locationId },
      select: {
        id: true,
        name: true,
        host: true,
        port: true,
        kind: true,
        stationId: true,
        lineWidth: true,
        archivedAt: true,
        lastOkAt: true,
        lastError: true,
        station: { select: { name: true } },
      },
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    }),
    db.kitchenStation.findMany({
      where: { locationId: ctx.locationId, archivedAt: null, isExpo: false },
      select: { id: true, name: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    }),
  ]);
  return {
    printers: printers.map(({ station, ...p }) => ({ ...p, stationName: station?.name ?? null })),
    stations,
  };
}
