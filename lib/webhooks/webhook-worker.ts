import "server-only";
import { log } from "../log";
import { dispatchWebhooks } from "./dispatch-webhooks";

const TICK_MS = 5_000;

type WorkerState = { timer?: NodeJS.Timeout; running?: Promise<void>; again?: boolean };
const state = ((globalThis as { __webhookWorker?: WorkerState }).__webhookWorker ??= {});

/** Dispatch once now (or right after the round in progress); errors are logged, never thrown. */
export function kickWebhookDispatcher(): void {
  if (!state.timer) return; // no dispatcher in this process (tests dispatch by hand)
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = (async () => {
    do {
      state.again = false;
      try {
        // A full batch means more may be due: go again rather than wait for the tick.
        if ((await dispatchWebhooks({ batch: BATCH })).claimed === BATCH) state.again = true;
      } catch (error) {
        log.error("webhook dispatch failed", { error });
      }
    } while (state.again);
  })().finally(() => {
    state.running = undefined;
  });
}

const BATCH = 20;

/** Started once per server process (instrumentation.ts) unless WEBHOOKS_DISPATCH=off: polls every 5 s. */
export function startWebhookWorker(): void {
  if (state.timer) return;
  state.timer = setInterval(kickWebhookDispatcher, TICK_MS);
  state.timer.unref();
  log.info("webhook dispatcher started", { tickMs: TICK_MS });
}

export function stopWebhookWorker(): void {
  if (state.timer) clearInterval(state.timer);
  state.timer = undefined;
}
