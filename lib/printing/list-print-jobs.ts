import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { listPrintJobsSchema, type ListPrintJobsInput } from "./printer-fields";

export type PrintJobRow = Awaited<ReturnType<typeof listPrintJobs>>["jobs"][number];

/** The print queue, newest first: state, attempts, last error (never the document itself). */
export async function listPrintJobs(ctx: Ctx, raw: ListPrintJobsInput = {}) {
  assertCan(ctx, "printing.use");
  const input = parseInput(listPrintJobsSchema, raw);
  const jobs = await db.printJob.findMany({
    where: { locationId: ctx.locationId, status: input.status, printerId: input.printerId },
    select: {
      id: true,
      kind: true,
      title: true,
      status: true,
      attempts: true,
      lastError: true,
      nextAttemptAt: true,
      createdAt: true,
      printedAt: true,
      printer: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
  });
  return {
    jobs: jobs.map(({ printer, ...j }) => ({ ...j, printerId: printer.id, printerName: printer.name })),
  };
}
