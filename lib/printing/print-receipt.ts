import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { getCheckForReceipt } from "../checks/get-order-checks";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { enqueuePrint } from "./enqueue-print";
import { printReceiptSchema, type PrintReceiptInput } from "./printer-fields";
import { isPaid, receiptDocument, receiptTitle } from "./receipt-document";

/**
 * Queue a check's guest check (unpaid) or receipt (paid) on a printer: the one given, else the
 * location's first receipt printer. Only queues: a printer that is off never fails the caller
 * (the job retries and shows in the console).
 */
export async function printReceipt(ctx: Ctx, raw: PrintReceiptInput) {
  assertCan(ctx, "printing.use");
  const input = parseInput(printReceiptSchema, raw);
  const view = await getCheckForReceipt(ctx, { checkId: input.checkId });
  const printer = await db.printer.findFirst({
    where: {
      locationId: ctx.locationId,
      archivedAt: null,
      ...(input.printerId ? { id: input.printerId } : { kind: "RECEIPT" }),
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  if (!printer && input.printerId) throw notFound("Printer");
  if (!printer) throw new AppError("INVALID_STATE", "No receipt printer yet: a manager adds one in Setup → Printers");
  const job = await enqueuePrint(db, {
    locationId: ctx.locationId,
    printerId: printer.id,
    kind: isPaid(view) ? "RECEIPT" : "GUEST_CHECK",
    title: receiptTitle(view),
    document: receiptDocument(view, { printedAt: new Date() }),
    createdById: ctx.userId,
  });
  await auditAs(ctx, {
    action: "printing.receipt",
    entityType: "Check",
    entityId: input.checkId,
    details: { jobId: job.id, printerId: printer.id },
  });
  return { jobId: job.id, printerName: printer.name };
}
