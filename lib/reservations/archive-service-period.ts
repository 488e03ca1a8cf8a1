import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { servicePeriodIdSchema, type ServicePeriodIdInput } from "./schemas";

/**
 * Stop taking bookings in a period. Archived, not deleted: bookings already made in it stay on
 * the host stand, and the audit keeps what the hours were. Archiving twice changes nothing.
 */
export async function archiveServicePeriod(ctx: Ctx, raw: ServicePeriodIdInput) {
  assertCan(ctx, "setup.manage");
  const { id } = parseInput(servicePeriodIdSchema, raw);
  return db.$transaction(async (tx) => {
    const row = await tx.servicePeriod.findFirst({
      where: { id, locationId: ctx.locationId },
      select: { id: true, name: true, archivedAt: true },
    });
    if (!row) throw notFound("Service period");
    if (row.archivedAt) return { id, archivedAt: row.archivedAt };
    const archived = await tx.servicePeriod.updateMany({
      where: { id, locationId: ctx.locationId, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    if (archived.count)
      await auditAs(
        ctx,
        { action: "service-period.archived", entityType: "ServicePeriod", entityId: id, details: { name: row.name } },
        tx,
      );
    const after = await tx.servicePeriod.findUniqueOrThrow({ where: { id }, select: { id: true, archivedAt: true } });
    return after;
  });
}
