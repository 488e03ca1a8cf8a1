import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PrintJobKind } from "@/generated/prisma/enums";
import type { Db, Tx } from "../db";
import { notFound } from "../errors";
import type { PrintDocument } from "./document";
import { kickPrintQueue } from "./print-worker";

export type EnqueuePrintInput = {
  locationId: string;
  printerId: string;
  kind: PrintJobKind;
  title: string;
  document: PrintDocument;
  createdById?: string | null;
};

/**
 * Queue a print (QUEUED, due now). Pass the caller's transaction to queue it with the change it
 * prints (it then exists only if that commits); nothing is sent here: the queue sends after
 * commit, so a printer that is off never slows or fails the caller. Refuses another location's
 * or an archived printer (404).
 */
export async function enqueuePrint(client: Tx | Db, input: EnqueuePrintInput): Promise<{ id: string }> {
  const printer = await client.printer.findFirst({
    where: { id: input.printerId, locationId: input.locationId, archivedAt: null },
    select: { id: true },
  });
  if (!printer) throw notFound("Printer");
  const job = await client.printJob.create({
    data: {
      locationId: input.locationId,
      printerId: printer.id,
      kind: input.kind,
      title: input.title.slice(0, 120),
      document: input.document as Prisma.InputJsonValue,
      createdById: input.createdById ?? null,
    },
    select: { id: true },
  });
  // Outside a transaction the job is committed already: send it now rather than at the next tick.
  if (typeof (client as Partial<Db>).$transaction === "function") kickPrintQueue();
  return job;
}
