import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { refusingDoubleBooking } from "../reservations/reservation-db-errors";
import { parseInput } from "../validation";
import { mergeTablesSchema, type MergeTablesInput } from "./arrange-schemas";
import { publishLayoutChanged } from "./publish-layout-changed";
import { arranging, joinTables, lockTables } from "./table-groups";

/**
 * Push tables together for one party (ADR 0033): the joined tables point at the primary, whose
 * order serves the whole group. Rows are locked, so two hosts merging one table at once get one
 * group and a clear refusal, never a chain. Every tablet redraws the room.
 */
export async function mergeTables(ctx: Ctx, raw: MergeTablesInput) {
  assertCan(ctx, "tables.arrange");
  const input = parseInput(mergeTablesSchema, raw);
  const { primary, group, joined } = await refusingDoubleBooking(() =>
    arranging(() =>
      db.$transaction(async (tx) => {
        const locked = await lockTables(tx, ctx.locationId, [input.primaryId, ...input.tableIds]);
        const merged = await joinTables(tx, ctx, locked, input.primaryId, input.tableIds);
        await auditAs(
          ctx,
          {
            action: "tables.merged",
            entityType: "DiningTable",
            entityId: merged.primary.id,
            details: { primary: merged.primary.label, joined: merged.joined.map((t) => t.label) },
          },
          tx,
        );
        return merged;
      }, TX_OPTIONS),
    ),
  );
  publishLayoutChanged(ctx, { areaIds: [primary.areaId], tableIds: group.map((t) => t.id) });
  return {
    primaryId: primary.id,
    tableIds: group.map((t) => t.id),
    labels: group.map((t) => t.label),
    seats: group.reduce((n, t) => n + t.seats, 0),
    joinedIds: joined.map((t) => t.id),
  };
}
