import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { parseInput } from "../validation";
import { createDiscountReasonSchema, updateDiscountReasonSchema } from "./payment-settings";

const taken = (name: string) =>
  new AppError("CONFLICT", `There is already a reason called ${name}`, {
    name: ["There is already a reason with this name"],
  });

async function renamingSafely<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (name && isUniqueViolation(error)) throw taken(name);
    throw error;
  }
}

/** A new reason, last in the list. */
export async function createDiscountReason(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "payments.setup");
  const input = parseInput(createDiscountReasonSchema, raw);
  return renamingSafely(input.name, () =>
    db.$transaction(async (tx) => {
      const last = await tx.discountReason.aggregate({
        where: { locationId: ctx.locationId },
        _max: { sortOrder: true },
      });
      const row = await tx.discountReason.create({
        data: {
          locationId: ctx.locationId,
          name: input.name,
          comp: input.comp,
          sortOrder: (last._max.sortOrder ?? -1) + 1,
        },
        select: { id: true, name: true, comp: true, sortOrder: true, archivedAt: true },
      });
      await auditAs(
        ctx,
        { action: "discount-reason.created", entityType: "DiscountReason", entityId: row.id, details: input },
        tx,
      );
      return row;
    }),
  );
}

/** Renumbers the active reasons 0, 1, 2… with `id` moved one place. */
async function move(tx: Tx, locationId: string, id: string, direction: "up" | "down") {
  const rows = await tx.discountReason.findMany({
    where: { locationId, archivedAt: null },
    select: { id: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  const ids = rows.map((r) => r.id);
  const at = ids.indexOf(id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return;
  [ids[at], ids[to]] = [ids[to], ids[at]];
  for (const [i, rid] of ids.entries()) await tx.discountReason.update({ where: { id: rid }, data: { sortOrder: i } });
}

/** Rename, switch discount/comp, move up or down, archive or restore. */
export async function updateDiscountReason(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "payments.setup");
  const input = parseInput(updateDiscountReasonSchema, raw);
  return renamingSafely(input.name, () =>
    db.$transaction(async (tx) => {
      // Lock the location's list: two reorders at once cannot interleave their renumbering.
      await tx.$queryRaw`SELECT id FROM "Location" WHERE id = ${ctx.locationId} FOR UPDATE`;
      const before = await tx.discountReason.findFirst({ where: { id: input.id, locationId: ctx.locationId } });
      if (!before) throw notFound("Discount reason");
      if (input.move && before.archivedAt) throw new AppError("INVALID_STATE", "Restore the reason before moving it");
      await tx.discountReason.update({
        where: { id: before.id },
        data: {
          name: input.name,
          comp: input.comp,
          ...(input.archived === undefined
            ? {}
            : { archivedAt: input.archived ? (before.archivedAt ?? new Date()) : null }),
        },
      });
      if (input.move) await move(tx, ctx.locationId, before.id, input.move);
      const after = await tx.discountReason.findUniqueOrThrow({
        where: { id: before.id },
        select: { id: true, name: true, comp: true, sortOrder: true, archivedAt: true },
      });
      await auditAs(
        ctx,
        {
          action: "discount-reason.updated",
          entityType: "DiscountReason",
          entityId: before.id,
          details: JSON.parse(
            JSON.stringify({
              change: input,
              before: { name: before.name, comp: before.comp, archivedAt: before.archivedAt },
              after: { name: after.name, comp: after.comp, archivedAt: after.archivedAt },
            }),
          ),
        },
        tx,
      );
      return after;
    }),
  );
}
