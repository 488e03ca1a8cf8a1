import "server-only";
import { log } from "../log";

type WorkerState = { timer?: NodeJS.Timeout; running?: Promise<void>; again?: boolean };

/**
 * A per-process background loop (print queue, webhook dispatcher): polls every `tickMs` once
 * started, and `kick()` runs a round now — or right after the round in progress, so kicks during
 * a round coalesce into one more. `round` answers true when more work may be waiting (a full
 * batch) to go again without waiting for the tick. Errors are logged, never thrown. The state
 * lives on globalThis so dev-server module reloads never start a second loop.
 */
export function pollingWorker(name: string, tickMs: number, round: () => Promise<boolean>) {
  const states = ((globalThis as { __pollingWorkers?: Record<string, WorkerState> }).__pollingWorkers ??= {});
  const state = (states[name] ??= {});

  function kick(): void {
    if (!state.timer) return; // not started in this process (tests run rounds by hand)
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = (async () => {
      do {
        state.again = false;
        try {
          if (await round()) state.again = true;
        } catch (error) {
          log.error(`${name} failed`, { error });
        }
      } while (state.again);
    })().finally(() => {
      state.running = undefined;
    });
  }

  function start(): void {
    if (state.timer) return;
    state.timer = setInterval(kick, tickMs);
    state.timer.unref();
    log.info(`${name} started`, { tickMs });
  }

  function stop(): void {
    if (state.timer) clearInterval(state.timer);
    state.timer = undefined;
  }

  return { kick, start, stop };
}
