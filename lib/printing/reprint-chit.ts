import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { enqueuePrint } from "./enqueue-print";
import { renderChitDocument } from "./kitchen-chits";
import { reprintChitSchema, type ReprintChitInput } from "./printer-fields";

/** Print a ticket's chit again (marked REPRINT) on the kitchen printers of its station. */
export async function reprintChit(ctx: Ctx, raw: ReprintChitInput) {
  assertCan(ctx, "printing.use");
  const input = parseInput(reprintChitSchema, raw);
  const [order, printers] = await Promise.all([
    db.order.findFirst({ where: { id: input.orderId, locationId: ctx.locationId }, select: { number: true } }),
    db.printer.findMany({
      where: { locationId: ctx.locationId, kind: "KITCHEN", stationId: input.stationId, archivedAt: null },
      select: { id: true, station: { select: { name: true } } },
    }),
  ]);
  if (!order) throw notFound("Order");
  if (printers.length === 0) throw new AppError("INVALID_STATE", "No kitchen printer serves this station");
  const document = await renderChitDocument(
    ctx.locationId,
    { kind: "kitchen-chit", orderId: input.orderId, fireBatch: input.fireBatch, stationId: input.stationId },
    { reprint: true },
  );
  const jobs = [];
  for (const p of printers) {
    jobs.push(
      await enqueuePrint(db, {
        locationId: ctx.locationId,
        printerId: p.id,
        kind: "KITCHEN_CHIT",
        title: `Re-print: Order #${order.number} · ${p.station?.name ?? "Kitchen"}`,
        document,
        createdById: ctx.userId,
      }),
    );
  }
  return { jobIds: jobs.map((j) => j.id) };
}
