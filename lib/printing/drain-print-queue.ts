import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { log } from "../log";
import { printDocumentSchema, type PrintDocument } from "./document";
import { encodeEscPos } from "./encode-escpos";
import { renderChitDocument } from "./kitchen-chits";
import { CLAIM_LEASE_MS, nextAttemptAfter } from "./retry-policy";
import { sendToPrinter } from "./send-to-printer";

type Claimed = {
  id: string;
  printerId: string;
  document: unknown;
  attempts: number;
  locationId: string;
  createdAt: Date;
};
type PrinterRow = { id: string; host: string; port: number; lineWidth: number; archivedAt: Date | null };

export type DrainResult = { printed: number; retrying: number; failed: number };

/**
 * Send what is due: claim up to `batch` jobs (QUEUED and due, or PRINTING with an expired lease
 * after a crash) with FOR UPDATE SKIP LOCKED, so several app processes never send one job twice;
 * then, outside any transaction, send each printer's jobs in order. A failure reschedules the job
 * (5 s, 15 s, 1 min, 5 min, 15 min, then FAILED) and the printer's other claimed jobs with it,
 * untried. Records the printer's last success or error for the console.
 */
export async function drainPrintQueue(opts: { batch?: number; locationId?: string } = {}): Promise<DrainResult> {
  const batch = opts.batch ?? 20;
  const where = opts.locationId ?? null;
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "PrintJob" j
       SET status = 'PRINTING', attempts = j.attempts + 1,
           "nextAttemptAt" = now() + ${CLAIM_LEASE_MS} * interval '1 millisecond'
     WHERE j.id IN (
       SELECT id FROM "PrintJob"
        WHERE status IN ('QUEUED', 'PRINTING') AND "nextAttemptAt" <= now()
          AND (${where}::text IS NULL OR "locationId" = ${where})
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
    RETURNING j.id, j."printerId", j.document, j.attempts, j."locationId", j."createdAt"`;
  const result: DrainResult = { printed: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return result;

  const printers = await db.printer.findMany({
    where: { id: { in: [...new Set(claimed.map((j) => j.printerId))] } },
    select: { id: true, host: true, port: true, lineWidth: true, archivedAt: true },
  });
  const byPrinter = new Map<string, Claimed[]>();
  for (const job of claimed) byPrinter.set(job.printerId, [...(byPrinter.get(job.printerId) ?? []), job]);
  // Printers are independent (one off never delays another); one printer's jobs go in order.
  await Promise.all(
    [...byPrinter.entries()].map(([printerId, jobs]) =>
      sendPrinterJobs(
        printers.find((p) => p.id === printerId),
        jobs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)),
        result,
      ),
    ),
  );
  return result;
}

async function sendPrinterJobs(printer: PrinterRow | undefined, jobs: Claimed[], result: DrainResult) {
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i];
    if (!printer || printer.archivedAt) {
      await giveUp(job, "The printer was archived");
      result.failed++;
      continue;
    }
    try {
      const doc = await documentOf(job);
      await sendToPrinter(printer.host, printer.port, encodeEscPos(doc, printer.lineWidth));
      const now = new Date();
      await db.$transaction([
        db.printJob.update({
          where: { id: job.id },
          data: { status: "PRINTED", printedAt: now, lastError: null },
        }),
        db.printer.update({ where: { id: printer.id }, data: { lastOkAt: now, lastError: null } }),
      ]);
      result.printed++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      log.warn("print job not sent", { jobId: job.id, printerId: printer.id, attempts: job.attempts, error: message });
      await db.printer.update({ where: { id: printer.id }, data: { lastError: message } });
      const next = nextAttemptAfter(job.attempts, new Date());
      if (next) {
        await reschedule(job, next, message, 0);
        result.retrying++;
      } else {
        await giveUp(job, message);
        result.failed++;
      }
      // The rest wait with it, their attempt not counted: they were never tried.
      for (const rest of jobs.slice(i + 1)) {
        await reschedule(rest, next ?? new Date(Date.now() + 60_000), message, 1);
        result.retrying++;
      }
      return;
    }
  }
}

/** The job's layout; a kitchen chit queued as a reference is rendered now, once, and stored. */
async function documentOf(job: Claimed): Promise<PrintDocument> {
  const doc = printDocumentSchema.parse(job.document);
  if (!doc.source || doc.lines.length > 0) return doc;
  const rendered = await renderChitDocument(job.locationId, doc.source);
  await db.printJob.update({
    where: { id: job.id },
    data: { document: rendered as Prisma.InputJsonValue },
  });
  return rendered;
}

function reschedule(job: Claimed, at: Date, message: string, uncount: 0 | 1) {
  return db.printJob.update({
    where: { id: job.id },
    data: { status: "QUEUED", nextAttemptAt: at, lastError: message, attempts: { decrement: uncount } },
  });
}

function giveUp(job: Claimed, message: string) {
  return db.printJob.update({ where: { id: job.id }, data: { status: "FAILED", lastError: message } });
}
