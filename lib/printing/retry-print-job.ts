import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { byIdSchema, type ByIdInput } from "./printer-fields";
import { kickPrintQueue } from "./print-worker";

/**
 * "Retry" a job that failed or waits for its next attempt (due now, attempts counted afresh), or
 * "Re-print" one that printed (a new job with the same layout, so the queue keeps both). A job
 * being sent right now is refused; the change is guarded by the status read, so two managers
 * pressing Retry at once requeue it once.
 */
export async function retryPrintJob(ctx: Ctx, raw: ByIdInput) {
  assertCan(ctx, "printing.use");
  const { id } = parseInput(byIdSchema, raw);
  const job = await db.printJob.findFirst({
    where: { id, locationId: ctx.locationId },
    select: {
      id: true,
      status: true,
      kind: true,
      title: true,
      document: true,
      printerId: true,
      printer: { select: { archivedAt: true } },
    },
  });
  if (!job) throw notFound("Print job");
  if (job.printer.archivedAt) throw new AppError("INVALID_STATE", "This printer is archived: restore it first");
  if (job.status === "PRINTING") throw new AppError("INVALID_STATE", "This job is being sent right now");

  const result = await db.$transaction(async (tx) => {
    if (job.status === "PRINTED") {
      const copy = await tx.printJob.create({
        data: {
          locationId: ctx.locationId,
          printerId: job.printerId,
          kind: job.kind,
          title: job.title.startsWith("Re-print: ") ? job.title : `Re-print: ${job.title}`.slice(0, 120),
          document: job.document as Prisma.InputJsonValue,
          createdById: ctx.userId,
        },
        select: { id: true },
      });
      await auditAs(
        ctx,
        { action: "printing.job.reprint", entityType: "PrintJob", entityId: copy.id, details: { of: job.id } },
        tx,
      );
      return { id: copy.id, reprintOf: job.id };
    }
    const { count } = await tx.printJob.updateMany({
      where: { id: job.id, status: job.status },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (count === 0) throw new AppError("CONFLICT", "This job changed meanwhile: refresh and try again");
    await auditAs(
      ctx,
      { action: "printing.job.retry", entityType: "PrintJob", entityId: job.id, details: { from: job.status } },
      tx,
    );
    return { id: job.id, reprintOf: null };
  });
  kickPrintQueue();
  return result;
}
