import "server-only";
import { log } from "../log";
import { drainPrintQueue } from "./drain-print-queue";

const TICK_MS = 2_000;

type WorkerState = { timer?: NodeJS.Timeout; running?: Promise<void>; again?: boolean };
const state = ((globalThis as { __printWorker?: WorkerState }).__printWorker ??= {});

/** Drain once now (or right after the drain in progress); errors are logged, never thrown. */
export function kickPrintQueue(): void {
  if (!state.timer) return; // no worker in this process (tests drain by hand)
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = (async () => {
    do {
      state.again = false;
      try {
        await drainPrintQueue();
      } catch (error) {
        log.error("print queue drain failed", { error });
      }
    } while (state.again);
  })().finally(() => {
    state.running = undefined;
  });
}

/** Started once per server process (instrumentation.ts): polls for due jobs every 2 s. */
export function startPrintWorker(): void {
  if (state.timer) return;
  state.timer = setInterval(kickPrintQueue, TICK_MS);
  state.timer.unref();
  log.info("print queue worker started", { tickMs: TICK_MS });
}

export function stopPrintWorker(): void {
  if (state.timer) clearInterval(state.timer);
  state.timer = undefined;
}
