import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { parseInput } from "../validation";
import { saveStationSchema, type SaveStationInput } from "./station-fields";

/** Create a station or change one (slugs are unique per location: they name the kitchen screen's URL). */
export async function saveStation(ctx: Ctx, raw: SaveStationInput) {
  assertCan(ctx, "setup.manage");
  const { id, fields } = parseInput(saveStationSchema, raw);
  try {
    return await db.$transaction(async (tx) => {
      if (id) {
        const before = await tx.kitchenStation.findFirst({
          where: { id, locationId: ctx.locationId },
          select: {
            name: true,
            slug: true,
            isExpo: true,
            showOnExpo: true,
            warnMinutes: true,
            lateMinutes: true,
            sortOrder: true,
          },
        });
        if (!before) throw notFound("Station");
        if (fields.isExpo && !before.isExpo) await assertNotRouted(tx, ctx, id);
        await tx.kitchenStation.update({ where: { id }, data: fields });
        await auditAs(
          ctx,
          {
            action: "kitchen.station.update",
            entityType: "KitchenStation",
            entityId: id,
            details: { before, after: fields },
          },
          tx,
        );
        return { id };
      }
      const created = await tx.kitchenStation.create({ data: { ...fields, locationId: ctx.locationId } });
      await auditAs(
        ctx,
        {
          action: "kitchen.station.create",
          entityType: "KitchenStation",
          entityId: created.id,
          details: { after: fields },
        },
        tx,
      );
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "A station with this short name exists", {
        slug: ["Already used by another station"],
      });
    }
    throw error;
  }
}

/** Expo cooks nothing: a station that dishes route to cannot become expo (nor be archived). */
export async function assertNotRouted(tx: Tx, ctx: Pick<Ctx, "locationId">, stationId: string): Promise<void> {
  const where = { locationId: ctx.locationId, stationId };
  const [items, categories, modifiers] = await Promise.all([
    tx.menuItem.count({ where: { ...where, archivedAt: null } }),
    tx.menuCategory.count({ where: { locationId: ctx.locationId, defaultStationId: stationId } }),
    tx.modifier.count({ where: { stationId, group: { locationId: ctx.locationId } } }),
  ]);
  const parts = [
    items && `${items} dish${items === 1 ? "" : "es"}`,
    categories && `${categories} categor${categories === 1 ? "y" : "ies"}`,
    modifiers && `${modifiers} option${modifiers === 1 ? "" : "s"}`,
  ].filter(Boolean);
  if (parts.length > 0) {
    throw new AppError("INVALID_STATE", `${parts.join(", ")} still route to this station: send them elsewhere first`);
  }
}
