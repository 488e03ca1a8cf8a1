import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { parseInput } from "../validation";
import {
  createPrinterSchema,
  updatePrinterSchema,
  type CreatePrinterInput,
  type UpdatePrinterInput,
} from "./printer-fields";

type Fields = NonNullable<ReturnType<typeof updatePrinterSchema.parse>["fields"]>;

/** Add a network printer at the acting location. */
export async function createPrinter(ctx: Ctx, raw: CreatePrinterInput) {
  assertCan(ctx, "payments.setup");
  const { fields } = parseInput(createPrinterSchema, raw);
  return withNameCheck(() =>
    db.$transaction(async (tx) => {
      await assertStation(tx, ctx, fields);
      const created = await tx.printer.create({
        data: { ...fields, locationId: ctx.locationId },
        select: { id: true },
      });
      await auditAs(
        ctx,
        { action: "printing.printer.create", entityType: "Printer", entityId: created.id, details: { after: fields } },
        tx,
      );
      return { id: created.id };
    }),
  );
}

/** Change a printer's settings, archive it (its queued jobs then fail) or restore it. */
export async function updatePrinter(ctx: Ctx, raw: UpdatePrinterInput) {
  assertCan(ctx, "payments.setup");
  const { id, fields, archived } = parseInput(updatePrinterSchema, raw);
  return withNameCheck(() =>
    db.$transaction(async (tx) => {
      const before = await tx.printer.findFirst({
        where: { id, locationId: ctx.locationId },
        select: { name: true, host: true, port: true, kind: true, stationId: true, lineWidth: true, archivedAt: true },
      });
      if (!before) throw notFound("Printer");
      if (fields) await assertStation(tx, ctx, fields);
      const data = {
        ...fields,
        ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }),
        // New settings, new chance: the last error belonged to the old address.
        ...(fields && (fields.host !== before.host || fields.port !== before.port) ? { lastError: null } : {}),
      };
      await tx.printer.update({ where: { id }, data });
      const action =
        archived === true
          ? "printing.printer.archive"
          : archived === false
            ? "printing.printer.restore"
            : "printing.printer.update";
      await auditAs(ctx, { action, entityType: "Printer", entityId: id, details: { before, after: fields ?? {} } }, tx);
      return { id, archived: archived ?? before.archivedAt !== null };
    }),
  );
}

/** A kitchen printer's station must be one of this location's live stations. */
async function assertStation(tx: Tx, ctx: Ctx, fields: Fields) {
  if (!fields.stationId) return;
  const station = await tx.kitchenStation.findFirst({
    where: { id: fields.stationId, locationId: ctx.locationId, archivedAt: null },
    select: { id: true },
  });
  if (!station) throw new AppError("VALIDATION", "Some fields are invalid", { stationId: ["Choose a station"] });
}

async function withNameCheck<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "A printer with this name exists", { name: ["Already used by another printer"] });
    throw error;
  }
}
