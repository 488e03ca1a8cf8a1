import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import {
  closedRingDropped,
  deliveryAreaSchema,
  updateDeliveryAreaSchema,
  type DeliveryAreaInput,
  type UpdateDeliveryAreaInput,
} from "./area-schemas";
import { AREA_SELECT } from "./list-delivery-areas";

type AreaFields = ReturnType<typeof deliveryAreaSchema.parse>;

/** The columns of a valid area: a polygon keeps only its points, a band only its radii. */
function columnsOf(input: AreaFields) {
  const polygon = input.kind === "POLYGON" && input.polygon ? closedRingDropped(input.polygon) : null;
  return {
    name: input.name,
    kind: input.kind,
    polygon: polygon ? (polygon.map((p) => [p[0], p[1]]) as Prisma.InputJsonValue) : Prisma.DbNull,
    minMeters: input.kind === "RADIUS" ? (input.minMeters ?? 0) : 0,
    maxMeters: input.kind === "RADIUS" ? (input.maxMeters ?? null) : null,
    feeCents: input.feeCents,
    minimumCents: input.minimumCents,
    travelMinutes: input.travelMinutes,
    sortOrder: input.sortOrder ?? 0,
  };
}

/** Radius bands are measured from the kitchen: refuse one while the location has no position. */
async function assertRadiusPossible(tx: Tx, ctx: Ctx, kind: string) {
  if (kind !== "RADIUS") return;
  const location = await tx.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { latitude: true, longitude: true },
  });
  if (location.latitude == null || location.longitude == null) {
    throw new AppError("INVALID_STATE", "Set the kitchen's position first: radius bands are measured from it", {
      kind: ["Set the kitchen's latitude and longitude in the online-ordering settings first"],
    });
  }
}

async function assertNameFree(tx: Tx, ctx: Ctx, name: string, exceptId?: string) {
  const clash = await tx.deliveryArea.findFirst({
    where: {
      locationId: ctx.locationId,
      archivedAt: null,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash)
    throw new AppError("CONFLICT", "An area with this name exists", { name: ["Already used by another area"] });
}

/** Create a delivery area (polygon or radius band) with its fee, minimum and travel time. */
export async function createDeliveryArea(ctx: Ctx, raw: DeliveryAreaInput) {
  assertCan(ctx, "delivery.setup");
  const input = parseInput(deliveryAreaSchema, raw);
  return db.$transaction(async (tx) => {
    // One writer per location's areas at a time: the name check and the insert cannot interleave.
    await tx.$queryRaw`SELECT id FROM "Location" WHERE id = ${ctx.locationId} FOR UPDATE`;
    await assertRadiusPossible(tx, ctx, input.kind);
    await assertNameFree(tx, ctx, input.name);
    const area = await tx.deliveryArea.create({
      data: { locationId: ctx.locationId, ...columnsOf(input) },
      select: AREA_SELECT,
    });
    await auditAs(
      ctx,
      {
        action: "delivery.area.create",
        entityType: "DeliveryArea",
        entityId: area.id,
        details: JSON.parse(JSON.stringify({ ...area, archivedAt: undefined })),
      },
      tx,
    );
    return area;
  });
}

/** Edit some of an area's fields; the result must still be a valid area (checked as a whole). */
export async function updateDeliveryArea(ctx: Ctx, raw: UpdateDeliveryAreaInput & { id: string }) {
  assertCan(ctx, "delivery.setup");
  const { id, ...rawFields } = raw;
  const fields = parseInput(updateDeliveryAreaSchema, rawFields);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Location" WHERE id = ${ctx.locationId} FOR UPDATE`;
    const before = await tx.deliveryArea.findFirst({
      where: { id, locationId: ctx.locationId, archivedAt: null },
      select: AREA_SELECT,
    });
    if (!before) throw notFound("Delivery area");
    const merged = parseInput(deliveryAreaSchema, {
      name: before.name,
      kind: before.kind,
      polygon: Array.isArray(before.polygon) ? before.polygon : null,
      minMeters: before.minMeters,
      maxMeters: before.maxMeters,
      feeCents: before.feeCents,
      minimumCents: before.minimumCents,
      travelMinutes: before.travelMinutes,
      sortOrder: before.sortOrder,
      ...fields,
    });
    if (merged.kind !== before.kind || fields.maxMeters !== undefined) await assertRadiusPossible(tx, ctx, merged.kind);
    if (merged.name.toLowerCase() !== before.name.toLowerCase()) await assertNameFree(tx, ctx, merged.name, id);
    const after = await tx.deliveryArea.update({
      where: { id },
      data: columnsOf(merged),
      select: AREA_SELECT,
    });
    await auditAs(
      ctx,
      {
        action: "delivery.area.update",
        entityType: "DeliveryArea",
        entityId: id,
        details: JSON.parse(
          JSON.stringify({ before: { ...before, archivedAt: undefined }, after: { ...after, archivedAt: undefined } }),
        ),
      },
      tx,
    );
    return after;
  });
}
