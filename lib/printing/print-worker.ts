import "server-only";
import { pollingWorker } from "../ops/polling-worker";
import { drainPrintQueue } from "./drain-print-queue";

const worker = pollingWorker("print queue worker", 2_000, async () => {
  await drainPrintQueue();
  return false;
});

/** Drain once now (or right after the drain in progress). */
export const kickPrintQueue = worker.kick;
/** Started once per server process (instrumentation.ts): polls for due jobs every 2 s. */
export const startPrintWorker = worker.start;
export const stopPrintWorker = worker.stop;
