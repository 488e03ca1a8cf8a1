import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { formatZonedDateTime } from "../time/zoned";
import { parseInput } from "../validation";
import { lockActiveArea } from "./create-table";
import { publishLayoutChanged } from "./publish-layout-changed";
import { archiveSchema, type ArchiveInput } from "./table-fields";

/**
 * Archive a table (off the floor, kept for the orders that name it) or restore it. Refused while
 * it has an open order or bookings to come; restoring needs its area active.
 */
export async function archiveTable(ctx: Ctx, raw: ArchiveInput) {
  assertCan(ctx, "setup.manage");
  const input = parseInput(archiveSchema, raw);
  const areaId = await db.$transaction(async (tx) => {
    // The same row lock openOrder takes: no order can be opened between the check and the archive.
    const rows = await tx.$queryRaw<{ id: string; areaId: string; label: string }[]>`
      SELECT id, "areaId", label FROM "DiningTable"
      WHERE id = ${input.id} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
    const table = rows[0];
    if (!table) throw notFound("Table");
    if (input.archived) {
      const open = await tx.order.count({
        where: { tableId: table.id, locationId: ctx.locationId, status: { notIn: ["CLOSED", "VOIDED"] } },
      });
      if (open > 0) {
        throw new AppError("INVALID_STATE", `Table ${table.label} has an open order: close it before archiving`);
      }
      // Bookings hold tables by id; archiving would leave guests booked at a table nobody sees.
      const booked = await tx.reservationTable.findMany({
        where: { tableId: table.id, active: true, endsAt: { gt: new Date() } },
        orderBy: { startsAt: "asc" },
        select: { startsAt: true },
      });
      if (booked.length > 0) {
        const tz = (await tx.location.findUniqueOrThrow({ where: { id: ctx.locationId } })).timezone;
        const first = formatZonedDateTime(booked[0].startsAt, tz);
        throw new AppError(
          "INVALID_STATE",
          `Table ${table.label} has ${booked.length === 1 ? "a booking" : `${booked.length} bookings`} to come (first ${first}): move ${booked.length === 1 ? "it" : "them"} to another table before archiving`,
        );
      }
    } else {
      await lockActiveArea(tx, ctx, table.areaId);
    }
    await tx.diningTable.update({
      where: { id: table.id },
      data: input.archived
        ? { archivedAt: new Date(), status: "FREE", statusAt: new Date(), mergedIntoId: null }
        : { archivedAt: null },
    });
    // Off the floor, it joins no group: tables pushed against it stand alone again.
    if (input.archived)
      await tx.diningTable.updateMany({ where: { mergedIntoId: table.id }, data: { mergedIntoId: null } });
    await auditAs(
      ctx,
      {
        action: input.archived ? "floor.table.archive" : "floor.table.restore",
        entityType: "DiningTable",
        entityId: table.id,
        details: { label: table.label },
      },
      tx,
    );
    return table.areaId;
  });
  publishLayoutChanged(ctx, { areaIds: [areaId], tableIds: [input.id] });
  return { id: input.id, archived: input.archived };
}
