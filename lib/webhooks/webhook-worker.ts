import "server-only";
import { pollingWorker } from "../ops/polling-worker";
import { dispatchWebhooks } from "./dispatch-webhooks";

const BATCH = 20;

// A full batch means more may be due: go again rather than wait for the 5 s tick.
const worker = pollingWorker(
  "webhook dispatcher",
  5_000,
  async () => (await dispatchWebhooks({ batch: BATCH })).claimed === BATCH,
);

/** Dispatch once now (or right after the round in progress). */
export const kickWebhookDispatcher = worker.kick;
/** Started once per server process (instrumentation.ts) unless WEBHOOKS_DISPATCH=off. */
export const startWebhookWorker = worker.start;
export const stopWebhookWorker = worker.stop;
